using System;
using System.Activities;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Async;
using Xrm.Emulator.Data;
using Xrm.Emulator.Messages;
using Xrm.Emulator.Metadata;
using Xrm.Emulator.Metering;
using Xrm.Emulator.Pipeline;
using Xrm.Emulator.Solution;
using Xrm.Emulator.Workflows;

using Xrm.Emulator.Queries;

namespace Xrm.Emulator;

/// <summary>
/// An in-memory Dataverse environment: tables, users, a clock, the plugin pipeline with its registered steps and
/// custom APIs, the asynchronous service, and a meter of the calls plugin code makes. One request at a time:
/// the emulator is not thread-safe, and needs no reset between tests — make a new one per test.
/// </summary>
public sealed class XrmEmulator
{
    /// <summary>The clock's starting point: a fixed Monday morning, so tests are repeatable.</summary>
    public static readonly DateTime DefaultStartTime = new(2025, 1, 6, 9, 0, 0, DateTimeKind.Utc);

    private readonly AsyncJobQueue _async = new();

    // Custom activity tables keep their id in activityid, not <table>id (standard ones are known to PrimaryKey).
    private readonly HashSet<string> _customActivityTables = new(StringComparer.OrdinalIgnoreCase);
    private DateTime _utcNow = DefaultStartTime;
    private int _activeRequests;

    public XrmEmulator()
    {
        Messages = new MessageCatalog(this);
        Pipeline = new EventPipeline(this);
        Runner = new PluginRunner(this);
        Workflows = new WorkflowRunner(this);
        Security = new Security.SecurityModel(this);

        Seed(() =>
        {
            Store.Insert(new Entity("organization", OrganizationId) { ["organizationid"] = OrganizationId, ["name"] = OrganizationName });
            Store.Insert(new Entity("businessunit", BusinessUnitId)
            {
                ["businessunitid"] = BusinessUnitId,
                ["name"] = OrganizationName,
                ["organizationid"] = new EntityReference("organization", OrganizationId),
            });
            InsertUser(SystemUserId, "SYSTEM", null);
            InsertUser(AdminUserId, "Admin User", null);
        });
    }

    /// <summary>An environment with the steps, custom APIs and environment variables of an unpacked solution (Solution/src).</summary>
    public static XrmEmulator FromSolution(string solutionSrcFolder, params Assembly[] pluginAssemblies)
    {
        var emulator = new XrmEmulator();
        new SolutionRegistrationLoader(solutionSrcFolder, pluginAssemblies).LoadInto(emulator);
        return emulator;
    }

    /// <summary>
    /// As <see cref="FromSolution(string, Assembly[])"/>, running the plugin instances of <paramref name="sharedPlugins"/>
    /// (created on first use): several emulators, one per organization, then share them as a server's threads do.
    /// </summary>
    public static XrmEmulator FromSolution(string solutionSrcFolder, PluginInstances sharedPlugins, params Assembly[] pluginAssemblies)
    {
        var emulator = new XrmEmulator();
        new SolutionRegistrationLoader(solutionSrcFolder, pluginAssemblies, sharedPlugins ?? throw new ArgumentNullException(nameof(sharedPlugins))).LoadInto(emulator);
        return emulator;
    }

    public EntityStore Store { get; } = new();

    /// <summary>The tables and columns served: the standard ones, plus the loaded solution's. Everything else is refused.</summary>
    public MetadataCatalog Metadata { get; } = new();

    public StepRegistry Steps { get; } = new();

    /// <summary>Roles, field security profiles and whether calls are checked (off until <see cref="Security.SecurityModel.Enforce"/>).</summary>
    public Security.SecurityModel Security { get; }

    public CallMeter Meter { get; } = new();

    public Guid OrganizationId { get; } = Guid.NewGuid();

    public string OrganizationName { get; } = "emulator";

    public Guid BusinessUnitId { get; } = Guid.NewGuid();

    /// <summary>The user <see cref="Service"/> acts as when given none (a system administrator).</summary>
    public Guid AdminUserId { get; } = Guid.NewGuid();

    /// <summary>SYSTEM: the user of <c>CreateOrganizationService(null)</c> in a plugin.</summary>
    public Guid SystemUserId { get; } = Guid.NewGuid();

    /// <summary>"Now" for createdon/modifiedon, OperationCreatedOn and date conditions in queries.</summary>
    public DateTime UtcNow
    {
        get => _utcNow;
        set => _utcNow = value.Kind switch
        {
            DateTimeKind.Utc => value,
            DateTimeKind.Local => value.ToUniversalTime(),
            _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        };
    }

