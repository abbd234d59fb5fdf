using System;
using System.Collections.Generic;
using System.Linq;
using Coach.SolutionSource;

namespace Coach.Checks;

/// <summary>
/// Column security of the coaching judgement: the standard Salesperson role reads every activity of the organization,
/// so the only thing between a peer and a rep's judgement is column security (IsSecured 1) plus a shipped field
/// security profile that opens the columns to coaches.
/// </summary>
public static class SecurityRules
{
    /// <summary>The session columns that hold a manager's judgement of a rep: the one list of them.</summary>
    public static readonly IReadOnlyList<(string Table, string Column)> SensitiveColumns = new[]
    {
        ("coach_microcoachingsession", "coach_wentwell"),
        ("coach_microcoachingsession", "coach_notasexpected"),
        ("coach_microcoachingsession", "coach_commitmentskept"),
        ("coach_microcoachingsession", "coach_commitmentsmissed"),
        ("coach_microcoachingsession", "coach_executionconcern"),
    };

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
                    $"{tableName}.{columnName} is listed as sensitive (SecurityRules.SensitiveColumns) but the table has no such column: update the list.");
                continue;
            }

            if (!column.IsSecured)
            {
                yield return new Finding(Rules.SensitiveColumns, Severity.Error, column.Location,
                    $"{tableName}.{columnName} holds a coach's judgement of a rep but is not secured (IsSecured 0): every Salesperson reads every activity, so every rep would read it. Set <IsSecured>1</IsSecured>.");
            }

            if (!tree.FieldSecurityProfiles.Any(p => p.Permissions.Any(f => f.Table == tableName && f.Column == columnName && f.CanRead)))
            {
                yield return new Finding(Rules.SensitiveColumns, Severity.Error, column.Location,
                    $"{tableName}.{columnName} is in no field security profile of Other/FieldSecurityProfiles.xml that can read it: coaches could not see it either. Add a FieldPermission with CanRead 4.");
            }
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
}
