using System;
using System.Collections.Generic;
using Coaching.Core.Opportunities;
using Coaching.Plugins.Schema;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator;
using Xrm.Emulator.Faults;

namespace Coach.Simulation;

/// <summary>
/// Replays events on the emulator, one at a time, with the clock at each event's time, each performed as the
/// opportunity's owner would through the organization service:
/// <list type="bullet">
/// <item>created: Create of the opportunity in Qualify (stepname "1-Qualify");</item>
/// <item>stage_change: Update of salesstage and stepname; a move the stage gate refuses is recorded with its
/// message and not retried: the deal stays where it was, as it would for a rep who did not fix the goal;</item>
/// <item>goal_set: Update of the next interaction goal (an empty value clears it);</item>
/// <item>interaction_scheduled: Update of the next interaction date;</item>
/// <item>interaction_completed: the scheduled meeting logged as an appointment and completed (SetState), or, with
/// nothing scheduled, a phone call logged and completed; the value, when given, becomes the last interaction outcome;</item>
/// <item>won / lost: WinOpportunity (status Won) / LoseOpportunity (status Canceled) with an opportunityclose dated at
/// the event, as the Close Opportunity dialog does (the platform refuses SetState to Won or Lost).</item>
/// </list>
/// Events on a deal that is already closed, or that was never created, are skipped and reported with their line.
/// At each day boundary the replay crosses, coach_RefreshCoachingSignals runs as the daily flow runs it (as the admin,
/// looping on its continuation token), so deals nobody touches get their time-based review reasons stored too.
/// </summary>
public sealed class PipelineReplayer
{
    private readonly XrmEmulator _emulator;
    private readonly IReadOnlyDictionary<string, Guid> _users;
    private readonly IReadOnlyDictionary<string, Guid> _accounts;
    private readonly Dictionary<string, LiveOpportunity> _live = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<Guid, IOrganizationService> _services = new();
    private readonly Dictionary<string, OpportunityRow> _rows;

