using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Coaching.Core.Icp;
using Coaching.Core.Opportunities;
using Coaching.Core.Settings;

namespace Coach.Simulation;

/// <summary>
/// Makes a realistic, deterministic sample pipeline (the same seed gives the same files): managers with teams of
/// four reps who differ in volume and in how diligently they state goals and schedule next interactions, accounts
/// across standard industries, sizes and countries, and opportunities over a quarter whose events.csv history
/// reads like CRM activity without a stage gate: details filled in, interactions scheduled and completed, stage
/// moves (some without a goal or a future date), wins and losses. The bundled sample in Tools/Coach/Sample was
/// made with the defaults; <c>coach simulate sample --out DIR --opportunities 8800 --events 60000</c> makes the
/// benchmark data set.
/// </summary>
public sealed class SampleGenerator
{
    public static readonly DateTime DefaultStart = new(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly string[] ManagerNames =
    {
        "Maria Okafor", "Daniel Brandt", "Sofia Marchetti", "James Whitaker", "Ingrid Solberg", "Kwame Mensah", "Laura Chen", "Tomás Ferreira",
    };

    private static readonly string[] FirstNames =
    {
        "Aisha", "Ben", "Chloe", "Diego", "Emma", "Farid", "Grace", "Hugo", "Isla", "Jonas", "Keiko", "Liam", "Maya", "Noah", "Olivia", "Priya",
        "Quentin", "Rosa", "Samir", "Tara", "Umar", "Vera", "Wes", "Xenia", "Yusuf", "Zoe",
    };

    private static readonly string[] LastNames =
    {
        "Khan", "Carter", "Martin", "Alvarez", "Lindqvist", "Haddad", "Liu", "Lefebvre", "Novak", "Becker", "Tanaka", "O'Brien", "Patel", "Schmidt",
        "Rossi", "Dubois", "Nguyen", "Kowalski", "Silva", "Jensen", "Moreau", "Fischer", "Yilmaz", "Andersen", "Costa", "Murphy",
    };

    private static readonly string[] NameStems =
    {
        "Alder", "Blue Harbor", "Cobalt", "Driftwood", "Everline", "Fairmont", "Granite", "Halcyon", "Ironbridge", "Juniper", "Keystone", "Lakeside",
        "Meridian", "Northgate", "Oakridge", "Pinecrest", "Quayside", "Redwood", "Silverline", "Tidewater", "Upland", "Vantage", "Westbrook",
        "Yarrow", "Zenith", "Ashford", "Brightwater", "Copperleaf", "Dunmore", "Eastwind", "Foxglove", "Greystone", "Highmark", "Inverness",
        "Kingsbury", "Larkspur", "Millbrook", "Newhaven", "Orchard", "Portland", "Riverside", "Stonebridge", "Thornfield", "Valemont", "Windmere",
        "Amberley", "Belmont", "Calder", "Darrow", "Elmstead", "Fenwick", "Glenhaven", "Hartwell", "Ivybridge", "Kestrel", "Linden", "Marlow",
        "Norland", "Oldfield", "Penrose", "Ravenscar", "Sherwood", "Trent", "Wexford", "Wynford",
    };

    // (industry label, share of accounts, name suffixes); the first five are the default ICP's target industries.
    private static readonly (string Industry, double Weight, string[] Suffixes)[] Industries =
    {
        ("Business Services", 0.13, new[] { "Services", "Partners", "Group" }),
        ("Consulting", 0.12, new[] { "Consulting", "Advisory", "Associates" }),
        ("Durable Manufacturing", 0.12, new[] { "Manufacturing", "Industries", "Machinery" }),
        ("Financial", 0.10, new[] { "Capital", "Financial", "Bancorp" }),
        ("Wholesale", 0.09, new[] { "Wholesale", "Supply", "Distribution" }),
        ("Transportation", 0.08, new[] { "Logistics", "Freight", "Transport" }),
        ("Insurance", 0.07, new[] { "Insurance", "Mutual", "Assurance" }),
        ("Legal Services", 0.05, new[] { "Legal", "Law Group", "Chambers" }),
        ("Food and Tobacco Processing", 0.06, new[] { "Foods", "Provisions", "Kitchens" }),
        ("Broadcasting Printing and Publishing", 0.05, new[] { "Media", "Press", "Publishing" }),
        ("Doctor's Offices and Clinics", 0.05, new[] { "Health", "Clinics", "Medical" }),
        ("Service Retail", 0.04, new[] { "Retail", "Stores", "Outlets" }),
        ("Utility Creation and Distribution", 0.04, new[] { "Energy", "Utilities", "Power" }),
    };

    private static readonly (string Country, double Weight)[] Countries =
    {
        ("United States", 0.34), ("United Kingdom", 0.13), ("Germany", 0.12), ("Canada", 0.08), ("France", 0.08), ("Netherlands", 0.06),
        ("Spain", 0.05), ("Italy", 0.04), ("Australia", 0.04), ("Brazil", 0.03), ("Japan", 0.03),
    };

    private static readonly string[] Products =
    {
        "Sales Hub rollout", "Service desk upgrade", "Analytics add-on", "Field service pilot", "Renewal and expansion", "Partner portal",
        "Data migration", "Onboarding programme", "Customer portal", "Contact centre refresh", "Forecasting module", "Regional expansion",
    };

    private static readonly string[] Triggers =
    {
        "New CFO reviewing tooling spend", "Expansion into a new region", "Incumbent contract up for renewal", "Compliance audit finding",
        "Merger integration", "Board mandate to cut cost to serve", "Failed pilot with a competitor", "Rapid headcount growth",
        "Customer churn up two quarters running", "New head of sales operations",
    };

    private static readonly string[] Goals =
    {
        "Confirm the budget owner and the sign-off process", "Agree success criteria for the pilot", "Walk the CFO through the business case",
        "Map the buying committee and their concerns", "Get verbal commitment on the proposal scope", "Book the technical deep-dive with the IT lead",
        "Validate pricing against their budget cycle", "Review legal redlines and agree a signing date", "Demo the reporting flow to the ops team",
        "Identify a champion in finance", "Agree the rollout plan and the first site",
    };

    private static readonly string[] ShortGoals = { "Demo", "Follow up", "Check in", "Call them", "Pricing" };

    private static readonly string[] Outcomes =
    {
        "Buyer confirmed budget for next quarter and asked for references", "Champion engaged; the CFO is not involved yet",
        "Pushed back on price and asked for a phased rollout", "Security review raised two open questions", "Agreed a pilot scope with two teams",
        "Meeting moved at short notice; only junior staff attended", "Technical fit confirmed; procurement starts next week",
        "They are also talking to a competitor; decision criteria unclear",
    };

    private static readonly string[] LossReasons = { "Chose a competitor on price", "No decision: project deprioritised", "Budget frozen", "Went with the incumbent" };

    private readonly Random _random;
    private readonly int _opportunities;
    private readonly int? _events;
    private readonly DateTime _start;
    private readonly DateTime _end;

    public SampleGenerator(int seed = 20260701, int opportunities = 400, int? events = null, DateTime? start = null, int days = 92)
    {
        _random = new Random(seed);
        _opportunities = opportunities;
        _events = events;
        _start = start ?? DefaultStart;
        _end = _start.AddDays(days).AddSeconds(-1);
    }

    public sealed record Output(int Managers, int Reps, int Accounts, int Opportunities, int Events);

    public Output WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        var repsCount = Math.Max(8, (int)Math.Round(_opportunities / 50.0));
        var managersCount = Math.Max(2, (int)Math.Ceiling(repsCount / 4.0));
        var accountsCount = Math.Max(60, (int)Math.Round(_opportunities * 0.15));

        var managers = Enumerable.Range(0, managersCount).Select(i => UniqueName(i, ManagerNames)).ToList();
        var reps = new List<Rep>();
        for (var i = 0; i < repsCount; i++)
        {
            var name = $"{FirstNames[i % FirstNames.Length]} {LastNames[(i * 7 + i / FirstNames.Length) % LastNames.Length]}";
            if (i >= FirstNames.Length) name += " " + (char)('A' + i / FirstNames.Length - 1) + ".";
            reps.Add(new Rep(name, managers[Math.Min(i / 4, managers.Count - 1)], Diligence: 0.55 + 0.42 * _random.NextDouble(), Volume: 0.6 + 0.9 * _random.NextDouble()));
        }

        var accounts = Enumerable.Range(0, accountsCount).Select(MakeAccount).ToList();
        var deals = Enumerable.Range(0, _opportunities).Select(i => MakeDeal(i, reps, accounts)).ToList();
        var events = deals.SelectMany(d => d.Events).ToList();
        if (_events.HasValue) events = FitEventCount(deals, events, _events.Value);

        WriteCsv(Path.Combine(folder, PipelineData.UsersFile), new[] { "name", "role", "manager" },
            managers.Select(m => new[] { m, "manager", "" }).Concat(reps.Select(r => new[] { r.Name, "rep", r.Manager })));
        WriteCsv(Path.Combine(folder, PipelineData.AccountsFile), new[] { "name", "industry", "employees", "annual_revenue", "country" },
            accounts.Select(a => new[] { a.Name, a.Industry ?? "", a.Employees?.ToString(CultureInfo.InvariantCulture) ?? "", a.Revenue?.ToString(CultureInfo.InvariantCulture) ?? "", a.Country }));
        WriteCsv(Path.Combine(folder, PipelineData.OpportunitiesFile),
            new[] { "id", "name", "account", "owner", "created_on", "estimated_value", "estimated_close_date", "stage", "status", "closed_on", "buying_trigger", "buyer_stage", "next_interaction_date", "next_interaction_goal" },
            deals.Select(d => new[]
            {
                d.Id, d.Name, d.Account.Name, d.Rep.Name, Iso(d.CreatedOn), d.Value.ToString(CultureInfo.InvariantCulture), Day(d.CloseDate),
                d.Stage.ToString(), d.Status.ToString(), d.ClosedOn.HasValue ? Iso(d.ClosedOn.Value) : "", d.Trigger ?? "", d.BuyerStage?.ToString() ?? "",
                d.NextInteraction.HasValue ? Iso(d.NextInteraction.Value) : "", d.Goal ?? "",
            }));
        WriteCsv(Path.Combine(folder, PipelineData.EventsFile), new[] { "timestamp", "opportunity_id", "kind", "value" },
            events.OrderBy(e => e.At).ThenBy(e => e.Order).Select(e => new[] { Iso(e.At), e.Deal, e.Kind, e.Value ?? "" }));
        return new Output(managers.Count, reps.Count, accounts.Count, deals.Count, events.Count);
    }

