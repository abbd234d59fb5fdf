using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Coaching.Core.Cadence;
using Coaching.Core.Icp;
using Coaching.Core.Opportunities;
using Coaching.Core.Sessions;
using Coaching.Core.Settings;
using Coaching.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Coach.Simulation;

/// <summary>
/// Reads the coaching picture back from the emulator after the replay, with ordinary queries over opportunities,
/// sessions and tasks, the way a report in the environment would: what the plugins wrote is what is shown.
/// </summary>
internal sealed class ResultCollector
{
    private static readonly string[] OpportunityColumns =
    {
        OpportunityTable.Topic, OpportunityTable.Owner, OpportunityTable.SalesStage, OpportunityTable.State,
        OpportunityTable.EstimatedValue, OpportunityTable.EstimatedCloseDate, OpportunityTable.IcpFitScore,
        OpportunityTable.IcpFitBand, OpportunityTable.IcpFitReasons, OpportunityTable.ReviewFlag, OpportunityTable.ReviewReasons,
        OpportunityTable.NextInteractionDate, OpportunityTable.NextInteractionGoal, OpportunityTable.LastCoachedOn, OpportunityTable.CreatedOn,
    };

    private readonly IOrganizationService _service;
    private readonly CoachingSettings _settings;
    private readonly SimulationCast _cast;
    private readonly DateTime _periodStart;
    private readonly DateTime _asOf;

    public ResultCollector(IOrganizationService service, CoachingSettings settings, SimulationCast cast, DateTime periodStart, DateTime asOf)
    {
        _service = service;
        _settings = settings;
        _cast = cast;
        _periodStart = periodStart;
        _asOf = asOf;
    }

    /// <summary>Every opportunity, read page by page into compact facts (the rows themselves are not kept).</summary>
    public List<DealFacts> ReadOpportunities()
    {
        var query = new QueryExpression(OpportunityTable.Name) { ColumnSet = new ColumnSet(OpportunityColumns) };
        // In id order, as a client reading a whole table pages best (each page seeks past its cookie); creation order here.
        query.AddOrder(OpportunityTable.Id, OrderType.Ascending);
        var deals = new List<DealFacts>();
        Queries.ForEach(_service, query, o => deals.Add(new DealFacts(
            o.Id,
            o.GetAttributeValue<string>(OpportunityTable.Topic),
            o.GetAttributeValue<EntityReference>(OpportunityTable.Owner)?.Id ?? Guid.Empty,
            o.GetAttributeValue<OptionSetValue>(OpportunityTable.State)?.Value ?? (int)OpportunityState.Open,
            o.GetAttributeValue<OptionSetValue>(OpportunityTable.SalesStage)?.Value,
            o.GetAttributeValue<Money>(OpportunityTable.EstimatedValue)?.Value,
            o.GetAttributeValue<DateTime?>(OpportunityTable.EstimatedCloseDate),
            o.GetAttributeValue<int?>(OpportunityTable.IcpFitScore),
            o.GetAttributeValue<OptionSetValue>(OpportunityTable.IcpFitBand)?.Value,
            IcpCriteria(o.GetAttributeValue<string>(OpportunityTable.IcpFitReasons)),
            o.GetAttributeValue<bool>(OpportunityTable.ReviewFlag),
            o.GetAttributeValue<string>(OpportunityTable.ReviewReasons),
            o.GetAttributeValue<DateTime?>(OpportunityTable.NextInteractionDate),
            o.GetAttributeValue<string>(OpportunityTable.NextInteractionGoal),
            o.GetAttributeValue<DateTime?>(OpportunityTable.LastCoachedOn),
            o.GetAttributeValue<DateTime>(OpportunityTable.CreatedOn))));
        return deals.OrderBy(d => d.CreatedOn).ToList();
    }

