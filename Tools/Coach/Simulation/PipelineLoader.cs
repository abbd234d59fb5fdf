using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Coaching.Core.Opportunities;
using Coaching.Plugins.Schema;

namespace Coach.Simulation;

/// <summary>
/// Loads the CSV pipeline of a data folder (accounts.csv, users.csv, opportunities.csv, optional events.csv)
/// and validates every row. A row that cannot be used is reported with file, line and every reason, then
/// skipped; rows that refer to a skipped row are skipped too, saying so. Only a missing file or a missing
/// required column stops the load (<see cref="InputUnusableException"/>).
/// </summary>
public static class PipelineLoader
{
    public static readonly string[] AccountColumns = { "name" };
    public static readonly string[] AccountOptionalColumns = { "industry", "employees", "annual_revenue", "country" };
    public static readonly string[] UserColumns = { "name", "role" };
    public static readonly string[] UserOptionalColumns = { "manager" };
    public static readonly string[] OpportunityColumns = { "id", "name", "account", "owner", "created_on", "stage", "status" };
    public static readonly string[] OpportunityOptionalColumns =
    {
        "estimated_value", "estimated_close_date", "closed_on", "buying_trigger", "buyer_stage", "next_interaction_date", "next_interaction_goal",
    };
    public static readonly string[] EventColumns = { "timestamp", "opportunity_id", "kind" };
    public static readonly string[] EventOptionalColumns = { "value" };

