using System;

namespace Coaching.Core.Cadence
{
    /// <param name="Held">Sessions that started in the week.</param>
    /// <param name="Target">sessionsPerRepPerWeek.</param>
    /// <param name="TotalMinutes">Sum of the sessions' durations.</param>
    /// <param name="Shortfall">Sessions still missing to reach the target (0 when met or exceeded).</param>
    /// <param name="OverlongSessions">Sessions longer than maxSessionMinutes.</param>
    public sealed record RepCadence(Guid RepId, string? RepName, int Held, int Target, int TotalMinutes, int Shortfall, int OverlongSessions)
    {
        public bool MeetsTarget => Shortfall == 0;
    }
}