    public List<SessionFacts> ReadSessions()
    {
        var query = new QueryExpression(SessionTable.Name)
        {
            ColumnSet = new ColumnSet(SessionTable.Rep, SessionTable.Trigger, ActivityColumns.CreatedOn, ActivityColumns.ActualStart),
        };
        query.AddOrder(SessionTable.Id, OrderType.Ascending);
        var sessions = new List<SessionFacts>();
        Queries.ForEach(_service, query, s =>
        {
            var trigger = s.GetAttributeValue<OptionSetValue>(SessionTable.Trigger)?.Value;
            sessions.Add(new SessionFacts(
                s.GetAttributeValue<EntityReference>(SessionTable.Rep)?.Id ?? Guid.Empty,
                s.GetAttributeValue<DateTime>(ActivityColumns.CreatedOn),
                trigger.HasValue && Enum.IsDefined(typeof(SessionTrigger), trigger.Value) ? (SessionTrigger)trigger.Value : null,
                s.Contains(ActivityColumns.ActualStart)));
        });
        return sessions.OrderBy(s => s.CreatedOn).ToList();
    }

    public List<TaskFacts> ReadCoachingTasks()
    {
        var query = new QueryExpression(TaskTable.Name)
        {
            ColumnSet = new ColumnSet(ActivityColumns.Subject, TaskTable.Subcategory, ActivityColumns.Owner, ActivityColumns.State, ActivityColumns.CreatedOn),
        };
        query.Criteria.AddCondition(TaskTable.Category, ConditionOperator.Equal, TaskTable.CoachingCategory);
        query.AddOrder(ActivityColumns.Id, OrderType.Ascending);
        var tasks = new List<TaskFacts>();
        Queries.ForEach(_service, query, t => tasks.Add(new TaskFacts(
            t.GetAttributeValue<EntityReference>(ActivityColumns.Owner)?.Id ?? Guid.Empty,
            TaskKindOf(t.GetAttributeValue<string>(TaskTable.Subcategory), t.GetAttributeValue<string>(ActivityColumns.Subject)),
            t.GetAttributeValue<OptionSetValue>(ActivityColumns.State)?.Value is null or ActivityState.Open,
            t.GetAttributeValue<DateTime>(ActivityColumns.CreatedOn))));
        return tasks;
    }

    /// <summary>Open deals in an early stage with the review flag, per manager of the owner, in coaching priority.</summary>
    public IReadOnlyList<ManagerAgenda> Agendas(IReadOnlyList<DealFacts> opportunities)
    {
        var early = new HashSet<int>(_settings.Review.EarlyStages.Select(s => (int)s));
        var flagged = opportunities.Where(o => o.State == (int)OpportunityState.Open && o.ReviewFlag && early.Contains(o.Stage ?? 0));

        var items = flagged.Select(o => (Manager: _cast.ManagerOf(o.OwnerId) ?? NoManager, Item: ToAgendaItem(o))).ToList();
        var managers = _cast.Managers.Select(m => m.Name).ToList();
        if (items.Any(i => i.Manager == NoManager)) managers.Add(NoManager);

        return managers
            .Select(manager => new ManagerAgenda
            {
                Manager = manager,
                Reps = _cast.Reps.Count(r => (r.Manager ?? NoManager) == manager),
                Items = Prioritise(items.Where(i => i.Manager == manager).Select(i => i.Item)),
            })
            .ToList();
    }

    public const string NoManager = "(no manager)";

    /// <summary>Coaching priority: most reasons first, then the larger deal, then the sooner close, then the name.</summary>
    public static IReadOnlyList<AgendaItem> Prioritise(IEnumerable<AgendaItem> items) =>
        items
            .OrderByDescending(i => i.Reasons.Count)
            .ThenByDescending(i => i.EstimatedValue ?? 0m)
            .ThenBy(i => i.EstimatedCloseDate ?? DateTime.MaxValue)
            .ThenBy(i => i.Opportunity, StringComparer.OrdinalIgnoreCase)
            .Select((item, index) => item.WithRank(index + 1))
            .ToList();

