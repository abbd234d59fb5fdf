using System;
using System.Collections.Generic;
using System.Linq;
using Coaching.Core.Opportunities;
using Coaching.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator;
using Xrm.Emulator.Faults;

namespace Coach.Simulation;

/// <summary>
/// The product's own read APIs, when the solution has them: the agenda is then what coach_GetPipelineReviewAgenda
/// returns to each manager (its ranking and priority reasons), and the held sessions are what
/// coach_GetCoachingCadence counts. Without them (an older solution) the simulation's own queries fill the sections.
/// </summary>
internal static class CustomApis
{
    public const string AgendaSource = PipelineReviewAgendaMessage.Name + " called as each manager (coaching priority: value, ICP fit gap, time since last coached, closing soon)";

    /// <summary>The agenda per manager as the custom API returns it to them, or null when the solution has no such API.</summary>
    public static IReadOnlyList<ManagerAgenda>? Agenda(XrmEmulator emulator, SimulationCast cast, IReadOnlyList<DealFacts> opportunities, out string? problem)
    {
        problem = null;
        var details = opportunities.ToDictionary(o => o.Id);
        var result = new List<ManagerAgenda>();
        try
        {
            foreach (var manager in cast.Managers)
            {
                var rows = Call(emulator.Service(manager.Id), PipelineReviewAgendaMessage.Name, (PipelineReviewAgendaMessage.ManagerId, manager.Id));
                if (rows == null) return null;
                result.Add(new ManagerAgenda
                {
                    Manager = manager.Name,
                    Reps = cast.Reps.Count(r => r.Manager == manager.Name),
                    Items = rows.Select(row => ToItem(row, details, cast)).ToList(),
                });
            }

            var unmanaged = cast.Reps.Where(r => r.Manager == null).ToList();
            if (unmanaged.Count > 0)
            {
                var items = new List<AgendaItem>();
                foreach (var rep in unmanaged)
                {
                    var rows = Call(emulator.Service(), PipelineReviewAgendaMessage.Name, (PipelineReviewAgendaMessage.OwnerId, rep.Id));
                    if (rows == null) return null;
                    items.AddRange(rows.Select(row => ToItem(row, details, cast)));
                }

                if (items.Count > 0)
                {
                    var ordered = items.OrderByDescending(i => i.Priority).ThenByDescending(i => i.EstimatedValue ?? 0m).ToList();
                    result.Add(new ManagerAgenda
                    {
                        Manager = ResultCollector.NoManager,
                        Reps = unmanaged.Count,
                        Items = ordered.Select((item, index) => item.WithRank(index + 1)).ToList(),
                    });
                }
            }
        }
        catch (Exception e) when (e is XrmFaultException or InvalidPluginExecutionException)
        {
            problem = $"{PipelineReviewAgendaMessage.Name} failed ({e.Message}); the agenda below comes from the simulation's own query.";
            return null;
        }

        return result;
    }

    /// <summary>
    /// Sessions held per rep and week as coach_GetCoachingCadence counts them (started and ended in the week), or null
    /// when the solution has no such API.
    /// </summary>
    /// <param name="anyStarted">
    /// False when no session has started (no actualstart): every count is 0, so the API is asked once, to show it
    /// answers, rather than for every manager and week.
    /// </param>
    public static IReadOnlyDictionary<Guid, int[]>? Held(XrmEmulator emulator, SimulationCast cast, IReadOnlyList<DateTime> weeks, bool anyStarted, out string? problem)
    {
        problem = null;
        var held = cast.Reps.ToDictionary(r => r.Id, _ => new int[weeks.Count]);
        try
        {
            foreach (var manager in anyStarted ? cast.Managers : cast.Managers.Take(1))
            {
                var service = emulator.Service(manager.Id);
                for (var w = 0; w < (anyStarted ? weeks.Count : 1); w++)
                {
                    var rows = Call(service, CoachingCadenceMessage.Name, (CoachingCadenceMessage.ManagerId, manager.Id), (CoachingCadenceMessage.WeekStart, weeks[w]));
                    if (rows == null) return null;
                    foreach (var row in rows)
                    {
                        var rep = row.GetAttributeValue<EntityReference>(CadenceRow.Rep)?.Id ?? Guid.Empty;
                        if (held.TryGetValue(rep, out var counts)) counts[w] = row.GetAttributeValue<int>(CadenceRow.Held);
                    }
                }
            }
        }
        catch (Exception e) when (e is XrmFaultException or InvalidPluginExecutionException)
        {
            problem = $"{CoachingCadenceMessage.Name} failed ({e.Message}); held sessions are not shown.";
            return null;
        }

        return held;
    }

    /// <summary>The rows of the API's collection response, or null when the message does not exist.</summary>
    private static IReadOnlyList<Entity>? Call(IOrganizationService service, string message, params (string Name, object Value)[] parameters)
    {
        var request = new OrganizationRequest(message);
        foreach (var (name, value) in parameters) request[name] = value;
        OrganizationResponse response;
        try
        {
            response = service.Execute(request);
        }
        catch (XrmFaultException e) when (e.Message.Contains("does not implement the message", StringComparison.Ordinal))
        {
            return null;
        }

        var collection = response.Results.Values.OfType<EntityCollection>().FirstOrDefault();
        return collection?.Entities.ToList() ?? new List<Entity>();
    }

    private static AgendaItem ToItem(Entity row, IReadOnlyDictionary<Guid, DealFacts> details, SimulationCast cast)
    {
        var id = row.GetAttributeValue<EntityReference>(AgendaRow.Opportunity)?.Id ?? Guid.Empty;
        details.TryGetValue(id, out var deal);
        return new AgendaItem
        {
            Rank = row.GetAttributeValue<int>(AgendaRow.Rank),
            Priority = row.Contains(AgendaRow.Priority) ? row.GetAttributeValue<int>(AgendaRow.Priority) : null,
            PriorityReasons = ResultCollector.Lines(row.GetAttributeValue<string>(AgendaRow.PriorityReasons)),
            Opportunity = row.GetAttributeValue<string>(AgendaRow.Topic) ?? "(unnamed)",
            Account = cast.AccountOf(id),
            Rep = cast.NameOf(row.GetAttributeValue<EntityReference>(AgendaRow.Owner)?.Id ?? Guid.Empty),
            Stage = deal?.StageName ?? "?",
            EstimatedValue = row.Attributes.TryGetValue(AgendaRow.EstimatedValue, out var value) ? value switch { Money m => m.Value, decimal d => d, _ => null } : null,
            EstimatedCloseDate = row.GetAttributeValue<DateTime?>(AgendaRow.EstimatedCloseDate),
            IcpBand = deal?.BandName,
            IcpScore = row.GetAttributeValue<int?>(AgendaRow.IcpFitScore),
            Reasons = ResultCollector.Lines(row.GetAttributeValue<string>(AgendaRow.ReviewReasons)),
            NextInteractionDate = deal?.NextInteractionDate,
            NextInteractionGoal = deal?.NextInteractionGoal,
            LastCoachedOn = row.GetAttributeValue<DateTime?>(AgendaRow.LastCoachedOn),
        };
    }
}