    public PipelineReplayer(XrmEmulator emulator, PipelineData data, IReadOnlyDictionary<string, Guid> users, IReadOnlyDictionary<string, Guid> accounts)
    {
        _emulator = emulator;
        _users = users;
        _accounts = accounts;
        _rows = new Dictionary<string, OpportunityRow>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in data.Opportunities) _rows[row.Id] = row;
    }

    /// <summary>Called before each event is performed, with the emulator clock already set (tests watch order and clock).</summary>
    public Action<PipelineEvent, DateTime>? OnApplying { get; set; }

    public List<ReplayRecord> Blocked { get; } = new();

    public List<ReplayRecord> Refused { get; } = new();

    public List<InputIssue> Skipped { get; } = new();

    public int Applied { get; private set; }

    /// <summary>Daily refreshes run (one per day boundary crossed), and the deals they wrote.</summary>
    public int Refreshes { get; private set; }

    public int RefreshedDeals { get; private set; }

    /// <summary>Open deals the daily refreshes read (those whose stored signals could have changed).</summary>
    public long RefreshReadDeals { get; private set; }

    /// <summary>Why the daily refresh stopped running, when it did (an older solution without it, or a refusal).</summary>
    public string? RefreshProblem { get; private set; }

    private DateTime? _refreshedThrough;

    /// <summary>The opportunities created, by their opportunities.csv id.</summary>
    public IReadOnlyDictionary<string, LiveOpportunity> Opportunities => _live;

    /// <summary>Replays <paramref name="events"/> in order, clearing each slot once its event is applied.</summary>
    public void Replay(PipelineEvent?[] events, IProgress<int>? progress = null)
    {
        var step = Math.Max(1, events.Length / 200);
        for (var i = 0; i < events.Length; i++)
        {
            var next = events[i]!;
            events[i] = null; // what a blocked or skipped event needs is kept in its record
            RefreshThrough(next.Timestamp);
            Apply(next);
            if (progress != null && (i % step == 0 || i == events.Length - 1)) progress.Report(i + 1);
        }
    }

    /// <summary>Runs the daily refresh at midnight (UTC) of each day after the last one refreshed, up to <paramref name="moment"/>.</summary>
    public void RefreshThrough(DateTime moment)
    {
        var day = moment.Date;
        if (_refreshedThrough == null)
        {
            _refreshedThrough = day;
            return;
        }

        while (_refreshedThrough.Value < day && RefreshProblem == null)
        {
            _refreshedThrough = _refreshedThrough.Value.AddDays(1);
            _emulator.UtcNow = DateTime.SpecifyKind(_refreshedThrough.Value, DateTimeKind.Utc);
            RunDailyRefresh();
        }
    }

    private void RunDailyRefresh()
    {
        var token = string.Empty;
        try
        {
            do
            {
                var request = new OrganizationRequest(RefreshCoachingSignalsMessage.Name);
                if (token.Length > 0) request[RefreshCoachingSignalsMessage.ContinuationToken] = token;
                var response = _emulator.Service().Execute(request);
                RefreshedDeals += (int)response[RefreshCoachingSignalsMessage.Updated];
                RefreshReadDeals += (int)response[RefreshCoachingSignalsMessage.Read];
                token = response[RefreshCoachingSignalsMessage.ContinuationToken] as string ?? string.Empty;
            }
            while (token.Length > 0);
            Refreshes++;
        }
        catch (XrmFaultException e) when (e.Message.Contains("does not implement the message", StringComparison.Ordinal))
        {
            RefreshProblem = $"The solution has no {RefreshCoachingSignalsMessage.Name}: stored review flags change only when a deal is saved.";
        }
        catch (Exception e) when (IsPlatformRefusal(e, out var message, out _))
        {
            RefreshProblem = $"{RefreshCoachingSignalsMessage.Name} failed on {InputValues.Iso(_emulator.UtcNow)} ({message}); the daily refresh stopped there.";
        }
    }

    public void Apply(PipelineEvent e)
    {
        LiveOpportunity? existing = null;
        if (e.Kind != EventKind.Created)
        {
            if (!_live.TryGetValue(e.OpportunityId, out existing))
            {
                Skipped.Add(new InputIssue(e.File, e.Line, $"{e.KindName} on '{e.OpportunityId}' not applied: the opportunity was not created (see its opportunities.csv row)"));
                return;
            }

            if (existing.State != OpportunityState.Open)
            {
                Skipped.Add(new InputIssue(e.File, e.Line,
                    $"{e.KindName} on '{existing.Row.Name}' at {InputValues.Iso(e.Timestamp)} not applied: the deal was already {existing.State.ToString().ToLowerInvariant()} on {InputValues.Iso(existing.ClosedAt!.Value)} (closed deals are read-only)"));
                return;
            }
        }

        _emulator.UtcNow = e.Timestamp;
        OnApplying?.Invoke(e, _emulator.UtcNow);
        try
        {
            Perform(e, existing);
            Applied++;
        }
        catch (Exception ex) when (IsPlatformRefusal(ex, out var message, out var byPlugin))
        {
            var record = new ReplayRecord(e, existing ?? (_live.TryGetValue(e.OpportunityId, out var created) ? created : null), message, byPlugin);
            if (e.Kind == EventKind.StageChange && byPlugin) Blocked.Add(record);
            else Refused.Add(record);
        }
    }

    /// <param name="live">The deal, found by <see cref="Apply"/>; null for a creation.</param>
    private void Perform(PipelineEvent e, LiveOpportunity? live)
    {
        switch (e.Kind)
        {
            case EventKind.Created:
                Create(_rows[e.OpportunityId]);
                break;
            case EventKind.StageChange:
                MoveStage(live!, e.Stage!.Value);
                break;
            case EventKind.GoalSet:
                UpdateOpportunity(live!, OpportunityTable.NextInteractionGoal, e.Value);
                break;
            case EventKind.InteractionScheduled:
                Schedule(live!, e.Date!.Value);
                break;
            case EventKind.InteractionCompleted:
                Complete(live!, e.Value);
                break;
            case EventKind.Won:
            case EventKind.Lost:
                Close(live!, e.Kind == EventKind.Won ? OpportunityState.Won : OpportunityState.Lost);
                break;
        }
    }

    private IOrganizationService As(Guid user)
    {
        if (!_services.TryGetValue(user, out var service))
        {
            service = _emulator.Service(user);
            _services.Add(user, service);
        }

        return service;
    }

    private void Create(OpportunityRow row)
    {
        var owner = _users[row.Owner];
        var opportunity = new Entity(OpportunityTable.Name)
        {
            [OpportunityTable.Topic] = row.Name,
            [OpportunityTable.Owner] = new EntityReference(SystemUserTable.Name, owner),
            [OpportunityTable.SalesStage] = new OptionSetValue((int)SalesStage.Qualify),
            [OpportunityTable.StepName] = StepName(SalesStage.Qualify),
        };
        if (row.Account != null)
        {
            // A deal without an account stays without a customer: Dataverse allows it.
            var account = new EntityReference(AccountTable.Name, _accounts[row.Account]);
            opportunity[OpportunityTable.Customer] = account;
            opportunity[OpportunityTable.ParentAccount] = account;
        }

        if (row.EstimatedValue.HasValue) opportunity[OpportunityTable.EstimatedValue] = new Money(row.EstimatedValue.Value);
        if (row.EstimatedCloseDate.HasValue) opportunity[OpportunityTable.EstimatedCloseDate] = row.EstimatedCloseDate.Value;
        if (row.BuyingTrigger != null) opportunity[OpportunityTable.BuyingTrigger] = row.BuyingTrigger;
        if (row.BuyerStage.HasValue) opportunity[OpportunityTable.BuyerStage] = new OptionSetValue((int)row.BuyerStage.Value);

        var id = As(owner).Create(opportunity);
        _live[row.Id] = new LiveOpportunity(id, row, owner);
    }

    private void MoveStage(LiveOpportunity deal, SalesStage to)
    {
        if (deal.Stage == to) return;
        As(deal.Owner).Update(new Entity(OpportunityTable.Name, deal.Id)
        {
            [OpportunityTable.SalesStage] = new OptionSetValue((int)to),
            [OpportunityTable.StepName] = StepName(to),
        });
        deal.Stage = to;
    }

    private void UpdateOpportunity(LiveOpportunity deal, string column, object? value) =>
        As(deal.Owner).Update(new Entity(OpportunityTable.Name, deal.Id) { [column] = value! });

    private void Schedule(LiveOpportunity deal, DateTime at)
    {
        As(deal.Owner).Update(new Entity(OpportunityTable.Name, deal.Id) { [OpportunityTable.NextInteractionDate] = at });
        deal.ScheduledInteraction = at;
    }

    /// <summary>
    /// The rep logs the interaction as done: the scheduled meeting as a completed appointment (at its scheduled time),
    /// else a completed phone call now; then the outcome on the opportunity.
    /// </summary>
    private void Complete(LiveOpportunity deal, string? outcome)
    {
        var service = As(deal.Owner);
        var regarding = new EntityReference(OpportunityTable.Name, deal.Id);
        var owner = new EntityReference(SystemUserTable.Name, deal.Owner);
        if (deal.ScheduledInteraction is { } meeting)
        {
            var appointment = service.Create(new Entity(InteractionTables.Appointment)
            {
                [ActivityColumns.Subject] = "Meeting: " + deal.Row.Name,
                [ActivityColumns.Regarding] = regarding,
                [ActivityColumns.Owner] = owner,
                [ActivityColumns.Start] = meeting,
                [ActivityColumns.Due] = meeting.AddHours(1),
            });
            SetState(service, InteractionTables.Appointment, appointment, ActivityState.Completed, AppointmentCompleted);
            deal.ScheduledInteraction = null;
        }
        else
        {
            var call = service.Create(new Entity(InteractionTables.PhoneCall)
            {
                [ActivityColumns.Subject] = "Call: " + deal.Row.Name,
                [ActivityColumns.Regarding] = regarding,
                [ActivityColumns.Owner] = owner,
                [ActivityColumns.ActualEnd] = _emulator.UtcNow,
            });
            SetState(service, InteractionTables.PhoneCall, call, ActivityState.Completed, PhoneCallMade);
        }

        if (!string.IsNullOrWhiteSpace(outcome))
        {
            service.Update(new Entity(OpportunityTable.Name, deal.Id) { [OpportunityTable.LastInteractionOutcome] = outcome });
        }
    }

    private void Close(LiveOpportunity deal, OpportunityState state)
    {
        var won = state == OpportunityState.Won;
        var close = new Entity(OpportunityCloseTable.Name)
        {
            [OpportunityCloseTable.Opportunity] = new EntityReference(OpportunityTable.Name, deal.Id),
            [ActivityColumns.Subject] = (won ? "Won: " : "Lost: ") + deal.Row.Name,
            [ActivityColumns.ActualEnd] = _emulator.UtcNow,
        };
        As(deal.Owner).Execute(won
            ? new WinOpportunityRequest { OpportunityClose = close, Status = new OptionSetValue(OpportunityWon) }
            : new LoseOpportunityRequest { OpportunityClose = close, Status = new OptionSetValue(OpportunityLost) });
        deal.State = state;
        deal.ClosedAt = _emulator.UtcNow;
    }

    private static void SetState(IOrganizationService service, string table, Guid id, int state, int status) =>
        service.Execute(new SetStateRequest
        {
            EntityMoniker = new EntityReference(table, id),
            State = new OptionSetValue(state),
            Status = new OptionSetValue(status),
        });

    /// <summary>The business process flow's step names: "1-Qualify" … "4-Close".</summary>
    public static string StepName(SalesStage stage) => ((int)stage + 1) + "-" + stage;

    /// <summary>
    /// A fault the platform returns to the caller: a plugin's InvalidPluginExecutionException (the message the rep
    /// sees) or another service fault. Anything else is a defect and propagates.
    /// </summary>
    private static bool IsPlatformRefusal(Exception ex, out string message, out bool byPlugin)
    {
        switch (ex)
        {
            case InvalidPluginExecutionException plugin:
                message = plugin.Message;
                byPlugin = true;
                return true;
            case XrmFaultException fault:
                message = fault.Message;
                byPlugin = fault.ErrorCode == FaultCodes.IsvAborted;
                return true;
            default:
                message = string.Empty;
                byPlugin = false;
                return false;
        }
    }

    private const int AppointmentCompleted = 3;
    private const int PhoneCallMade = 2;
    private const int OpportunityWon = 3;
    private const int OpportunityLost = 4;
}

/// <summary>An opportunity as the replay knows it: its id in the emulator, its row, and what the replay did to it.</summary>
public sealed class LiveOpportunity
{
    public LiveOpportunity(Guid id, OpportunityRow row, Guid owner)
    {
        Id = id;
        Row = row;
        Owner = owner;
    }

    public Guid Id { get; }

    public OpportunityRow Row { get; }

    public Guid Owner { get; }

    public SalesStage Stage { get; set; } = SalesStage.Qualify;

    public OpportunityState State { get; set; } = OpportunityState.Open;

    public DateTime? ClosedAt { get; set; }

    /// <summary>The date of the interaction last scheduled and not yet completed.</summary>
    public DateTime? ScheduledInteraction { get; set; }
}

/// <summary>An event the platform refused, with the message the user saw.</summary>
public sealed record ReplayRecord(PipelineEvent Event, LiveOpportunity? Opportunity, string Message, bool ByPlugin)
{
    /// <summary>The stage the deal was in when the event was refused (before the move).</summary>
    public SalesStage? StageBefore { get; init; } = Opportunity?.Stage;
}