    private AgendaItem ToAgendaItem(DealFacts o) => new()
    {
        Opportunity = o.Name ?? "(unnamed)",
        Account = _cast.AccountOf(o.Id),
        Rep = _cast.NameOf(o.OwnerId),
        Stage = o.StageName,
        EstimatedValue = o.Value,
        EstimatedCloseDate = o.CloseDate,
        IcpBand = o.BandName,
        IcpScore = o.Score,
        Reasons = Lines(o.ReviewReasons),
        NextInteractionDate = o.NextInteractionDate,
        NextInteractionGoal = o.NextInteractionGoal,
        LastCoachedOn = o.LastCoachedOn,
    };

    /// <summary>Per rep: sessions by trigger, coaching tasks by kind, weekly sessions against the cadence target.</summary>
    public IReadOnlyList<RepActivity> Reps(
        IReadOnlyList<DealFacts> opportunities,
        IReadOnlyList<SessionFacts> sessions,
        IReadOnlyList<TaskFacts> tasks,
        IReadOnlyList<BlockedMove> blocked,
        IReadOnlyList<DateTime> weeks,
        IReadOnlyDictionary<Guid, int[]>? held = null)
    {
        var inPeriod = sessions.Where(s => InPeriod(s.CreatedOn)).ToList();
        var tasksInPeriod = tasks.Where(t => InPeriod(t.CreatedOn)).ToList();
        var target = _settings.Cadence.SessionsPerRepPerWeek;

        var opened = inPeriod
            .Select(s => new HeldSession(s.RepId, null, s.CreatedOn))
            .ToList();
        var roster = _cast.Reps.Select(r => new CoachedRep(r.Id, r.Name)).ToList();
        var weekly = weeks
            .Select(week => CadenceCalculator.Compute(opened, week, _settings.Cadence, roster).ToDictionary(c => c.RepId))
            .ToList();
        var days = Math.Max(1.0, (_asOf - _periodStart).TotalDays);

        var sessionsByRep = inPeriod.ToLookup(s => s.RepId);
        var tasksByOwner = tasksInPeriod.ToLookup(t => t.OwnerId);
        var openDeals = opportunities
            .Where(o => o.State == (int)OpportunityState.Open)
            .GroupBy(o => o.OwnerId)
            .ToDictionary(g => g.Key, g => g.Count());
        var blockedByRep = blocked.GroupBy(b => b.Rep).ToDictionary(g => g.Key, g => g.Count());
        return _cast.Reps
            .Select(rep =>
            {
                var mine = sessionsByRep[rep.Id].ToList();
                var myTasks = tasksByOwner[rep.Id].ToList();
                var perWeek = weekly.Select(w => w.TryGetValue(rep.Id, out var c) ? c.Held : 0).ToList();
                return new RepActivity
                {
                    Rep = rep.Name,
                    Manager = rep.Manager,
                    OpenDeals = openDeals.TryGetValue(rep.Id, out var open) ? open : 0,
                    SessionsCreated = mine.Count,
                    SessionsFromStageChange = mine.Count(s => s.Trigger == SessionTrigger.StageChange),
                    SessionsFromReviewFlag = mine.Count(s => s.Trigger == SessionTrigger.ReviewFlag),
                    SessionsOther = mine.Count(s => s.Trigger is not (SessionTrigger.StageChange or SessionTrigger.ReviewFlag)),
                    PrepTasks = myTasks.Count(t => t.Kind == CoachingTaskKind.Prep),
                    PrepTasksOpen = myTasks.Count(t => t.Kind == CoachingTaskKind.Prep && t.Open),
                    ActionTasks = myTasks.Count(t => t.Kind == CoachingTaskKind.Action),
                    ReflectionTasks = myTasks.Count(t => t.Kind == CoachingTaskKind.Reflection),
                    FollowUpTasks = myTasks.Count(t => t.Kind == CoachingTaskKind.FollowUp),
                    BlockedMoves = blockedByRep.TryGetValue(rep.Name, out var count) ? count : 0,
                    WeeklySessions = perWeek,
                    AveragePerWeek = Math.Round(mine.Count / (days / 7.0), 1),
                    WeeksAtTarget = weekly.Count(w => w.TryGetValue(rep.Id, out var c) && c.MeetsTarget),
                    WeeklyHeld = held != null && held.TryGetValue(rep.Id, out var h) ? h : null,
                    Target = target,
                };
            })
            .ToList();
    }

