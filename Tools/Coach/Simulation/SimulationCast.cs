using System;
using System.Collections.Generic;
using System.Linq;

namespace Coach.Simulation;

/// <summary>A user of the simulation: their systemuser id in the emulator and their role.</summary>
public sealed record CastMember(Guid Id, string Name, UserRole Role, string? Manager);

/// <summary>Who is who in the emulator: users by id and name, and the account of each opportunity.</summary>
public sealed class SimulationCast
{
    private readonly Dictionary<Guid, CastMember> _byId;
    private readonly IReadOnlyDictionary<string, LiveOpportunity> _opportunities;
    private readonly Dictionary<Guid, LiveOpportunity> _opportunitiesById;

    private readonly IReadOnlyList<CastMember> _reps;

    public SimulationCast(IEnumerable<CastMember> members, IReadOnlyDictionary<string, LiveOpportunity> opportunities)
    {
        _byId = members.ToDictionary(m => m.Id);
        _opportunities = opportunities;
        _opportunitiesById = opportunities.Values.ToDictionary(o => o.Id);
        var owners = new HashSet<Guid>(opportunities.Values.Select(o => o.Owner));
        _reps = _byId.Values
            .Where(m => m.Role == UserRole.Rep || owners.Contains(m.Id))
            .OrderBy(m => m.Manager ?? "\uffff", StringComparer.OrdinalIgnoreCase)
            .ThenBy(m => m.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    public IEnumerable<CastMember> Managers => _byId.Values.Where(m => m.Role == UserRole.Manager).OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Reps, and any manager who owns deals, by name.</summary>
    public IReadOnlyList<CastMember> Reps => _reps;

    public string NameOf(Guid id) => _byId.TryGetValue(id, out var m) ? m.Name : "(unknown user)";

    public string? ManagerOf(Guid id) => _byId.TryGetValue(id, out var m) ? m.Manager : null;

    public string? AccountOf(Guid opportunityId) => _opportunitiesById.TryGetValue(opportunityId, out var o) ? o.Row.Account : null;

    public DateTime? ClosedAt(Guid opportunityId) => _opportunitiesById.TryGetValue(opportunityId, out var o) ? o.ClosedAt : null;
}
