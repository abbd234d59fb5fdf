namespace Coaching.Core.Settings
{
    /// <summary>The coaching rhythm: how many sessions per rep per week, and how long each may take.</summary>
    public sealed record CadenceSettings(int SessionsPerRepPerWeek, int MaxSessionMinutes);
}