    public enum CoachingTaskKind
    {
        Prep,
        Action,
        Reflection,
        FollowUp,
    }

    /// <summary>What a "Micro-coaching" task is for: its subcategory (action item, follow-up, reflection); none is a prep task.</summary>
    public static CoachingTaskKind TaskKindOf(string? subcategory, string? subject)
    {
        if (string.Equals(subcategory, TaskTable.ActionItemSubcategory, StringComparison.OrdinalIgnoreCase)) return CoachingTaskKind.Action;
        if (string.Equals(subcategory, TaskTable.FollowUpSubcategory, StringComparison.OrdinalIgnoreCase)) return CoachingTaskKind.FollowUp;
        if (string.Equals(subcategory, TaskTable.ReflectionSubcategory, StringComparison.OrdinalIgnoreCase)) return CoachingTaskKind.Reflection;
        return subject != null && subject.StartsWith("Prepare", StringComparison.OrdinalIgnoreCase) ? CoachingTaskKind.Prep : CoachingTaskKind.Action;
    }

    /// <summary>Bands and missed criteria over the deals open at some point in the period.</summary>
    public IcpDistribution Icp(IReadOnlyList<DealFacts> opportunities)
    {
        var inPeriod = opportunities.Where(o => _cast.ClosedAt(o.Id) is not { } closed || closed >= _periodStart).ToList();
        var bands = new[] { IcpFitBand.Strong, IcpFitBand.Partial, IcpFitBand.Poor, IcpFitBand.Unknown }
            .Select(band =>
            {
                var deals = inPeriod.Where(o => (o.Band ?? (int)IcpFitBand.Unknown) == (int)band).ToList();
                return new IcpBandCount
                {
                    Band = band.ToString(),
                    Count = deals.Count,
                    Value = deals.Sum(o => o.Value ?? 0m),
                    Won = deals.Count(o => o.State == (int)OpportunityState.Won),
                    Lost = deals.Count(o => o.State == (int)OpportunityState.Lost),
                };
            })
            .ToList();

        var criteria = new Dictionary<string, (int Missed, int Unknown, int Met)>(StringComparer.OrdinalIgnoreCase);
        foreach (var o in inPeriod)
        {
            foreach (var (criterion, outcome) in o.IcpCriteria)
            {
                criteria.TryGetValue(criterion, out var c);
                criteria[criterion] = outcome switch
                {
                    CriterionOutcome.Met => (c.Missed, c.Unknown, c.Met + 1),
                    CriterionOutcome.Unknown => (c.Missed, c.Unknown + 1, c.Met),
                    _ => (c.Missed + 1, c.Unknown, c.Met),
                };
            }
        }

        return new IcpDistribution
        {
            Bands = bands,
            Criteria = criteria
                .Select(c => new IcpCriterionCount { Criterion = c.Key, Missed = c.Value.Missed, Unknown = c.Value.Unknown, Met = c.Value.Met })
                .OrderByDescending(c => c.NotMet)
                .ThenBy(c => c.Criterion, StringComparer.OrdinalIgnoreCase)
                .ToList(),
        };
    }

    public enum CriterionOutcome
    {
        Met,
        Missed,
        Unknown,
    }

    /// <summary>
    /// The criteria outcomes of a deal's coach_icpfitreasons, kept instead of the text (a few hundred characters per
    /// deal; at ten times the sample, 40 MB the report would hold to count five criteria).
    /// </summary>
    private IReadOnlyList<(string Criterion, CriterionOutcome Outcome)> IcpCriteria(string? reasons)
    {
        var criteria = new List<(string, CriterionOutcome)>();
        foreach (var line in Lines(reasons))
        {
            if (!TryReadCriterion(line, out var criterion, out var outcome)) continue;
            if (!_criterionNames.TryGetValue(criterion, out var name)) _criterionNames.Add(criterion, name = criterion);
            criteria.Add((name, outcome));
        }

        return criteria.Count == 0 ? Array.Empty<(string, CriterionOutcome)>() : criteria.ToArray();
    }

