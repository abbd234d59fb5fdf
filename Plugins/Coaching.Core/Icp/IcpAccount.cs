namespace Coaching.Core.Icp
{
    /// <summary>What ICP scoring needs from the account; null means not captured.</summary>
    /// <param name="Industry">The industry label (account.industrycode), e.g. "Wholesale".</param>
    /// <param name="Employees">account.numberofemployees.</param>
    /// <param name="AnnualRevenue">account.revenue.</param>
    /// <param name="Country">account.address1_country.</param>
    public sealed record IcpAccount(string? Industry, int? Employees, decimal? AnnualRevenue, string? Country);
}
