using System;
using System.Collections.Generic;
using System.Linq;
using Coach.SolutionSource;
using Coaching.Plugins.EntryPoints;
using Coaching.Plugins.Schema;

namespace Coach.Checks;

/// <summary>
/// Column security of the coaching judgement: the standard Salesperson and Sales Manager roles read every activity of
/// the organization, so the judgement is column-secured (IsSecured 1); a shipped profile lets coaches fill it when they
/// create a session, and SessionSharingPlugin opens each session's judgement to its coach and the coach's line through
/// field shares. A profile that reads or updates it would open every session to every coach holding it. Column
/// security hides a yes/no column, or a choice with a default value, only from writers: such a column cannot hold it.
/// </summary>
public static class SecurityRules
{
    /// <summary>The session columns that hold a manager's judgement of a rep: the plugins' list (SessionTable.Judgement).</summary>
    public static readonly IReadOnlyList<(string Table, string Column)> SensitiveColumns =
        SessionTable.Judgement.Select(column => (SessionTable.Name, column)).ToList();

    private static readonly string SharingPlugin = typeof(SessionSharingPlugin).FullName!;

    public static IEnumerable<Finding> Run(CheckContext context)
    {
        var tree = context.Tree;
        foreach (var (tableName, columnName) in SensitiveColumns)
        {
            var table = tree.Table(tableName);
            if (table == null) continue; // the table is not in this solution
            if (!table.Columns.TryGetValue(columnName, out var column))
            {
                yield return new Finding(Rules.SensitiveColumns, Severity.Error, table.Location,
                    $"{tableName}.{columnName} is listed as sensitive (SessionTable.Judgement) but the table has no such column: update the list.");
                continue;
            }

            if (!column.IsSecured)
            {
                yield return new Finding(Rules.SensitiveColumns, Severity.Error, column.Location,
                    $"{tableName}.{columnName} holds a coach's judgement of a rep but is not secured (IsSecured 0): every Salesperson reads every activity, so every rep would read it. Set <IsSecured>1</IsSecured>.");
            }

            if (column.WhyNotSecurableForRead is { } why)
            {
                yield return new Finding(Rules.SensitiveColumns, Severity.Error, column.Location,
                    $"{tableName}.{columnName} holds a coach's judgement of a rep, but column security cannot hide it from readers: {why}. " +
                    "Every user who can read a session (every Salesperson) would read it, whatever the profiles and field shares say. " +
                    "Make it a choice without a default value (<Type>picklist</Type> with <AppDefaultValue>-1</AppDefaultValue>), or keep it in a table of its own.");
            }

            var permissions = tree.FieldSecurityProfiles
                .SelectMany(p => p.Permissions.Where(f => f.Table == tableName && f.Column == columnName).Select(f => (Profile: p, Permission: f)))
                .ToList();
            if (!permissions.Any(p => p.Permission.CanCreate))
            {
                yield return new Finding(Rules.SensitiveColumns, Severity.Error, column.Location,
                    $"{tableName}.{columnName} is in no field security profile of Other/FieldSecurityProfiles.xml that lets coaches fill it: coaches could not record it when they create a session. Add a FieldPermission with CanCreate 4.");
            }

            foreach (var (profile, permission) in permissions.Where(p => p.Permission.CanRead || p.Permission.CanUpdate))
            {
                yield return new Finding(Rules.SensitiveColumns, Severity.Error, permission.Location,
                    $"Field security profile '{profile.Name}' lets its holders {(permission.CanRead ? "read" : "update")} {tableName}.{columnName} on every session, whatever team: a coach of another team would see the judgement. " +
                    $"Set CanRead and CanUpdate to 0; each session shares its judgement with its coach and the coach's line ({nameof(SessionSharingPlugin)}).");
            }
        }

        if (tree.Table(SessionTable.Name) is { } sessions && !tree.Steps.Any(IsJudgementSharing))
        {
            yield return new Finding(Rules.SensitiveColumns, Severity.Error, sessions.Location,
                $"No step runs {SharingPlugin} on Create of {SessionTable.Name}: only administrators could read a session's judgement. Register it (SdkMessageProcessingSteps).");
        }

        foreach (var profile in tree.FieldSecurityProfiles)
        {
            foreach (var permission in profile.Permissions)
            {
                var column = tree.Table(permission.Table) is { } table && table.Columns.TryGetValue(permission.Column, out var c) ? c : null;
                if (column == null || !column.IsSecured)
                {
                    yield return new Finding(Rules.SensitiveColumns, Severity.Error, permission.Location,
                        $"Field security profile '{profile.Name}' names {permission.Table}.{permission.Column}, which is {(column == null ? "not a column of the solution" : "not secured")}: the import refuses field permissions on columns without column security.");
                }
            }
        }
    }

    private static bool IsJudgementSharing(StepDefinition step) =>
        step.Message == "Create" && step.PrimaryEntity == SessionTable.Name
        && step.PluginTypeName?.Split(',')[0].Trim() == SharingPlugin;
}