    public void AdvanceTime(TimeSpan by) => UtcNow = _utcNow + by;

    /// <summary>When asynchronous steps run; by default right after the request that queued them commits.</summary>
    public AsyncJobMode AsyncMode { get; set; } = AsyncJobMode.AfterEachRequest;

    /// <summary>Every asynchronous step queued so far, whatever its status.</summary>
    public IReadOnlyList<SystemJob> SystemJobs => _async.All;

    public IReadOnlyList<SystemJob> PendingJobs => _async.Pending;

    public IReadOnlyList<SystemJob> FailedJobs => _async.All.Where(j => j.Status == SystemJobStatus.Failed).ToList();

    internal MessageCatalog Messages { get; }

    internal EventPipeline Pipeline { get; }

    internal PluginRunner Runner { get; }

    internal AsyncJobQueue Async => _async;

    internal WorkflowRunner Workflows { get; }

    /// <summary>An organization service acting as <paramref name="callingUserId"/> (the admin user when null): a user request at depth 1.</summary>
    public IOrganizationService Service(Guid? callingUserId = null)
    {
        var user = callingUserId ?? AdminUserId;
        RequireUser(user);
        return new OrganizationService(this, CallOrigin.User(user));
    }

    /// <summary>Adds a systemuser row (fullname, parentsystemuserid = the manager) and returns its id.</summary>
    public Guid AddUser(string fullName, Guid? managerId = null) => AddUser(fullName, managerId, null);

    /// <summary>Adds a systemuser in <paramref name="businessUnitId"/> (the root unit when null) and returns its id.</summary>
    public Guid AddUser(string fullName, Guid? managerId, Guid? businessUnitId)
    {
        if (string.IsNullOrWhiteSpace(fullName)) throw new ArgumentException("A user needs a name.", nameof(fullName));
        if (managerId is { } manager) RequireUser(manager);
        if (businessUnitId is { } unit && !Store.Exists("businessunit", unit)) throw new ArgumentException($"There is no businessunit with id {unit}.", nameof(businessUnitId));
        var id = Guid.NewGuid();
        Seed(() => InsertUser(id, fullName, managerId, businessUnitId));
        return id;
    }