    private string UniqueName(int i, string[] names) =>
        i < names.Length ? names[i] : $"{names[i % names.Length].Split(' ')[0]} {LastNames[(i * 5) % LastNames.Length]}";

    private Account MakeAccount(int i)
    {
        var industry = Pick(Industries, x => x.Weight);
        var stem = NameStems[i % NameStems.Length];
        var suffix = industry.Suffixes[_random.Next(industry.Suffixes.Length)];
        var name = i < NameStems.Length ? $"{stem} {suffix}" : $"{stem} {suffix} {RomanOrNumber(i / NameStems.Length + 1)}";

        // Sizes from 15 to 30,000 people, log-uniform; revenue follows with noise.
        var employees = (int)Math.Round(Math.Exp(Math.Log(15) + _random.NextDouble() * (Math.Log(30000) - Math.Log(15))));
        var revenue = Math.Round(employees * (60000m + (decimal)_random.NextDouble() * 220000m) / 10000m) * 10000m;
        if (_random.NextDouble() < 0.05)
        {
            // A prospect barely captured yet: too little data to judge fit (band Unknown).
            return new Account(name, null, null, null, Pick(Countries, c => c.Weight).Country);
        }

        return new Account(
            name,
            _random.NextDouble() < 0.04 ? null : industry.Industry,
            _random.NextDouble() < 0.06 ? null : employees,
            _random.NextDouble() < 0.10 ? null : revenue,
            Pick(Countries, c => c.Weight).Country);
    }

