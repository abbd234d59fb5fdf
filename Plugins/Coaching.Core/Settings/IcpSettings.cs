using System.Collections.Generic;

namespace Coaching.Core.Settings
{
    /// <summary>The Ideal Customer Profile: which accounts and deals fit, and how much each criterion weighs.</summary>
    /// <param name="Industries">Target industry names (account industry labels), matched case-insensitively.</param>
    /// <param name="EmployeeRange">Target number of employees, inclusive.</param>
    /// <param name="RevenueRange">Target annual revenue, inclusive.</param>
    /// <param name="Countries">Target countries (address1_country), matched case-insensitively.</param>
    /// <param name="MinimumDealSize">A deal fits when its estimated value is at least this.</param>
    public sealed record IcpSettings(
        IReadOnlyList<string> Industries,
        WholeRange EmployeeRange,
        AmountRange RevenueRange,
        IReadOnlyList<string> Countries,
        decimal MinimumDealSize,
        IcpWeights Weights,
        IcpBands Bands)
    {
        /// <summary>False switches the rule off without uninstalling (settings key "enabled", default true).</summary>
        public bool Enabled { get; init; } = true;
    }

    /// <summary>Inclusive range of whole numbers.</summary>
    public sealed record WholeRange(int Min, int Max)
    {
        public bool Contains(int value) => value >= Min && value <= Max;
    }

    /// <summary>Inclusive range of amounts.</summary>
    public sealed record AmountRange(decimal Min, decimal Max)
    {
        public bool Contains(decimal value) => value >= Min && value <= Max;
    }

    /// <summary>Points (0–100 each) a criterion adds when met; 0 switches the criterion off.</summary>
    public sealed record IcpWeights(int Industry, int Employees, int Revenue, int Country, int DealSize)
    {
        public int Total => Industry + Employees + Revenue + Country + DealSize;
    }

    /// <summary>Score at or above Strong → Strong; at or above Partial → Partial; below → Poor.</summary>
    public sealed record IcpBands(int Strong, int Partial);
}
