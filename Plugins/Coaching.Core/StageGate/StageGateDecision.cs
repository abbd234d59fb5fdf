namespace Coaching.Core.StageGate
{
    /// <param name="Allowed">False: the plugin fails the operation with <paramref name="Message"/>.</param>
    /// <param name="Message">What the rep must fill in; empty when allowed.</param>
    public sealed record StageGateDecision(bool Allowed, string Message)
    {
        public static StageGateDecision Allow { get; } = new StageGateDecision(true, string.Empty);

        public static StageGateDecision Block(string message) => new StageGateDecision(false, message);
    }
}