    private static string RomanOrNumber(int n) => n switch { 2 => "II", 3 => "III", 4 => "IV", 5 => "V", _ => n.ToString(CultureInfo.InvariantCulture) };

    private Deal MakeDeal(int i, List<Rep> reps, List<Account> accounts)
    {
        var rep = Pick(reps, r => r.Volume);
        var account = accounts[_random.Next(accounts.Count)];
        var span = (_end - _start).TotalDays;
        // More deals early in the quarter than late, so the pipeline has history to show.
        var created = _start.AddDays(Math.Pow(_random.NextDouble(), 1.25) * (span - 2)).Date.AddHours(8 + _random.Next(9)).AddMinutes(_random.Next(4) * 15);
        var value = Math.Round((decimal)Math.Exp(Math.Log(6000) + _random.NextDouble() * (Math.Log(450000) - Math.Log(6000))) / 1000m) * 1000m;
        var deal = new Deal($"OPP-{i + 1:00000}", $"{account.Name}: {Products[_random.Next(Products.Length)]}", account, rep, created, value)
        {
            CloseDate = created.Date.AddDays(30 + _random.Next(120)),
            Trigger = _random.NextDouble() < 0.8 ? Triggers[_random.Next(Triggers.Length)] : null,
        };

        var age = (_end - created).TotalDays;
        var closes = age > 20 && _random.NextDouble() < Math.Min(0.55, age / 140.0);
        // Deals that fit the ICP win more often: the premise the ICP section lets a manager check.
        var fit = IcpFitRule.Evaluate(new IcpAccount(account.Industry, account.Employees, account.Revenue, account.Country), value, CoachingSettings.Default.Icp);
        var wins = closes && _random.NextDouble() < 0.15 + 0.6 * (fit.Score ?? 40) / 100.0;
        var target = wins ? SalesStage.Close
            : closes ? (SalesStage)_random.Next(0, 3)
            : (SalesStage)Math.Min(3, (int)Math.Floor(_random.NextDouble() * (1.2 + age / 30.0)));
        var lifeEnd = closes ? created.AddDays(10 + _random.NextDouble() * Math.Max(1, age - 12)) : _end;

        var order = 0;
        void Add(DateTime at, string kind, string? v, bool optional = false)
        {
            if (at > _end) return;
            deal.Events.Add(new Event(deal.Id, at, kind, v, order++, optional));
        }

        // Filling in the details after creation: a goal and a next interaction, as diligently as the rep works.
        var t = created.AddMinutes(20 + _random.Next(100));
        if (_random.NextDouble() < rep.Diligence) SetGoal(t);
        if (_random.NextDouble() < rep.Diligence + 0.1) Schedule(t, t.AddDays(2 + _random.Next(8)));

        var moves = (int)target;
        for (var step = 1; step <= moves; step++)
        {
            var moveAt = created + TimeSpan.FromTicks((long)((lifeEnd - created).Ticks * (step / (double)(moves + 1))));
            moveAt = moveAt.Date.AddHours(9 + _random.Next(8));
            if (moveAt <= t) moveAt = t.AddHours(2);

            // Before a move a diligent rep books the next meeting and restates its goal; others move anyway.
            var prep = moveAt.AddHours(-(2 + _random.Next(40)));
            if (prep > t)
            {
                if (_random.NextDouble() < rep.Diligence) Schedule(prep, moveAt.AddDays(1 + _random.Next(6)));
                if (_random.NextDouble() < rep.Diligence * 0.7) SetGoal(prep.AddMinutes(5));
            }

            var stage = (SalesStage)step;
            Add(moveAt, "stage_change", stage.ToString());
            deal.Stage = stage;
            deal.BuyerStage = stage switch { SalesStage.Qualify => BuyerStage.Early, SalesStage.Develop => BuyerStage.Middle, _ => BuyerStage.Late };
            t = moveAt;
            CompleteDue(closes && lifeEnd.Date < moveAt.AddDays(7) ? lifeEnd.Date : moveAt.AddDays(7));
        }

        if (closes)
        {
            var closedAt = lifeEnd.Date.AddHours(10 + _random.Next(7));
            if (closedAt <= t) closedAt = t.AddHours(3);
            if (closedAt <= _end)
            {
                CompleteDue(closedAt < lifeEnd.Date ? closedAt.AddMinutes(-30) : lifeEnd.Date);
                Add(closedAt, wins ? "won" : "lost", wins ? null : LossReasons[_random.Next(LossReasons.Length)]);
                deal.Status = wins ? OpportunityState.Won : OpportunityState.Lost;
                deal.ClosedOn = closedAt;
            }
        }
        else
        {
            CompleteDue(_end);
        }

        deal.BuyerStage ??= _random.NextDouble() < 0.7 ? BuyerStage.Early : null;
        return deal;

        void SetGoal(DateTime at)
        {
            var goal = _random.NextDouble() < 0.12 ? ShortGoals[_random.Next(ShortGoals.Length)] : Goals[_random.Next(Goals.Length)];
            Add(at, "goal_set", goal);
            deal.Goal = goal;
        }

        void Schedule(DateTime at, DateTime meeting)
        {
            meeting = meeting.Date.AddHours(9 + _random.Next(8));
            Add(at, "interaction_scheduled", Iso(meeting));
            deal.NextInteraction = meeting;
            deal.PendingMeeting = meeting;
        }

        void CompleteDue(DateTime until)
        {
            if (deal.PendingMeeting is { } meeting && meeting.AddHours(1) <= until && meeting.AddHours(1) <= _end)
            {
                Add(meeting.AddHours(1), "interaction_completed", _random.NextDouble() < 0.85 ? Outcomes[_random.Next(Outcomes.Length)] : null, optional: true);
                deal.PendingMeeting = null;
            }
        }
    }

