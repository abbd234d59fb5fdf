using System;

namespace Coaching.Core.Cadence
{
    /// <summary>A micro-coaching session that took place. Times are UTC.</summary>
    /// <param name="RepId">The coached rep (coach_repid).</param>
    /// <param name="RepName">Shown in reports.</param>
    /// <param name="StartedOn">When it started; it counts in the week that contains this.</param>
    /// <param name="EndedOn">When it ended, if known.</param>
    /// <param name="Minutes">Duration in minutes when recorded (actualdurationminutes); wins over the times.</param>
    public sealed record HeldSession(Guid RepId, string? RepName, DateTime StartedOn, DateTime? EndedOn = null, int? Minutes = null)
    {
        /// <summary>Minutes, else the whole minutes between start and end, else 0.</summary>
        public int Duration =>
            Minutes ?? (EndedOn.HasValue && EndedOn.Value > StartedOn
                ? (int)Math.Round((EndedOn.Value - StartedOn).TotalMinutes, MidpointRounding.AwayFromZero)
                : 0);
    }

    /// <summary>A rep who should be coached, so a rep with no session still shows with a shortfall.</summary>
    public sealed record CoachedRep(Guid RepId, string? RepName);
}
