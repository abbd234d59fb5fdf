using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Coach.Simulation;
using Coaching.Core.Icp;
using Coaching.Core.Settings;

namespace Coach.Icp;

/// <summary>One account scored against the ICP.</summary>
public sealed record ScoredAccount(AccountRow Account, decimal? DealSize, IcpFitResult Fit)
{
    /// <summary>Criteria missed or unknown (the reasons that scored 0).</summary>
    public IReadOnlyList<string> Misses => Fit.Reasons.Where(r => r.EndsWith(")", StringComparison.Ordinal) && r.Contains("(0 of ", StringComparison.Ordinal)).ToList();
}

/// <summary>The result of <c>coach icp</c>: every usable account scored, what was skipped, and how.</summary>
public sealed class IcpScoringResult
{
    public required IReadOnlyList<ScoredAccount> Accounts { get; init; }

    public required IReadOnlyList<InputIssue> Issues { get; init; }

    /// <summary>About the file as a whole: encoding, delimiter, number format, columns not recognised.</summary>
    public IReadOnlyList<string> Notes { get; init; } = new List<string>();

    /// <summary>True when no deal size was given: the deal-size criterion is left out (weight 0), so the score is the account's fit.</summary>
    public bool AccountFitOnly { get; init; }

    public required IcpSettings Settings { get; init; }

    public int Count(IcpFitBand band) => Accounts.Count(a => a.Fit.Band == band);

    /// <summary>Criteria by how many accounts missed them (missed or unknown), most first.</summary>
    public IReadOnlyList<(string Criterion, int Missed, int Unknown)> MostMissed() =>
        Accounts.SelectMany(a => a.Fit.Reasons)
            .Select(r => ReadCriterion(r))
            .Where(c => c.Criterion != null && !c.Met)
            .GroupBy(c => c.Criterion!)
            .Select(g => (g.Key, g.Count(c => !c.Unknown), g.Count(c => c.Unknown)))
            .OrderByDescending(c => c.Item2 + c.Item3)
            .ThenBy(c => c.Key, StringComparer.OrdinalIgnoreCase)
            .ToList();

    private static (string? Criterion, bool Met, bool Unknown) ReadCriterion(string reason)
    {
        var colon = reason.IndexOf(':');
        if (colon <= 0 || !reason.EndsWith(")", StringComparison.Ordinal)) return (null, false, false);
        var name = reason.Substring(0, colon);
        if (reason.Contains("(+", StringComparison.Ordinal)) return (name, true, false);
        if (!reason.Contains("(0 of ", StringComparison.Ordinal)) return (null, false, false);
        return (name, false, reason.Substring(colon + 1).TrimStart().StartsWith("unknown", StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>
/// Scores the accounts of a CSV (name, industry, employees, annual_revenue, country; optional deal_size) with the
/// product's ICP rule and the given settings. With no deal size (neither the column nor --deal-size) the deal-size
/// criterion is left out, so the score says how well the account itself fits.
/// </summary>
public static class IcpScoring
{
    public const string DealSizeColumn = "deal_size";

    public static IcpScoringResult Score(string accountsPath, CoachingSettings settings, decimal? dealSize, LoadOptions? options = null)
    {
        options ??= LoadOptions.Default;
        var csv = PipelineLoader.ReadTable(accountsPath, PipelineLoader.AccountColumns, PipelineLoader.AccountOptionalColumns.Append(DealSizeColumn).ToArray(), options);
        var issues = new List<InputIssue>();
        var accounts = PipelineLoader.ReadAccounts(csv, issues, options.Categories);

        var dealSizes = new Dictionary<int, decimal?>();
        if (csv.Has(DealSizeColumn))
        {
            foreach (var row in csv.Rows)
            {
                if (InputValues.OptionalAmount(row, DealSizeColumn, out var value, out var why)) dealSizes[row.Line] = value;
                else issues.Add(row.Kept(DealSizeColumn, "deal_size unreadable: kept as unknown", why! + ": kept as unknown"));
            }
        }

        var notes = new List<string>(csv.Notes);
        if (csv.UnknownColumns.Count > 0) notes.Insert(0, $"{csv.FileName}: column(s) {string.Join(", ", csv.UnknownColumns.Select(c => "'" + c + "'"))} not recognised and ignored.");
        var badLines = new HashSet<int>(issues.Where(i => !i.Kept).Select(i => i.Line));
        var accountFitOnly = dealSize == null && !csv.Has(DealSizeColumn);
        var icp = accountFitOnly ? settings.Icp with { Weights = settings.Icp.Weights with { DealSize = 0 } } : settings.Icp;
        if (accountFitOnly && icp.Weights.Total == 0)
        {
            icp = settings.Icp; // only deal size is weighted: score it as unknown rather than fail
            accountFitOnly = false;
        }

        var scored = accounts
            .Where(a => !badLines.Contains(a.Line))
            .Select(a =>
            {
                var size = dealSizes.TryGetValue(a.Line, out var own) && own.HasValue ? own : dealSize;
                var fit = IcpFitRule.Evaluate(new IcpAccount(a.Industry, a.Employees, a.AnnualRevenue, a.Country), size, icp);
                return new ScoredAccount(a, size, fit);
            })
            .OrderByDescending(s => s.Fit.Score ?? -1)
            .ThenBy(s => s.Account.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

        return new IcpScoringResult
        {
            Accounts = scored,
            Issues = issues.OrderBy(i => i.Line).ToList(),
            Notes = notes,
            AccountFitOnly = accountFitOnly,
            Settings = icp,
        };
    }

    /// <summary>name, industry, score, band, reasons (one cell, lines separated by " | ").</summary>
    public static void WriteCsv(IcpScoringResult result, string path)
    {
        var sb = new StringBuilder("name,industry,employees,annual_revenue,country,deal_size,score,band,reasons\n");
        foreach (var s in result.Accounts)
        {
            var a = s.Account;
            sb.Append(string.Join(",", new[]
            {
                a.Name, a.Industry ?? "", a.Employees?.ToString(CultureInfo.InvariantCulture) ?? "", a.AnnualRevenue?.ToString(CultureInfo.InvariantCulture) ?? "",
                a.Country ?? "", s.DealSize?.ToString(CultureInfo.InvariantCulture) ?? "", s.Fit.Score?.ToString(CultureInfo.InvariantCulture) ?? "",
                s.Fit.Band.ToString(), string.Join(" | ", s.Fit.Reasons),
            }.Select(Quote))).Append('\n');
        }

        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
    }

    private static string Quote(string value) =>
        value.IndexOfAny(new[] { ',', '"', '\n', '\r' }) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
