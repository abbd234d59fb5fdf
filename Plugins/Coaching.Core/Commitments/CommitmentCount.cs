namespace Coaching.Core.Commitments
{
    /// <param name="Kept">Done by the end of the due day (or done, with no due date or completion date).</param>
    /// <param name="Missed">Done after the due day, still open after it, or canceled.</param>
    /// <param name="Pending">Still open and not yet past the due day (or no due date).</param>
    public sealed record CommitmentCount(int Kept, int Missed, int Pending);
}