    public static PipelineData Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new InputUnusableException($"{folder}: data folder not found (it should hold accounts.csv, users.csv, opportunities.csv and optionally events.csv).");
        }

        var accounts = CsvTable.Read(Path.Combine(folder, PipelineData.AccountsFile), AccountColumns);
        var users = CsvTable.Read(Path.Combine(folder, PipelineData.UsersFile), UserColumns);
        var opportunities = CsvTable.Read(Path.Combine(folder, PipelineData.OpportunitiesFile), OpportunityColumns);
        var eventsPath = Path.Combine(folder, PipelineData.EventsFile);
        var events = File.Exists(eventsPath) ? CsvTable.Read(eventsPath, EventColumns) : null;
        return Load(accounts, users, opportunities, events);
    }

    public static PipelineData Load(CsvTable accountsCsv, CsvTable usersCsv, CsvTable opportunitiesCsv, CsvTable? eventsCsv)
    {
        var issues = new List<InputIssue>();
        var notes = new List<string>();
        foreach (var table in new[] { accountsCsv, usersCsv, opportunitiesCsv, eventsCsv })
        {
            if (table != null) issues.AddRange(table.Issues);
        }

        NoteAbsent(accountsCsv, AccountOptionalColumns, notes);
        NoteAbsent(usersCsv, UserOptionalColumns, notes);
        NoteAbsent(opportunitiesCsv, OpportunityOptionalColumns, notes);
        if (eventsCsv != null) NoteAbsent(eventsCsv, EventOptionalColumns, notes);

        var skippedLines = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var accounts = ReadAccounts(accountsCsv, issues, skippedLines);
        var skippedUsers = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var users = ReadUsers(usersCsv, issues, skippedUsers);
        var skippedOpportunities = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var opportunities = ReadOpportunities(opportunitiesCsv, accounts, skippedLines, users, skippedUsers, issues, skippedOpportunities);
        var events = eventsCsv == null ? null : ReadEvents(eventsCsv, opportunities, skippedOpportunities, issues);

        var read = new Dictionary<string, int>
        {
            [accountsCsv.FileName] = accountsCsv.Rows.Count + accountsCsv.Issues.Count,
            [usersCsv.FileName] = usersCsv.Rows.Count + usersCsv.Issues.Count,
            [opportunitiesCsv.FileName] = opportunitiesCsv.Rows.Count + opportunitiesCsv.Issues.Count,
        };
        if (eventsCsv != null) read[eventsCsv.FileName] = eventsCsv.Rows.Count + eventsCsv.Issues.Count;

        return new PipelineData
        {
            Accounts = accounts.Values.OrderBy(a => a.Line).ToList(),
            Users = users.Values.OrderBy(u => u.Line).ToList(),
            Opportunities = opportunities.Values.OrderBy(o => o.Line).ToList(),
            Events = events,
            Issues = issues.OrderBy(i => FileOrder(i.File)).ThenBy(i => i.Line).ToList(),
            Notes = notes,
            RowsRead = read,
        };
    }

    private static int FileOrder(string file) => file switch
    {
        PipelineData.AccountsFile => 0,
        PipelineData.UsersFile => 1,
        PipelineData.OpportunitiesFile => 2,
        PipelineData.EventsFile => 3,
        _ => 4,
    };

    private static void NoteAbsent(CsvTable table, IEnumerable<string> optional, List<string> notes)
    {
        var absent = optional.Where(c => !table.Has(c)).ToList();
        if (absent.Count > 0)
        {
            notes.Add($"{table.FileName} has no {string.Join(", ", absent)} column{(absent.Count == 1 ? "" : "s")}: treated as not captured for every row.");
        }
    }

    /// <summary>The usable rows of an accounts.csv; every other row is reported in <paramref name="issues"/>.</summary>
    public static IReadOnlyList<AccountRow> ReadAccounts(CsvTable csv, List<InputIssue> issues)
    {
        var all = new List<InputIssue>(csv.Issues);
        var rows = ReadAccounts(csv, all, new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)).Values.OrderBy(a => a.Line).ToList();
        issues.AddRange(all.OrderBy(i => i.Line));
        return rows;
    }

    private static Dictionary<string, AccountRow> ReadAccounts(CsvTable csv, List<InputIssue> issues, Dictionary<string, int> skipped)
    {
        var result = new Dictionary<string, AccountRow>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in csv.Rows)
        {
            var reasons = new List<string>();
            var name = row["name"];
            if (name == null) reasons.Add("name is empty");
            else if (result.TryGetValue(name, out var first)) reasons.Add($"duplicate account name '{name}' (first on line {first.Line})");

            var industry = row["industry"];
            int? code = null;
            if (industry != null)
            {
                code = AccountIndustries.CodeOf(industry);
                if (code == null) reasons.Add($"unknown industry '{industry}' (not a standard Dynamics 365 industry label such as 'Business Services' or 'Wholesale')");
            }

            if (!InputValues.OptionalWhole(row, "employees", out var employees, out var why)) reasons.Add(why!);
            if (!InputValues.OptionalAmount(row, "annual_revenue", out var revenue, out why)) reasons.Add(why!);

            if (reasons.Count > 0)
            {
                issues.Add(row.Issue(string.Join("; ", reasons)));
                if (name != null && !result.ContainsKey(name)) skipped.TryAdd(name, row.Line);
                continue;
            }

            result.Add(name!, new AccountRow(name!, code == null ? null : AccountIndustries.LabelOf(code), code, employees, revenue, row["country"], row.Line));
        }

        return result;
    }

    private static Dictionary<string, UserRow> ReadUsers(CsvTable csv, List<InputIssue> issues, Dictionary<string, int> skipped)
    {
        // Two passes: a rep may be listed before the manager.
        var candidates = new List<(CsvRow Row, string? Name, UserRole? Role, List<string> Reasons)>();
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in csv.Rows)
        {
            var reasons = new List<string>();
            var name = row["name"];
            if (name == null) reasons.Add("name is empty");
            else if (names.TryGetValue(name, out var firstLine)) reasons.Add($"duplicate user name '{name}' (first on line {firstLine})");
            else names.Add(name, row.Line);

            UserRole? role = (row["role"] ?? string.Empty).Trim().ToLowerInvariant() switch
            {
                "rep" => UserRole.Rep,
                "manager" => UserRole.Manager,
                _ => null,
            };
            if (role == null) reasons.Add($"unknown role '{row["role"]}' (expected rep or manager)");
            candidates.Add((row, name, role, reasons));
        }

        var roles = candidates.Where(c => c.Name != null && c.Role != null && c.Reasons.Count == 0)
            .ToDictionary(c => c.Name!, c => c.Role!.Value, StringComparer.OrdinalIgnoreCase);
        var result = new Dictionary<string, UserRow>(StringComparer.OrdinalIgnoreCase);
        foreach (var (row, name, role, reasons) in candidates)
        {
            var manager = row["manager"];
            if (manager != null && reasons.Count == 0)
            {
                if (!roles.TryGetValue(manager, out var managerRole)) reasons.Add($"unknown manager '{manager}' (not a usable row of users.csv)");
                else if (managerRole != UserRole.Manager) reasons.Add($"manager '{manager}' has role rep, not manager");
                else if (string.Equals(manager, name, StringComparison.OrdinalIgnoreCase)) reasons.Add("a user cannot be their own manager");
            }

            if (reasons.Count > 0)
            {
                issues.Add(row.Issue(string.Join("; ", reasons)));
                if (name != null && !result.ContainsKey(name)) skipped.TryAdd(name, row.Line);
                continue;
            }

            result.Add(name!, new UserRow(name!, role!.Value, manager, row.Line));
        }

        return result;
    }

    private static Dictionary<string, OpportunityRow> ReadOpportunities(
        CsvTable csv,
        Dictionary<string, AccountRow> accounts,
        Dictionary<string, int> skippedAccounts,
        Dictionary<string, UserRow> users,
        Dictionary<string, int> skippedUsers,
        List<InputIssue> issues,
        Dictionary<string, int> skipped)
    {
        var result = new Dictionary<string, OpportunityRow>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in csv.Rows)
        {
            var reasons = new List<string>();
            var id = row["id"];
            if (id == null) reasons.Add("id is empty");
            else if (result.TryGetValue(id, out var first)) reasons.Add($"duplicate id '{id}' (first on line {first.Line})");
            else if (skipped.TryGetValue(id, out var firstSkipped)) reasons.Add($"duplicate id '{id}' (first on line {firstSkipped})");

            var name = row["name"];
            if (name == null) reasons.Add("name is empty");

            var account = row["account"];
            if (account == null) reasons.Add("account is empty");
            else if (!accounts.ContainsKey(account))
            {
                reasons.Add(skippedAccounts.TryGetValue(account, out var line)
                    ? $"unknown account '{account}' (accounts.csv line {line} was skipped)"
                    : $"unknown account '{account}' (not in accounts.csv)");
            }

            var owner = row["owner"];
            if (owner == null) reasons.Add("owner is empty");
            else if (!users.ContainsKey(owner))
            {
                reasons.Add(skippedUsers.TryGetValue(owner, out var line)
                    ? $"unknown owner '{owner}' (users.csv line {line} was skipped)"
                    : $"unknown owner '{owner}' (not in users.csv)");
            }

            if (!InputValues.RequiredDate(row, "created_on", out var createdOn, out var why)) reasons.Add(why!);
            if (!InputValues.OptionalAmount(row, "estimated_value", out var value, out why)) reasons.Add(why!);
            if (!InputValues.OptionalDate(row, "estimated_close_date", out var closeDate, out why)) reasons.Add(why!);

            var stageText = row["stage"];
            SalesStage stage = SalesStage.Qualify;
            if (stageText == null) reasons.Add($"stage is empty (expected {SalesStages.NameList})");
            else if (!SalesStages.TryParse(stageText, out stage)) reasons.Add($"unknown stage '{stageText}' (expected {SalesStages.NameList})");

            var statusText = row["status"];
            OpportunityState? status = statusText?.ToLowerInvariant() switch
            {
                "open" => OpportunityState.Open,
                "won" => OpportunityState.Won,
                "lost" => OpportunityState.Lost,
                _ => null,
            };
            if (status == null) reasons.Add($"unknown status '{statusText}' (expected Open, Won or Lost)");

            var closedOk = InputValues.OptionalDate(row, "closed_on", out var closedOn, out why);
            if (!closedOk) reasons.Add(why!);
            else if (status is OpportunityState.Won or OpportunityState.Lost && closedOn == null) reasons.Add($"closed_on is empty but status is {status}: the close cannot be placed in time");
            else if (status == OpportunityState.Open && closedOn != null) reasons.Add("closed_on is set but status is Open");
            else if (closedOn != null && reasons.Count == 0 && closedOn.Value < createdOn) reasons.Add($"closed_on {InputValues.Iso(closedOn.Value)} is before created_on {InputValues.Iso(createdOn)}");

            var buyerText = row["buyer_stage"];
            BuyerStage? buyer = null;
            if (buyerText != null)
            {
                if (Enum.TryParse<BuyerStage>(buyerText, true, out var parsedBuyer) && Enum.IsDefined(parsedBuyer) && !int.TryParse(buyerText, out _)) buyer = parsedBuyer;
                else reasons.Add($"unknown buyer_stage '{buyerText}' (expected Early, Middle or Late)");
            }

            if (!InputValues.OptionalDate(row, "next_interaction_date", out var nextDate, out why)) reasons.Add(why!);

            if (reasons.Count > 0)
            {
                issues.Add(row.Issue(string.Join("; ", reasons)));
                if (id != null) skipped.TryAdd(id, row.Line);
                continue;
            }

            result.Add(id!, new OpportunityRow(
                id!, name!, accounts[account!].Name, users[owner!].Name, createdOn, value, closeDate, stage, status!.Value, closedOn,
                row["buying_trigger"], buyer, nextDate, row["next_interaction_goal"], row.Line));
        }

        return result;
    }

    private static List<PipelineEvent> ReadEvents(
        CsvTable csv,
        Dictionary<string, OpportunityRow> opportunities,
        Dictionary<string, int> skippedOpportunities,
        List<InputIssue> issues)
    {
        var result = new List<PipelineEvent>();
        var sequence = 0;
        foreach (var row in csv.Rows)
        {
            var reasons = new List<string>();
            if (!InputValues.RequiredDate(row, "timestamp", out var timestamp, out var why)) reasons.Add(why!);

            var id = row["opportunity_id"];
            OpportunityRow? opportunity = null;
            if (id == null) reasons.Add("opportunity_id is empty");
            else if (!opportunities.TryGetValue(id, out opportunity))
            {
                reasons.Add(skippedOpportunities.TryGetValue(id, out var line)
                    ? $"unknown opportunity '{id}' (opportunities.csv line {line} was skipped)"
                    : $"unknown opportunity '{id}' (not in opportunities.csv)");
            }

            var kindText = row["kind"];
            SalesStage? stage = null;
            DateTime? date = null;
            var value = row["value"];
            if (!EventKinds.TryParse(kindText, out var kind))
            {
                reasons.Add($"unknown kind '{kindText}' (expected {EventKinds.Names})");
            }
            else if (kind == EventKind.StageChange)
            {
                if (value == null) reasons.Add($"stage_change needs the stage in value (expected {SalesStages.NameList})");
                else if (SalesStages.TryParse(value, out var parsed)) stage = parsed;
                else reasons.Add($"unknown stage '{value}' (expected {SalesStages.NameList})");
            }
            else if (kind == EventKind.InteractionScheduled)
            {
                if (value == null) reasons.Add("interaction_scheduled needs the interaction's date in value");
                else if (InputValues.TryDate(value, out var parsed)) date = parsed;
                else reasons.Add($"bad date in value: '{value}' (expected ISO 8601, e.g. 2026-01-15T09:30:00Z)");
            }

            if (reasons.Count == 0 && timestamp < opportunity!.CreatedOn)
            {
                reasons.Add($"timestamp {InputValues.Iso(timestamp)} is before the opportunity was created ({InputValues.Iso(opportunity.CreatedOn)})");
            }

            if (reasons.Count > 0)
            {
                issues.Add(row.Issue(string.Join("; ", reasons)));
                continue;
            }

            result.Add(new PipelineEvent(timestamp, opportunity!.Id, kind, value, stage, date, csv.FileName, row.Line, false, sequence++));
        }

        return result;
    }
}
