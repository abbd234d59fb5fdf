using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Coaching.Core.Opportunities;
using Coaching.Plugins.Schema;

namespace Coach.Simulation;

/// <summary>How the input is read beyond what the files say: the number culture and the user's category mappings.</summary>
public sealed class LoadOptions
{
    public static readonly LoadOptions Default = new();

    /// <summary>The number format of every file (--culture); null detects it per file.</summary>
    public NumberFormat? NumberFormat { get; init; }

    public CategoryMap Categories { get; init; } = new();
}

/// <summary>
/// Loads the CSV pipeline of a data folder (accounts.csv, users.csv, opportunities.csv, optional events.csv).
/// A row is refused only when it cannot be placed at all (no name or id, no owner, no creation date, a deal whose
/// stage and status are both unusable, an event on a deal that is not there); a bad optional cell keeps the row
/// with that value unknown. Owners, managers and accounts that only appear as references are created as stand-ins.
/// Every problem is reported with file, line, column and reason. Only a missing or unreadable file or a missing
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

    /// <summary>Column names other CRMs export, per file, matched like headers (case, spaces, underscores ignored).</summary>
    private static readonly Dictionary<string, Dictionary<string, string>> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        [PipelineData.AccountsFile] = AliasTable(("account name", "name"), ("account", "name"), ("numberofemployees", "employees"), ("revenue", "annual_revenue"),
            ("industrycode", "industry"), ("sector", "industry"), ("address1_country", "country")),
        [PipelineData.UsersFile] = AliasTable(("user name", "name"), ("full name", "name"), ("manager name", "manager"), ("reports to", "manager")),
        [PipelineData.OpportunitiesFile] = AliasTable(("opportunity id", "id"), ("opportunityid", "id"), ("opportunity name", "name"), ("topic", "name"),
            ("account name", "account"), ("customer", "account"), ("owner name", "owner"), ("sales agent", "owner"), ("created", "created_on"),
            ("amount", "estimated_value"), ("value", "estimated_value"),
            ("close date", "estimated_close_date"), ("sales stage", "stage"), ("deal stage", "stage"),
            ("stepname", "stage"), ("state", "status"), ("statecode", "status"), ("actualclosedate", "closed_on"), ("close value", "estimated_value")),
        [PipelineData.EventsFile] = AliasTable(("time", "timestamp"), ("date", "timestamp"), ("opportunity", "opportunity_id"),
            ("event", "kind"), ("type", "kind")),
    };

    private static Dictionary<string, string> AliasTable(params (string Header, string Column)[] pairs)
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (header, column) in pairs) table[CsvTable.MatchName(header)] = column;
        return table;
    }

    /// <summary>The columns whose cells are numbers, per file (to detect the file's number format).</summary>
    private static readonly string[] NumberColumns = { "employees", "annual_revenue", "estimated_value", "deal_size" };

    public static PipelineData Load(string folder, LoadOptions? options = null)
    {
        if (!Directory.Exists(folder))
        {
            throw new InputUnusableException(File.Exists(folder)
                ? $"{folder}: is a file; --data takes the folder that holds accounts.csv, users.csv, opportunities.csv and optionally events.csv."
                : $"{folder}: data folder not found (it should hold accounts.csv, users.csv, opportunities.csv and optionally events.csv).");
        }

        options ??= LoadOptions.Default;
        var eventsPath = Path.Combine(folder, PipelineData.EventsFile);
        // events.csv is the largest file by far (most of the reading time): it is parsed on another core meanwhile.
        var events = File.Exists(eventsPath) ? Task.Run(() => ReadTable(eventsPath, EventColumns, EventOptionalColumns, options)) : null;
        var accounts = ReadTable(Path.Combine(folder, PipelineData.AccountsFile), AccountColumns, AccountOptionalColumns, options);
        var users = ReadTable(Path.Combine(folder, PipelineData.UsersFile), UserColumns, UserOptionalColumns, options);
        var opportunities = ReadTable(Path.Combine(folder, PipelineData.OpportunitiesFile), OpportunityColumns, OpportunityOptionalColumns, options);
        return Load(accounts, users, opportunities, events?.GetAwaiter().GetResult(), options);
    }

    /// <summary>Reads a file of the contract and sets its number format (given, or detected from its number cells).</summary>
    public static CsvTable ReadTable(string path, string[] required, string[] optional, LoadOptions options)
    {
        var table = CsvTable.Read(path, required, optional, Aliases.TryGetValue(Path.GetFileName(path), out var aliases) ? aliases : null);
        SetNumberFormat(table, options);
        return table;
    }

    public static void SetNumberFormat(CsvTable table, LoadOptions options)
    {
        if (options.NumberFormat != null)
        {
            table.NumberFormat = options.NumberFormat;
            return;
        }

        var columns = NumberColumns.Where(table.Has).ToList();
        if (columns.Count == 0) return;
        // A sample is enough to tell, and a file has one format.
        table.NumberFormat = NumberFormat.Detect(table.Rows.SelectMany(r => columns.Select(c => r[c])).Where(v => v != null).Select(v => v!).Take(5000));
        if (table.NumberFormat.Decimal == ',') table.Notes.Add($"{table.FileName}: numbers read with a decimal comma (12.500,50), detected from its cells; --culture en-US reads them with a decimal point.");
    }

    public static PipelineData Load(CsvTable accountsCsv, CsvTable usersCsv, CsvTable opportunitiesCsv, CsvTable? eventsCsv, LoadOptions? options = null)
    {
        options ??= LoadOptions.Default;
        var issues = new List<InputIssue>();
        var notes = new List<string>();
        var warnings = new List<string>();
        var tables = new[] { accountsCsv, usersCsv, opportunitiesCsv, eventsCsv }.Where(t => t != null).Select(t => t!).ToList();
        foreach (var table in tables)
        {
            issues.AddRange(table.Issues);
            notes.AddRange(table.Notes);
            if (table.UnknownColumns.Count > 0)
            {
                warnings.Add($"{table.FileName}: column{(table.UnknownColumns.Count == 1 ? "" : "s")} {string.Join(", ", table.UnknownColumns.Select(c => "'" + c + "'"))} not recognised and ignored " +
                             $"(known: {string.Join(", ", KnownColumns(table.FileName))}).");
            }
        }

        NoteAbsent(accountsCsv, AccountOptionalColumns, notes);
        NoteAbsent(usersCsv, UserOptionalColumns, notes);
        NoteAbsent(opportunitiesCsv, OpportunityOptionalColumns, notes);
        if (eventsCsv != null) NoteAbsent(eventsCsv, EventOptionalColumns, notes);

        var categories = options.Categories;
        var skippedLines = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var accounts = ReadAccounts(accountsCsv, categories, issues, skippedLines);
        var skippedUsers = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var users = ReadUsers(usersCsv, categories, issues, skippedUsers);
        var skippedOpportunities = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var texts = new TextPool();
        var opportunities = ReadOpportunities(opportunitiesCsv, categories, accounts, skippedLines, users, skippedUsers, issues, skippedOpportunities, texts);
        var events = eventsCsv == null ? null : ReadEvents(eventsCsv, categories, opportunities, skippedOpportunities, issues, texts);

        var read = new Dictionary<string, int>();
        foreach (var table in tables) read[table.FileName] = table.Rows.Count + table.Issues.Count;

        return new PipelineData
        {
            Accounts = accounts.Values.OrderBy(a => a.Line).ToList(),
            Users = users.Values.OrderBy(u => u.Line).ToList(),
            Opportunities = opportunities.Values.OrderBy(o => o.Line).ToList(),
            Events = events,
            Issues = issues.OrderBy(i => FileOrder(i.File)).ThenBy(i => i.Line).ToList(),
            Notes = notes,
            Warnings = warnings,
            RowsRead = read,
        };
    }

    private static IEnumerable<string> KnownColumns(string file) => file switch
    {
        PipelineData.AccountsFile => AccountColumns.Concat(AccountOptionalColumns),
        PipelineData.UsersFile => UserColumns.Concat(UserOptionalColumns),
        PipelineData.OpportunitiesFile => OpportunityColumns.Concat(OpportunityOptionalColumns),
        PipelineData.EventsFile => EventColumns.Concat(EventOptionalColumns),
        _ => Array.Empty<string>(),
    };

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

    /// <summary>The usable rows of an accounts.csv; every problem is reported in <paramref name="issues"/>.</summary>
    public static IReadOnlyList<AccountRow> ReadAccounts(CsvTable csv, List<InputIssue> issues, CategoryMap? categories = null)
    {
        var all = new List<InputIssue>(csv.Issues);
        var rows = ReadAccounts(csv, categories ?? new CategoryMap(), all, new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)).Values.OrderBy(a => a.Line).ToList();
        issues.AddRange(all.OrderBy(i => i.Line));
        return rows;
    }

    private static string MapHint(string field, string text) => $"--map {field}:{Quoted(text)}=\"<label>\"";

    private static string Quoted(string text) => text.IndexOfAny(new[] { ' ', '\'', '"' }) >= 0 ? "\"" + text + "\"" : text;

    private static Dictionary<string, AccountRow> ReadAccounts(CsvTable csv, CategoryMap categories, List<InputIssue> issues, Dictionary<string, int> skipped)
    {
        var result = new Dictionary<string, AccountRow>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in csv.Rows)
        {
            var name = row["name"];
            if (name == null)
            {
                issues.Add(row.Issue("name is empty: the account cannot be referred to") with { Kind = "name is empty" });
                continue;
            }

            if (result.TryGetValue(name, out var first))
            {
                issues.Add(row.Issue($"duplicate account name '{name}' (first on line {first.Line})") with { Kind = "duplicate account name" });
                skipped.TryAdd(name, row.Line);
                continue;
            }

            var industry = row["industry"];
            int? code = null;
            if (industry != null)
            {
                var label = categories.Map(CategoryMap.Industry, industry);
                code = AccountIndustries.CodeOf(label);
                if (code == null)
                {
                    issues.Add(row.Kept("industry", "unknown industry: kept with industry unknown",
                        $"unknown industry '{industry}': kept with industry unknown (not a Dynamics 365 industry label or a known synonym; map it with {MapHint("industry", industry)})"));
                }
            }

            if (!InputValues.OptionalWhole(row, "employees", out var employees, out var why)) issues.Add(row.Kept("employees", "employees unreadable: kept as unknown", why! + ": kept as unknown"));
            if (!InputValues.OptionalAmount(row, "annual_revenue", out var revenue, out why)) issues.Add(row.Kept("annual_revenue", "annual_revenue unreadable: kept as unknown", why! + ": kept as unknown"));

            result.Add(name, new AccountRow(name, code == null ? null : AccountIndustries.LabelOf(code), code, employees, revenue, row["country"], row.Line));
        }

        return result;
    }

    private static Dictionary<string, UserRow> ReadUsers(CsvTable csv, CategoryMap categories, List<InputIssue> issues, Dictionary<string, int> skipped)
    {
        // Two passes: a rep may be listed before the manager.
        var candidates = new List<(CsvRow Row, string Name, UserRole Role)>();
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in csv.Rows)
        {
            var name = row["name"];
            if (name == null)
            {
                issues.Add(row.Issue("name is empty: the user cannot be referred to") with { Kind = "name is empty" });
                continue;
            }

            if (names.TryGetValue(name, out var firstLine))
            {
                issues.Add(row.Issue($"duplicate user name '{name}' (first on line {firstLine})") with { Kind = "duplicate user name" });
                skipped.TryAdd(name, row.Line);
                continue;
            }

            names.Add(name, row.Line);
            var roleText = row["role"];
            var mapped = categories.Map(CategoryMap.Role, roleText);
            var role = mapped == "manager" ? UserRole.Manager : UserRole.Rep;
            if (mapped == null)
            {
                issues.Add(row.Kept("role", "unknown role: kept as a rep",
                    roleText == null ? "role is empty: kept as a rep" : $"unknown role '{roleText}': kept as a rep (expected rep or manager; map it with {MapHint("role", roleText)})"));
            }

            candidates.Add((row, name, role));
        }

        var roles = candidates.ToDictionary(c => c.Name, c => c.Role, StringComparer.OrdinalIgnoreCase);
        var result = new Dictionary<string, UserRow>(StringComparer.OrdinalIgnoreCase);
        var standIns = new List<UserRow>();
        foreach (var (row, name, role) in candidates)
        {
            var manager = row["manager"];
            if (manager != null)
            {
                if (string.Equals(manager, name, StringComparison.OrdinalIgnoreCase))
                {
                    issues.Add(row.Kept("manager", "own manager: kept without a manager", "a user cannot be their own manager: kept without a manager"));
                    manager = null;
                }
                else if (!roles.TryGetValue(manager, out var managerRole))
                {
                    roles[manager] = UserRole.Manager;
                    standIns.Add(new UserRow(manager, UserRole.Manager, null, row.Line));
                    issues.Add(row.Kept("manager", "manager not in users.csv: created as a manager",
                        $"manager '{manager}' is not in users.csv{(skipped.ContainsKey(manager) ? " (its row was skipped)" : "")}: created as a manager"));
                }
                else if (managerRole != UserRole.Manager)
                {
                    issues.Add(row.Kept("manager", "manager has role rep: kept without a manager", $"manager '{manager}' has role rep, not manager: kept without a manager"));
                    manager = null;
                }
                else
                {
                    manager = candidates.First(c => string.Equals(c.Name, manager, StringComparison.OrdinalIgnoreCase)).Name;
                }
            }

            result.Add(name, new UserRow(name, role, manager, row.Line));
        }

        foreach (var standIn in standIns) result.TryAdd(standIn.Name, standIn);
        return result;
    }

    private static Dictionary<string, OpportunityRow> ReadOpportunities(
        CsvTable csv,
        CategoryMap categories,
        Dictionary<string, AccountRow> accounts,
        Dictionary<string, int> skippedAccounts,
        Dictionary<string, UserRow> users,
        Dictionary<string, int> skippedUsers,
        List<InputIssue> issues,
        Dictionary<string, int> skipped,
        TextPool texts)
    {
        var result = new Dictionary<string, OpportunityRow>(StringComparer.OrdinalIgnoreCase);
        var kept = new List<InputIssue>();
        foreach (var row in csv.Rows)
        {
            var refused = new List<string>();
            kept.Clear();
            var id = row["id"];
            if (id == null) refused.Add("id is empty");
            else if (result.TryGetValue(id, out var first)) refused.Add($"duplicate id '{id}' (first on line {first.Line})");
            else if (skipped.TryGetValue(id, out var firstSkipped)) refused.Add($"duplicate id '{id}' (first on line {firstSkipped})");

            var owner = row["owner"];
            if (owner == null) refused.Add("owner is empty: the deal has no one to replay it as");

            if (!InputValues.RequiredDate(row, "created_on", out var createdOn, out var why)) refused.Add(why! + ": the deal cannot be placed in time");

            var stageText = row["stage"];
            var stageLabel = categories.Map(CategoryMap.Stage, stageText);
            SalesStage? stage = stageLabel != null && SalesStages.TryParse(stageLabel, out var parsedStage) ? parsedStage
                : SalesStages.TryParse(stageText, out parsedStage) ? parsedStage : null;
            var statusText = row["status"];
            OpportunityState? status = categories.Map(CategoryMap.Status, statusText) switch
            {
                "Open" => OpportunityState.Open,
                "Won" => OpportunityState.Won,
                "Lost" => OpportunityState.Lost,
                _ => null,
            };
            // "Closed Won" in the stage column says the status too.
            if (status == null && stageText != null && categories.Map(CategoryMap.Status, stageText) is "Won" or "Lost" && stage == SalesStage.Close)
            {
                status = categories.Map(CategoryMap.Status, stageText) == "Won" ? OpportunityState.Won : OpportunityState.Lost;
            }

            if (stage == null && status == null)
            {
                refused.Add($"neither stage '{stageText}' nor status '{statusText}' can be read (stages: {SalesStages.NameList}; statuses: Open, Won, Lost)");
            }

            if (refused.Count > 0)
            {
                issues.Add(row.Issue(string.Join("; ", refused)) with { Kind = RefusalKind(refused) });
                if (id != null) skipped.TryAdd(id, row.Line);
                continue;
            }

            if (status == null)
            {
                status = OpportunityState.Open;
                kept.Add(row.Kept("status", "unknown status: kept as Open",
                    statusText == null ? "status is empty: kept as Open" : $"unknown status '{statusText}': kept as Open (expected Open, Won or Lost; map it with {MapHint("status", statusText)})"));
            }

            if (stage == null)
            {
                stage = status == OpportunityState.Open ? SalesStage.Qualify : SalesStage.Close;
                kept.Add(row.Kept("stage", $"unknown stage: kept at its status's stage",
                    $"{(stageText == null ? "stage is empty" : $"unknown stage '{stageText}'")}: kept at {stage} (expected {SalesStages.NameList}{(stageText == null ? "" : $"; map it with {MapHint("stage", stageText)}")})"));
            }

            var name = row["name"];
            if (name == null)
            {
                name = id!;
                kept.Add(row.Kept("name", "name is empty: the id is used", $"name is empty: '{id}' is used as the deal's name"));
            }

            var account = row["account"];
            if (account == null)
            {
                kept.Add(row.Kept("account", "no account: kept without a customer", "account is empty: kept without a customer (as Dataverse allows)"));
            }
            else if (accounts.TryGetValue(account, out var known))
            {
                account = known.Name;
            }
            else
            {
                accounts.Add(account, new AccountRow(account, null, null, null, null, null, int.MaxValue - 1));
                kept.Add(row.Kept("account", "account not in accounts.csv: created with nothing known",
                    skippedAccounts.TryGetValue(account, out var line)
                        ? $"account '{account}' (accounts.csv line {line} was skipped): created with nothing known"
                        : $"account '{account}' is not in accounts.csv: created with nothing known"));
            }

            if (users.TryGetValue(owner!, out var user))
            {
                owner = user.Name;
            }
            else
            {
                users.Add(owner!, new UserRow(owner!, UserRole.Rep, null, int.MaxValue - 1));
                kept.Add(row.Kept("owner", "owner not in users.csv: created as a rep",
                    skippedUsers.TryGetValue(owner!, out var line)
                        ? $"owner '{owner}' (users.csv line {line} was skipped): created as a rep without a manager"
                        : $"owner '{owner}' is not in users.csv: created as a rep without a manager"));
            }

            if (!InputValues.OptionalAmount(row, "estimated_value", out var value, out why)) kept.Add(row.Kept("estimated_value", "estimated_value unreadable: kept as unknown", why! + ": kept as unknown"));
            if (!InputValues.OptionalDate(row, "estimated_close_date", out var closeDate, out why)) kept.Add(row.Kept("estimated_close_date", "estimated_close_date unreadable: kept as unknown", why! + ": kept as unknown"));

            if (!InputValues.OptionalDate(row, "closed_on", out var closedOn, out why))
            {
                kept.Add(row.Kept("closed_on", "closed_on unreadable", why!));
                closedOn = null;
            }

            if (status is OpportunityState.Won or OpportunityState.Lost && closedOn == null)
            {
                closedOn = closeDate.HasValue && closeDate.Value >= createdOn ? closeDate.Value : createdOn;
                kept.Add(row.Kept("closed_on", "closed deal without closed_on: closed on its estimated close date or creation",
                    $"closed_on is empty but status is {status}: closed on {InputValues.Iso(closedOn.Value)} ({(closeDate.HasValue && closeDate.Value >= createdOn ? "estimated_close_date" : "created_on")})"));
            }
            else if (status == OpportunityState.Open && closedOn != null)
            {
                kept.Add(row.Kept("closed_on", "closed_on set on an open deal: ignored", "closed_on is set but status is Open: ignored"));
                closedOn = null;
            }
            else if (closedOn != null && closedOn.Value < createdOn)
            {
                kept.Add(row.Kept("closed_on", "closed_on before created_on: closed on creation", $"closed_on {InputValues.Iso(closedOn.Value)} is before created_on {InputValues.Iso(createdOn)}: closed on creation"));
                closedOn = createdOn;
            }

            var buyerText = row["buyer_stage"];
            BuyerStage? buyer = null;
            if (buyerText != null)
            {
                if (Enum.TryParse<BuyerStage>(categories.Map(CategoryMap.BuyerStage, buyerText) ?? "?", true, out var parsedBuyer)) buyer = parsedBuyer;
                else kept.Add(row.Kept("buyer_stage", "unknown buyer_stage: kept as unknown", $"unknown buyer_stage '{buyerText}': kept as unknown (expected Early, Middle or Late; map it with {MapHint("buyer_stage", buyerText)})"));
            }

            if (!InputValues.OptionalDate(row, "next_interaction_date", out var nextDate, out why)) kept.Add(row.Kept("next_interaction_date", "next_interaction_date unreadable: kept as unknown", why! + ": kept as unknown"));

            issues.AddRange(kept);
            result.Add(id!, new OpportunityRow(
                id!, name, account, owner!, createdOn, value, closeDate, stage.Value, status.Value, closedOn,
                texts.Share(row["buying_trigger"]), buyer, nextDate, texts.Share(row["next_interaction_goal"]), row.Line));
        }

        return result;
    }

    /// <summary>The group of a refused row: its first reason without the row's values.</summary>
    private static string RefusalKind(List<string> reasons)
    {
        var first = reasons[0];
        var quote = first.IndexOf(" '", StringComparison.Ordinal);
        var colon = first.IndexOf(':');
        var cut = new[] { quote, colon }.Where(i => i > 0).DefaultIfEmpty(first.Length).Min();
        return first.Substring(0, cut) + (reasons.Count > 1 ? " (and more)" : string.Empty);
    }

    private static List<PipelineEvent> ReadEvents(
        CsvTable csv,
        CategoryMap categories,
        Dictionary<string, OpportunityRow> opportunities,
        Dictionary<string, int> skippedOpportunities,
        List<InputIssue> issues,
        TextPool texts)
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
                else if (SalesStages.TryParse(categories.Map(CategoryMap.Stage, value) ?? value, out var parsed)) stage = parsed;
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
                issues.Add(row.Issue(string.Join("; ", reasons)) with { Kind = RefusalKind(reasons) });
                continue;
            }

            result.Add(new PipelineEvent(timestamp, opportunity!.Id, kind, texts.Share(value), stage, date, csv.FileName, row.Line, false, sequence++));
        }

        return result;
    }

    /// <summary>
    /// One instance of each repeated cell text (goals, outcomes, buying triggers) for the rows that are kept: a large
    /// events file repeats a few dozen texts hundreds of thousands of times.
    /// </summary>
    private sealed class TextPool
    {
        private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);

        public string? Share(string? text)
        {
            if (text == null) return null;
            if (_texts.TryGetValue(text, out var shared)) return shared;
            _texts.Add(text, text);
            return text;
        }
    }
}