    /// <summary>
    /// Adds check-in interactions (scheduled, then completed) to open deals, or drops optional completions, until the
    /// history has exactly <paramref name="target"/> events. Only the benchmark data set asks for a count.
    /// </summary>
    private List<Event> FitEventCount(List<Deal> deals, List<Event> events, int target)
    {
        var result = events.ToList();
        var open = deals.Where(d => d.Events.Count > 0).ToList();
        var order = 100000;
        while (result.Count < target && open.Count > 0)
        {
            var deal = open[_random.Next(open.Count)];
            var closed = deal.ClosedOn ?? _end;
            var from = deal.CreatedOn.AddHours(3);
            var at = from.AddMinutes(_random.NextDouble() * Math.Max(1, (closed - from).TotalMinutes - 120));
            var meeting = at.AddDays(1 + _random.Next(5));
            result.Add(new Event(deal.Id, at, "interaction_scheduled", Iso(meeting.Date.AddHours(9 + _random.Next(8))), order++, false));
            var done = meeting.Date.AddHours(18);
            if (result.Count < target && done < closed && done <= _end)
            {
                result.Add(new Event(deal.Id, done, "interaction_completed", Outcomes[_random.Next(Outcomes.Length)], order++, true));
            }
        }

        while (result.Count > target)
        {
            var optional = result.FindLastIndex(e => e.Optional);
            result.RemoveAt(optional >= 0 ? optional : result.Count - 1);
        }

        return result;
    }

