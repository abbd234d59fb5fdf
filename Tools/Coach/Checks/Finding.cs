using System;
using System.Collections.Generic;
using System.Linq;
using Coach.SolutionSource;

namespace Coach.Checks;

public enum Severity
{
    Warning,
    Error,
}

/// <summary>One result of <c>coach check</c>: which rule, how bad, where, and what to do about it.</summary>
public sealed record Finding(string RuleId, Severity Severity, SourceLocation Location, string Message)
{
    public override string ToString() => $"{(Severity == Severity.Error ? "error" : "warning")} {RuleId} {Location}: {Message}";
}

/// <summary>The outcome of a check run.</summary>
public sealed class CheckReport
{
    public CheckReport(IReadOnlyList<Finding> findings, CheckStatistics statistics)
    {
        Findings = findings
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.Location.File, StringComparer.Ordinal)
            .ThenBy(f => f.Location.Line)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ToList();
        Statistics = statistics;
    }

    public IReadOnlyList<Finding> Findings { get; }

    public CheckStatistics Statistics { get; }

    public int ErrorCount => Findings.Count(f => f.Severity == Severity.Error);

    public int WarningCount => Findings.Count(f => f.Severity == Severity.Warning);

    public bool HasErrors => ErrorCount > 0;

    public IEnumerable<Finding> For(string ruleId) => Findings.Where(f => f.RuleId == ruleId);
}

public sealed record CheckStatistics(
    int XmlFiles,
    int Tables,
    int Steps,
    int PluginTypes,
    int CustomApis,
    int SourceFiles,
    IReadOnlyList<string> AssembliesInspected,
    IReadOnlyList<string> Notes);

/// <summary>The rules <c>coach check</c> runs. Solution checker ids where the rule is one of Microsoft's; coach-* for ours.</summary>
public static class Rules
{
    // Microsoft Power Apps solution checker rules we hold ourselves to.
    public const string FilteringAttributes = "meta-avoid-reg-no-attribute";
    public const string DuplicateRegistration = "meta-remove-dup-reg";
    public const string RetrieveRegistration = "meta-avoid-reg-retrieve";
    public const string SpecifyColumns = "il-specify-column";
    public const string BatchInPlugin = "il-avoid-batch-plugin";
    public const string SpecializedUpdateOps = "il-avoid-specialized-update-ops";
    public const string ParallelInPlugin = "il-avoid-parallel-plugin";
    public const string LockInPlugin = "il-avoid-lock-plugin";

    // Ours.
    public const string Xml = "coach-xml";
    public const string SourceLayout = "coach-source-layout";
    public const string RootComponents = "coach-root-components";
    public const string Manifest = "coach-manifest";
    public const string StepMessage = "coach-step-message";
    public const string StepPluginType = "coach-step-plugin-type";
    public const string PluginWithoutStep = "coach-plugin-without-step";
    public const string AssemblyTypes = "coach-assembly-types";
    public const string AssemblyIdentity = "coach-assembly-identity";
    public const string StepColumns = "coach-step-columns";
    public const string StepImages = "coach-step-images";
    public const string StepStage = "coach-step-stage";
    public const string FormFields = "coach-form-fields";
    public const string ViewColumns = "coach-view-columns";
    public const string RolePrivileges = "coach-role-privileges";
    public const string EnvironmentVariable = "coach-envvar";
    public const string CustomApi = "coach-custom-api";
    public const string StatelessPlugin = "coach-plugin-stateless";
    public const string SensitiveColumns = "coach-sensitive-columns";

    // The shape of real exports (ExportFormatRules).
    public const string Guid = "coach-guid";
    public const string Lookup = "coach-lookup";
    public const string TablePrimary = "coach-table-primary";
    public const string ElementOrder = "coach-element-order";
    public const string FormIds = "coach-form-ids";
    public const string FormCustomControls = "coach-form-custom-controls";
    public const string CustomApiFormat = "coach-custom-api-format";
    public const string SystemTableShell = "coach-system-table-shell";

    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        [FilteringAttributes] = "Update/UpdateMultiple steps name their filtering attributes",
        [DuplicateRegistration] = "no plugin is registered twice for the same event (single and bulk messages count as one)",
        [RetrieveRegistration] = "no synchronous steps on Retrieve/RetrieveMultiple",
        [SpecifyColumns] = "no all-columns queries in plugin or workflow code",
        [BatchInPlugin] = "no ExecuteMultipleRequest/ExecuteTransactionRequest in plugin or workflow code",
        [SpecializedUpdateOps] = "no SetStateRequest/AssignRequest in plugin or workflow code",
        [ParallelInPlugin] = "no parallel execution or threads in plugin or workflow code",
        [LockInPlugin] = "locks in plugin code serialize the sandbox; prefer immutable or concurrent structures",
        [Xml] = "every XML file under Solution/src is well-formed",
        [SourceLayout] = "Solution/src holds only folders the packer knows",
        [RootComponents] = "Solution.xml lists every component present, and nothing else; plugin assemblies with their full name",
        [Manifest] = "unique name, publisher prefix and option value prefix",
        [StepMessage] = "each step names a known message, consistently in its id and name",
        [StepPluginType] = "each step's plugin type is in the assembly registration and in the built assembly",
        [PluginWithoutStep] = "every IPlugin class has a step or implements a custom API",
        [AssemblyTypes] = "registered plugin types exist in the built assembly and vice versa",
        [AssemblyIdentity] = "the registered assembly name, version and key match the build",
        [StepColumns] = "filtering attributes and image columns exist on the table",
        [StepImages] = "images fit the message and stage",
        [StepStage] = "stage, mode and rank are valid",
        [FormFields] = "form fields and sub-grids point at columns, views and tables that exist",
        [ViewColumns] = "view columns exist on the table",
        [RolePrivileges] = "security role privileges are well-formed and exist",
        [EnvironmentVariable] = "the settings variable ships Core's default JSON",
        [CustomApi] = "custom APIs name an existing plugin type; response properties are never optional",
        [StatelessPlugin] = "no mutable static or instance state in plugin classes",
        [SensitiveColumns] = "the coaching judgement columns are secured and opened by a shipped field security profile",
        [Guid] = "every id, message id, plugin type id and form, view and role id is a GUID",
        [Lookup] = "every new lookup has a OneToMany relationship in Other/Relationships; LookupType holds integer type codes only",
        [TablePrimary] = "a new table has its primary key, one PrimaryName column and statecode/statuscode with states and statuses",
        [ElementOrder] = "step, image, plugin assembly, plugin type, option set and custom API children in the order exports and the schema use",
        [FormIds] = "control and cell ids unique within a form; header controls named header_<column>",
        [FormCustomControls] = "a form's custom controls describe a control of the form and are platform controls or code components the solution ships",
        [CustomApiFormat] = "custom APIs: plain-string <name>, plugin linked by PluginTypeId",
        [SystemTableShell] = "a platform table that gains columns, forms or views carries no unmodified on <entity>",
    };
}