    private readonly Dictionary<string, string> _criterionNames = new(StringComparer.Ordinal);

    /// <summary>
    /// Reads one line of coach_icpfitreasons: "Industry: Wholesale is a target industry (+25)" (met),
    /// "Country: Spain is not a target country (0 of 15)" (missed), "Revenue: unknown (0 of 20)" (unknown).
    /// Lines without a weight (the explanation of an Unknown band) are not criteria.
    /// </summary>
    public static bool TryReadCriterion(string line, out string criterion, out CriterionOutcome outcome)
    {
        criterion = string.Empty;
        outcome = CriterionOutcome.Missed;
        var colon = line.IndexOf(':');
        var open = line.LastIndexOf('(');
        if (colon <= 0 || open < colon || !line.EndsWith(")", StringComparison.Ordinal)) return false;
        var weight = line.Substring(open + 1, line.Length - open - 2);
        criterion = line.Substring(0, colon).Trim();
        if (weight.StartsWith("+", StringComparison.Ordinal))
        {
            outcome = CriterionOutcome.Met;
            return true;
        }

        if (!weight.StartsWith("0 of ", StringComparison.Ordinal)) return false;
        outcome = line.Substring(colon + 1).TrimStart().StartsWith("unknown", StringComparison.OrdinalIgnoreCase) ? CriterionOutcome.Unknown : CriterionOutcome.Missed;
        return true;
    }

    /// <summary>Monday-started weeks (UTC) from the period's start to the as-of moment.</summary>
    public static IReadOnlyList<DateTime> WeeksOf(DateTime start, DateTime end)
    {
        var monday = start.Date.AddDays(-(((int)start.DayOfWeek + 6) % 7));
        var weeks = new List<DateTime>();
        for (var week = DateTime.SpecifyKind(monday, DateTimeKind.Utc); week <= end; week = week.AddDays(7)) weeks.Add(week);
        if (weeks.Count == 0) weeks.Add(DateTime.SpecifyKind(monday, DateTimeKind.Utc));
        return weeks;
    }

    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    private bool InPeriod(DateTime time) => time >= _periodStart && time <= _asOf;

    public static string Money(decimal value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

/// <summary>What the report needs of an opportunity, read back from the emulator.</summary>
internal sealed record DealFacts(
    Guid Id,
    string? Name,
    Guid OwnerId,
    int State,
    int? Stage,
    decimal? Value,
    DateTime? CloseDate,
    int? Score,
    int? Band,
    IReadOnlyList<(string Criterion, ResultCollector.CriterionOutcome Outcome)> IcpCriteria,
    bool ReviewFlag,
    string? ReviewReasons,
    DateTime? NextInteractionDate,
    string? NextInteractionGoal,
    DateTime? LastCoachedOn,
    DateTime CreatedOn)
{
    public string StageName => Stage.HasValue && SalesStages.IsDefined(Stage.Value) ? ((SalesStage)Stage.Value).ToString() : "?";

    public string? BandName => Band.HasValue && Enum.IsDefined(typeof(IcpFitBand), Band.Value) ? ((IcpFitBand)Band.Value).ToString() : null;
}

/// <summary>A micro-coaching session: whose, when it was opened, why, and whether it has started.</summary>
internal sealed record SessionFacts(Guid RepId, DateTime CreatedOn, SessionTrigger? Trigger, bool Started);

/// <summary>A "Micro-coaching" task: whose, what for, still open, when created.</summary>
internal sealed record TaskFacts(Guid OwnerId, ResultCollector.CoachingTaskKind Kind, bool Open, DateTime CreatedOn);
