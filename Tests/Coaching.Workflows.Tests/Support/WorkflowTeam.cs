using System;
using System.Activities;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.Crm.Sdk.Messages;
using Coaching.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator;
using Xrm.Emulator.Metering;

namespace Coaching.Workflows.Tests.Support;

/// <summary>
/// A sales team in an emulated Dataverse loaded from Solution/src with both assemblies the solution registers
/// (the plugins, the workflow activities): Maria manages Ravi and Sofia. A new team per test.
/// </summary>
internal sealed class WorkflowTeam
{
    private static readonly Lazy<Assembly> PluginAssembly = new(() => Assembly.LoadFrom(Metadata("PluginAssembly")));

    public WorkflowTeam()
    {
        Emulator = XrmEmulator.FromSolution(Path.Combine(Metadata("RepoRoot"), "Solution", "src"), PluginAssembly.Value, typeof(global::Coaching.Workflows.Activities.ScheduleMicroCoaching).Assembly);
        Manager = Emulator.AddUser("Maria Manager");
        Rep = Emulator.AddUser("Ravi Rep", Manager);
        OtherRep = Emulator.AddUser("Sofia Seller", Manager);
        AsManager = Emulator.Service(Manager);
    }

    public XrmEmulator Emulator { get; }

    public Guid Manager { get; }

    public Guid Rep { get; }

    public Guid OtherRep { get; }

    public IOrganizationService AsManager { get; }

    public DateTime Now => Emulator.UtcNow;

    /// <summary>An open deal of the rep's in Develop, its next interaction three days out with a goal.</summary>
    public Guid Deal(string name = "Contoso renewal", Action<Entity>? with = null)
    {
        var deal = new Entity(OpportunityTable.Name)
        {
            [OpportunityTable.Topic] = name,
            [OpportunityTable.Owner] = new EntityReference(SystemUserTable.Name, Rep),
            [OpportunityTable.SalesStage] = new OptionSetValue(1),
            [OpportunityTable.EstimatedValue] = new Money(50000m),
            [OpportunityTable.NextInteractionDate] = Now.AddDays(3),
            [OpportunityTable.NextInteractionGoal] = "Agree the pilot scope with the CFO",
        };
        with?.Invoke(deal);
        return Emulator.Service(Rep).Create(deal);
    }

    /// <summary>The rep closes the deal as the Close Opportunity dialog does: WinOpportunity (Won) or LoseOpportunity (Canceled).</summary>
    public void Close(Guid deal, bool won)
    {
        var close = new Entity("opportunityclose") { ["opportunityid"] = new EntityReference(OpportunityTable.Name, deal), ["subject"] = won ? "Won" : "Lost" };
        Emulator.Service(Rep).Execute(won
            ? new WinOpportunityRequest { OpportunityClose = close, Status = new OptionSetValue(-1) }
            : new LoseOpportunityRequest { OpportunityClose = close, Status = new OptionSetValue(-1) });
    }

    public Guid Account(int industryCode, int employees, decimal revenue, string country) =>
        AsManager.Create(new Entity(AccountTable.Name)
        {
            ["name"] = "Account",
            [AccountTable.Industry] = new OptionSetValue(industryCode),
            [AccountTable.Employees] = employees,
            [AccountTable.Revenue] = new Money(revenue),
            [AccountTable.Country] = country,
        });

    /// <summary>A session the manager logged as held: started at <paramref name="start"/>, lasting <paramref name="minutes"/>.</summary>
    public void LogSession(Guid rep, DateTime start, int minutes) =>
        AsManager.Create(new Entity(SessionTable.Name)
        {
            [ActivityColumns.Subject] = "Micro-coaching",
            [SessionTable.Rep] = new EntityReference(SystemUserTable.Name, rep),
            [ActivityColumns.ActualStart] = start,
            [ActivityColumns.ActualEnd] = start.AddMinutes(minutes),
            [SessionTable.DurationMinutes] = minutes,
        });

    /// <summary>Runs the activity as a process step would, as the manager; returns its outputs by name and the meter reading.</summary>
    public IReadOnlyDictionary<string, object?> Run(CodeActivity activity, IDictionary<string, object?> inputs, out PluginExecution execution)
    {
        IReadOnlyDictionary<string, object?> outputs = null!;
        var reading = Emulator.Meter.Measure(() => outputs = Emulator.RunWorkflowActivity(activity, inputs, userId: Manager));
        execution = reading.For(activity.GetType().FullName!).Single();
        return outputs;
    }

    public Entity Read(string table, Guid id, params string[] columns) => AsManager.Retrieve(table, id, new ColumnSet(columns));

    public IReadOnlyList<Entity> Tasks(Guid deal)
    {
        var query = new QueryExpression(TaskTable.Name) { ColumnSet = new ColumnSet(ActivityColumns.Subject, ActivityColumns.Owner) };
        query.Criteria.AddCondition(ActivityColumns.Regarding, ConditionOperator.Equal, deal);
        return AsManager.RetrieveMultiple(query).Entities;
    }

    /// <summary>Service calls of an execution, leaving out the settings read (cached for a minute per organization).</summary>
    public static string Calls(PluginExecution execution) =>
        string.Join(", ", execution.Calls.Where(c => c.Table != EnvironmentVariableTables.Definition)
            .GroupBy(c => c.Message + " " + c.Table).Select(g => g.Count() + " " + g.Key));

    private static string Metadata(string key) =>
        typeof(WorkflowTeam).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
