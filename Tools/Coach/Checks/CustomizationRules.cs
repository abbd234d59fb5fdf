using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Coach.SolutionSource;
using Coaching.Core.Settings;

namespace Coach.Checks;

/// <summary>Forms, views, security roles and the settings environment variable.</summary>
internal static class CustomizationRules
{
    public const string DefaultJsonSource = "Plugins/Coaching.Core/Settings/CoachingSettings.DefaultJson.cs";

    private static readonly Regex PrivilegeName = new("^prv(?<access>Create|Read|Write|Delete|AppendTo|Append|Assign|Share)(?<entity>[A-Za-z0-9_]+)$", RegexOptions.Compiled);

    private static readonly HashSet<string> Levels = new(StringComparer.Ordinal) { "Basic", "Local", "Deep", "Global" };

    /// <summary>Privileges of platform tables that exist (Checks/privileges.txt; the new tables' come from Solution/src).</summary>
    public static IReadOnlySet<string> KnownPrivileges { get; } = ReadPrivileges();

    private static IReadOnlySet<string> ReadPrivileges()
    {
        using var stream = typeof(CustomizationRules).Assembly.GetManifestResourceStream("Coach.Checks.privileges.txt")
                           ?? throw new InvalidOperationException("The privileges list (Checks/privileges.txt) is not embedded in coach.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal);
    }

    private static readonly HashSet<string> BusinessData = new(StringComparer.OrdinalIgnoreCase) { "Activity", "Opportunity", "Account", "Contact", "Lead" };

    public static IEnumerable<Finding> Run(CheckContext context)
    {
        foreach (var finding in Forms(context)) yield return finding;
        foreach (var finding in Views(context)) yield return finding;
        foreach (var finding in Roles(context)) yield return finding;
        foreach (var finding in EnvironmentVariables(context)) yield return finding;
    }

    private static IEnumerable<Finding> Forms(CheckContext context)
    {
        var tree = context.Tree;
        foreach (var duplicate in tree.Forms.GroupBy(f => f.Id).Where(g => g.Count() > 1))
        {
            yield return new Finding(Rules.FormFields, Severity.Error, duplicate.Skip(1).First().Location, $"Form id {{{duplicate.Key:D}}} is used by {duplicate.Count()} forms.");
        }

        foreach (var form in tree.Forms)
        {
            if (form.Id == Guid.Empty)
            {
                yield return new Finding(Rules.FormFields, Severity.Error, form.Location, $"Form '{form.Name}' has no formid.");
            }

            foreach (var field in form.Fields.Where(f => !context.Columns.Has(form.Table, f.Name)))
            {
                yield return new Finding(Rules.FormFields, Severity.Error, field.Location, $"Form '{form.Name}' shows '{field.Name}', which is not a column of {form.Table}.");
            }

            foreach (var grid in form.Subgrids)
            {
                if (grid.TargetEntity == null || !context.Columns.KnowsTable(grid.TargetEntity))
                {
                    yield return new Finding(Rules.FormFields, Severity.Error, grid.Location, $"Sub-grid '{grid.ControlId}' on form '{form.Name}' targets '{grid.TargetEntity ?? "(none)"}', which is not a known table.");
                    continue;
                }

                var targetViews = tree.Views.Where(v => v.Table == grid.TargetEntity).ToList();
                var target = tree.Table(grid.TargetEntity);
                if (grid.ViewId == null)
                {
                    yield return new Finding(Rules.FormFields, Severity.Error, grid.Location, $"Sub-grid '{grid.ControlId}' on form '{form.Name}' names no ViewId.");
                }
                else if (targetViews.All(v => v.Id != grid.ViewId))
                {
                    yield return new Finding(Rules.FormFields, target?.IsNew == true ? Severity.Error : Severity.Warning, grid.Location,
                        $"Sub-grid '{grid.ControlId}' on form '{form.Name}' uses view {{{grid.ViewId:D}}}, which is not among the {grid.TargetEntity} views in Solution/src.");
                }

                if (grid.RelationshipName == null)
                {
                    yield return new Finding(Rules.FormFields, Severity.Warning, grid.Location, $"Sub-grid '{grid.ControlId}' on form '{form.Name}' has no RelationshipName, so it lists every {grid.TargetEntity} instead of the related ones.");
                }
            }
        }

        foreach (var table in tree.Tables.Where(t => t.IsNew && !tree.Forms.Any(f => f.Table == t.LogicalName && f.FormType == "main")))
        {
            yield return new Finding(Rules.FormFields, Severity.Error, table.Location, $"New table '{table.LogicalName}' has no main form in FormXml/main.");
        }
    }

    private static IEnumerable<Finding> Views(CheckContext context)
    {
        var tree = context.Tree;
        foreach (var duplicate in tree.Views.GroupBy(v => v.Id).Where(g => g.Count() > 1))
        {
            yield return new Finding(Rules.ViewColumns, Severity.Error, duplicate.Skip(1).First().Location, $"View id {{{duplicate.Key:D}}} is used by {duplicate.Count()} views.");
        }

        foreach (var view in tree.Views)
        {
            if (view.Id == Guid.Empty)
            {
                yield return new Finding(Rules.ViewColumns, Severity.Error, view.Location, $"View '{view.Name}' has no savedqueryid.");
            }

            if (view.FetchEntity == null)
            {
                yield return new Finding(Rules.ViewColumns, Severity.Error, view.Location, $"View '{view.Name}' has no fetchxml entity.");
                continue;
            }

            if (view.FetchEntity != view.Table)
            {
                yield return new Finding(Rules.ViewColumns, Severity.Error, view.Location, $"View '{view.Name}' sits under {view.Table} but queries {view.FetchEntity}.");
                continue;
            }

            foreach (var column in view.FetchColumns.Concat(view.LayoutCells).Where(c => !c.Name.Contains('.') && !context.Columns.Has(view.Table, c.Name)))
            {
                yield return new Finding(Rules.ViewColumns, Severity.Error, column.Location, $"View '{view.Name}': {column.Role} '{column.Name}' is not a column of {view.Table}.");
            }

            var fetched = view.FetchColumns.Where(c => c.Role == "attribute").Select(c => c.Name).ToHashSet();
            foreach (var cell in view.LayoutCells.Where(c => !c.Name.Contains('.') && !fetched.Contains(c.Name)))
            {
                yield return new Finding(Rules.ViewColumns, Severity.Error, cell.Location, $"View '{view.Name}' shows '{cell.Name}' but its fetchxml does not fetch it, so the column stays empty.");
            }
        }

        foreach (var table in tree.Tables.Where(t => t.IsNew))
        {
            var views = tree.Views.Where(v => v.Table == table.LogicalName).ToList();
            if (!views.Any(v => v.QueryType == 0 && v.IsDefault))
            {
                yield return new Finding(Rules.ViewColumns, Severity.Warning, table.Location, $"New table '{table.LogicalName}' has no default public view.");
            }

            foreach (var (type, label) in new[] { (1, "Advanced Find"), (2, "associated"), (4, "Quick Find"), (64, "lookup") })
            {
                if (!views.Any(v => v.QueryType == type))
                {
                    yield return new Finding(Rules.ViewColumns, Severity.Warning, table.Location, $"New table '{table.LogicalName}' has no {label} view (querytype {type}).");
                }
            }
        }
    }

    private static IEnumerable<Finding> Roles(CheckContext context)
    {
        var tree = context.Tree;
        var newTables = tree.Tables.Where(t => t.IsNew).ToDictionary(t => t.LogicalName, StringComparer.OrdinalIgnoreCase);
        foreach (var duplicate in tree.Roles.Where(r => r.Id != null).GroupBy(r => r.Id).Where(g => g.Count() > 1))
        {
            yield return new Finding(Rules.RolePrivileges, Severity.Error, duplicate.Skip(1).First().Location, $"Role id {{{duplicate.Key:D}}} is used by {duplicate.Count()} roles.");
        }

        foreach (var role in tree.Roles)
        {
            if (role.Id == null)
            {
                yield return new Finding(Rules.RolePrivileges, Severity.Error, role.Location, $"Role '{role.Name}' has no id.");
            }

            if (role.Privileges.Count == 0)
            {
                yield return new Finding(Rules.RolePrivileges, Severity.Warning, role.Location, $"Role '{role.Name}' grants nothing.");
            }

            foreach (var repeated in role.Privileges.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                yield return new Finding(Rules.RolePrivileges, Severity.Error, repeated.Skip(1).First().Location, $"Role '{role.Name}' lists {repeated.Key} {repeated.Count()} times.");
            }

            foreach (var privilege in role.Privileges)
            {
                if (!Levels.Contains(privilege.Level))
                {
                    yield return new Finding(Rules.RolePrivileges, Severity.Error, privilege.Location, $"Role '{role.Name}': {privilege.Name} has level '{privilege.Level}'; use Basic, Local, Deep or Global.");
                }

                var match = PrivilegeName.Match(privilege.Name);
                if (!match.Success)
                {
                    yield return new Finding(Rules.RolePrivileges, Severity.Error, privilege.Location, $"Role '{role.Name}': '{privilege.Name}' is not a privilege name (prv + Create/Read/Write/Delete/Append/AppendTo/Assign/Share + table).");
                    continue;
                }

                var entity = match.Groups["entity"].Value;
                if (newTables.TryGetValue(entity, out var table))
                {
                    if (table.IsActivity)
                    {
                        yield return new Finding(Rules.RolePrivileges, Severity.Error, privilege.Location,
                            $"Role '{role.Name}': {privilege.Name} does not exist. A custom activity such as {table.LogicalName} shares the Activity privileges (prv{match.Groups["access"].Value}Activity).");
                    }

                    continue;
                }

                if (!KnownPrivileges.Contains(privilege.Name))
                {
                    yield return new Finding(Rules.RolePrivileges, Severity.Error, privilege.Location,
                        $"Role '{role.Name}': {privilege.Name} is not a privilege Dataverse has (Tools/Coach/Checks/privileges.txt lists the real ones); a role lists only privileges that exist, as real role exports do.");
                }
                else if (privilege.Level == "Global" && BusinessData.Contains(entity) && match.Groups["access"].Value != "Read")
                {
                    yield return new Finding(Rules.RolePrivileges, Severity.Warning, privilege.Location,
                        $"Role '{role.Name}': {privilege.Name} at organization level; coaching works within a business unit, so Local or less keeps the role least-privileged.");
                }
            }
        }
    }

    private static IEnumerable<Finding> EnvironmentVariables(CheckContext context)
    {
        foreach (var variable in context.Tree.EnvironmentVariables)
        {
            if (!variable.SchemaName.StartsWith(context.Prefix + "_", StringComparison.Ordinal))
            {
                yield return new Finding(Rules.EnvironmentVariable, Severity.Error, variable.Location, $"Environment variable '{variable.SchemaName}' does not carry the publisher prefix '{context.Prefix}_'.");
            }

            if (variable.DefaultValue is { Length: > 2000 })
            {
                yield return new Finding(Rules.EnvironmentVariable, Severity.Error, variable.DefaultValueLocation, $"The default value of '{variable.SchemaName}' has {variable.DefaultValue.Length} characters; an environment variable default holds at most 2,000.");
            }

            if (!string.Equals(variable.SchemaName, CoachingSettingsException.VariableName, StringComparison.Ordinal)) continue;

            if (variable.Type != 100000003)
            {
                yield return new Finding(Rules.EnvironmentVariable, Severity.Error, variable.Location, $"'{variable.SchemaName}' has type {variable.Type?.ToString() ?? "(none)"}; the settings are JSON (100000003).");
            }

            string? parseError = null;
            try
            {
                CoachingSettingsParser.Parse(variable.DefaultValue);
            }
            catch (CoachingSettingsException e)
            {
                parseError = e.Message;
            }

            if (parseError != null)
            {
                yield return new Finding(Rules.EnvironmentVariable, Severity.Error, variable.DefaultValueLocation, $"The default value is not valid settings: {parseError}");
            }

            var sourceFile = Path.Combine(context.Layout.Root, DefaultJsonSource);
            if (!File.Exists(sourceFile))
            {
                yield return new Finding(Rules.EnvironmentVariable, Severity.Warning, variable.DefaultValueLocation, $"{DefaultJsonSource} not found: cannot compare the shipped default with Core's.");
                continue;
            }

            var core = DefaultJsonReader.Read(File.ReadAllText(sourceFile));
            if (core == null)
            {
                yield return new Finding(Rules.EnvironmentVariable, Severity.Warning, variable.DefaultValueLocation, $"Could not read the DefaultJson constant from {DefaultJsonSource}.");
            }
            else if (!string.Equals(core, variable.DefaultValue, StringComparison.Ordinal))
            {
                yield return new Finding(Rules.EnvironmentVariable, Severity.Error, variable.DefaultValueLocation,
                    $"The default value of '{variable.SchemaName}' differs from CoachingSettings.DefaultJson ({DefaultJsonSource}) {DescribeDifference(core, variable.DefaultValue ?? string.Empty)}. Ship exactly Core's default.");
            }
        }
    }

    private static string DescribeDifference(string expected, string actual)
    {
        var i = 0;
        while (i < expected.Length && i < actual.Length && expected[i] == actual[i]) i++;
        var line = expected.Take(i).Count(c => c == '\n') + 1;
        string Around(string s) => i >= s.Length ? "(end)" : "\"" + s.Substring(i, Math.Min(25, s.Length - i)).Replace("\n", "\\n").Replace("\r", "\\r") + "\"";
        return $"from JSON line {line}: Core has {Around(expected)}, the solution has {Around(actual)}";
    }
}