    /// <summary>Adds a business unit below <paramref name="parentId"/> (the root unit when null) and returns its id.</summary>
    public Guid AddBusinessUnit(string name, Guid? parentId = null)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A business unit needs a name.", nameof(name));
        var parent = parentId ?? BusinessUnitId;
        if (!Store.Exists("businessunit", parent)) throw new ArgumentException($"There is no businessunit with id {parent}.", nameof(parentId));
        var id = Guid.NewGuid();
        Seed(() => Store.Insert(new Entity("businessunit", id)
        {
            ["businessunitid"] = id,
            ["name"] = name,
            ["parentbusinessunitid"] = new EntityReference("businessunit", parent),
            ["organizationid"] = new EntityReference("organization", OrganizationId),
        }));
        return id;
    }

    public StepRegistration RegisterStep(StepRegistration step)
    {
        StepValidation.Check(step, Metadata);
        return Steps.Register(step);
    }

    public CustomApiRegistration RegisterCustomApi(CustomApiRegistration api)
    {
        api.Validate();
        Messages.AddCustomApi(api);
        return api;
    }

    /// <summary>
    /// Creates or replaces the environmentvariabledefinition (schemaname, defaultvalue) and its current value row
    /// (environmentvariablevalue.value), or removes the value row when <paramref name="value"/> is null.
    /// </summary>
    public void SetEnvironmentVariable(string schemaName, string? defaultValue, string? value = null) =>
        SetEnvironmentVariable(schemaName, defaultValue, value, EnvironmentVariables.StringType);

    internal void SetEnvironmentVariable(string schemaName, string? defaultValue, string? value, int type) =>
        Seed(() => EnvironmentVariables.Set(this, schemaName, defaultValue, value, type));

    /// <summary>
    /// Adds an owner team (teamtype 0, in the emulator's business unit) with its administrator and members
    /// (teammembership rows) and returns its id. A team can own records: ownerid = EntityReference("team", id).
    /// </summary>
    public Guid AddTeam(string name, Guid administratorId, params Guid[] memberIds)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A team needs a name.", nameof(name));
        RequireUser(administratorId);
        foreach (var member in memberIds) RequireUser(member);
        var id = Guid.NewGuid();
        Seed(() =>
        {
            Store.Insert(new Entity("team", id)
            {
                ["teamid"] = id,
                ["name"] = name,
                ["administratorid"] = new EntityReference("systemuser", administratorId),
                ["businessunitid"] = new EntityReference("businessunit", BusinessUnitId),
                ["teamtype"] = new OptionSetValue(0),
                ["isdefault"] = false,
                ["createdon"] = _utcNow,
                ["modifiedon"] = _utcNow,
            });
            foreach (var member in memberIds.Distinct())
            {
                var membership = Guid.NewGuid();
                Store.Insert(new Entity("teammembership", membership) { ["teammembershipid"] = membership, ["teamid"] = id, ["systemuserid"] = member });
            }
        });
        return id;
    }

    /// <summary>Runs the queued asynchronous steps (and the ones they queue); returns how many ran.</summary>
    public int RunAsyncJobs() => _async.RunPending(Runner, () => UtcNow);

    /// <summary>
    /// Runs a custom workflow activity: inputs by their [Input] names, outputs returned by their [Output] names.
    /// Its service calls run as <paramref name="userId"/> (the admin user when null) through the pipeline at depth 2.
    /// </summary>
    public IReadOnlyDictionary<string, object?> RunWorkflowActivity(
        CodeActivity activity, IDictionary<string, object?> inputs, EntityReference? primaryEntity = null, Guid? userId = null)
    {
        EnterRequest();
        try
        {
            return Workflows.Run(activity, inputs, primaryEntity, userId ?? AdminUserId);
        }
        finally
        {
            ExitRequest();
        }
    }

    /// <summary>Declares a custom activity table (Entity.xml IsActivity 1): its rows are keyed by activityid.</summary>
    public void AddActivityTable(string logicalName)
    {
        _customActivityTables.Add(logicalName);
        if (Metadata.Find(logicalName) == null) Metadata.AddCustomTable(logicalName, isActivity: true, userOwned: true, System.Array.Empty<ColumnMetadata>());
    }

    /// <summary>The primary id column: activityid for activity tables, businessprocessflowinstanceid for process flows, else &lt;table&gt;id.</summary>
    public string PrimaryKeyOf(string table) => _customActivityTables.Contains(table) ? "activityid" : PrimaryKey.DefaultNameFor(table);

    /// <summary>The states and status reasons of a table, or null when the emulator has no model of them.</summary>
    internal StateModel? StatesOf(string table) => Metadata.Find(table)?.States;

    /// <summary>Trace lines of every execution of a plugin (full or short type name), in order.</summary>
    public IReadOnlyList<string> TraceLines(string pluginType) => Meter.For(pluginType).SelectMany(e => e.TraceLines).ToList();

    internal void RequireUser(Guid userId)
    {
        if (!Store.Exists("systemuser", userId)) throw new ArgumentException($"There is no systemuser with id {userId}; add it with AddUser first.", nameof(userId));
    }

    internal void EnterRequest() => _activeRequests++;

    internal void ExitRequest()
    {
        _activeRequests--;
        if (_activeRequests == 0 && AsyncMode == AsyncJobMode.AfterEachRequest) RunAsyncJobs();
    }

    /// <summary>Setup writes go straight to the store, outside any request, and are committed at once.</summary>
    private void Seed(Action write)
    {
        var savepoint = Store.Savepoint();
        try
        {
            write();
        }
        catch
        {
            Store.RollbackTo(savepoint);
            throw;
        }

        if (_activeRequests == 0) Store.Commit(0);
    }

    private void InsertUser(Guid id, string fullName, Guid? managerId, Guid? businessUnitId = null)
    {
        var names = fullName.Trim().Split(' ', 2);
        var user = new Entity("systemuser", id)
        {
            ["systemuserid"] = id,
            ["fullname"] = fullName,
            ["firstname"] = names[0],
            ["lastname"] = names.Length > 1 ? names[1] : names[0],
            ["domainname"] = new string(fullName.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant() + "@emulator.local",
            ["businessunitid"] = new EntityReference("businessunit", businessUnitId ?? BusinessUnitId),
            ["isdisabled"] = false,
            ["createdon"] = _utcNow,
            ["modifiedon"] = _utcNow,
        };
        if (managerId is { } manager) user["parentsystemuserid"] = new EntityReference("systemuser", manager);
        Store.Insert(user);
    }
}