    private T Pick<T>(IReadOnlyList<T> items, Func<T, double> weight)
    {
        var total = items.Sum(weight);
        var roll = _random.NextDouble() * total;
        foreach (var item in items)
        {
            roll -= weight(item);
            if (roll <= 0) return item;
        }

        return items[items.Count - 1];
    }

    private static void WriteCsv(string path, string[] header, IEnumerable<string[]> rows)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(",", header)).Append('\n');
        foreach (var row in rows) sb.Append(string.Join(",", row.Select(Quote))).Append('\n');
        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
    }

    private static string Quote(string value) =>
        value.IndexOfAny(new[] { ',', '"', '\n', '\r' }) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    private static string Iso(DateTime value) => value.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string Day(DateTime value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record Rep(string Name, string Manager, double Diligence, double Volume);

    private sealed record Account(string Name, string? Industry, int? Employees, decimal? Revenue, string Country);

    private sealed record Event(string Deal, DateTime At, string Kind, string? Value, int Order, bool Optional);

    private sealed class Deal
    {
        public Deal(string id, string name, Account account, Rep rep, DateTime createdOn, decimal value)
        {
            Id = id;
            Name = name;
            Account = account;
            Rep = rep;
            CreatedOn = createdOn;
            Value = value;
        }

        public string Id { get; }

        public string Name { get; }

        public Account Account { get; }

        public Rep Rep { get; }

        public DateTime CreatedOn { get; }

        public decimal Value { get; }

        public DateTime CloseDate { get; set; }

        public string? Trigger { get; set; }

        public SalesStage Stage { get; set; } = SalesStage.Qualify;

        public OpportunityState Status { get; set; } = OpportunityState.Open;

        public DateTime? ClosedOn { get; set; }

        public BuyerStage? BuyerStage { get; set; }

        public DateTime? NextInteraction { get; set; }

        public DateTime? PendingMeeting { get; set; }

        public string? Goal { get; set; }

        public List<Event> Events { get; } = new();
    }
}
