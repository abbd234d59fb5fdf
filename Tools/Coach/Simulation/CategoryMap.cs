using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Coaching.Core.Opportunities;
using Coaching.Plugins.Schema;

namespace Coach.Simulation;

/// <summary>
/// Reads free-text categories (industry, stage, status, buyer_stage, role) the way other CRMs export them:
/// case-insensitively, punctuation and "&amp;"/"and" ignored, through common synonyms to the Dynamics 365 labels,
/// and through the user's own mappings (<c>--map industry:medical="Doctor's Offices and Clinics"</c>), which win.
/// What still does not map stays unknown.
/// </summary>
public sealed class CategoryMap
{
    public const string Industry = "industry";
    public const string Stage = "stage";
    public const string Status = "status";
    public const string BuyerStage = "buyer_stage";
    public const string Role = "role";

    public static readonly string[] Fields = { Industry, Stage, Status, BuyerStage, Role };

    private static readonly Dictionary<string, Dictionary<string, string>> Synonyms = new()
    {
        [Industry] = Table(
            ("finance", "Financial"), ("financial services", "Financial"), ("banking", "Financial"), ("bank", "Financial"), ("fintech", "Financial"),
            ("investment", "Financial"), ("insurance", "Insurance"), ("legal", "Legal Services"), ("law", "Legal Services"), ("law firm", "Legal Services"),
            ("consultancy", "Consulting"), ("management consulting", "Consulting"), ("accountancy", "Accounting"),
            ("professional services", "Business Services"), ("business services", "Business Services"),
            ("transport", "Transportation"), ("logistics", "Transportation"), ("shipping", "Transportation"),
            ("utilities", "Utility Creation and Distribution"), ("utility", "Utility Creation and Distribution"), ("energy", "Utility Creation and Distribution"),
            ("oil and gas", "Petrochemical Extraction and Distribution"), ("petrochemicals", "Petrochemical Extraction and Distribution"),
            ("healthcare", "Doctor's Offices and Clinics"), ("health care", "Doctor's Offices and Clinics"), ("clinics", "Doctor's Offices and Clinics"),
            ("manufacturing", "Durable Manufacturing"), ("agriculture", "Agriculture and Non-petrol Natural Resource Extraction"),
            ("media", "Broadcasting Printing and Publishing"), ("publishing", "Broadcasting Printing and Publishing"), ("broadcasting", "Broadcasting Printing and Publishing"),
            ("restaurants", "Eating and Drinking Places"), ("hospitality", "Eating and Drinking Places"), ("food and beverage", "Food and Tobacco Processing"),
            ("entertainment", "Entertainment Retail"), ("automotive", "Vehicle Retail"), ("real estate", "Specialty Realty"), ("nonprofit", "Social Services"),
            ("non profit", "Social Services"), ("distribution", "Distributors, Dispatchers and Processors"), ("wholesale trade", "Wholesale")),
        [Stage] = Table(
            ("qualification", "Qualify"), ("qualified", "Qualify"), ("lead", "Qualify"), ("prospecting", "Qualify"), ("prospect", "Qualify"),
            ("development", "Develop"), ("discovery", "Develop"), ("needs analysis", "Develop"), ("engaging", "Develop"),
            ("proposal", "Propose"), ("quote", "Propose"), ("proposal price quote", "Propose"), ("value proposition", "Propose"),
            ("closing", "Close"), ("negotiation", "Close"), ("negotiate", "Close"), ("negotiating", "Close"), ("negotiation review", "Close"), ("won", "Close"), ("lost", "Close"),
            ("closed won", "Close"), ("closed lost", "Close")),
        [Status] = Table(
            ("active", "Open"), ("in progress", "Open"), ("open", "Open"), ("win", "Won"), ("closed won", "Won"), ("won", "Won"),
            ("closed lost", "Lost"), ("lost", "Lost"), ("canceled", "Lost"), ("cancelled", "Lost"), ("loss", "Lost")),
        [BuyerStage] = Table(
            ("awareness", "Early"), ("early", "Early"), ("consideration", "Middle"), ("evaluation", "Middle"), ("mid", "Middle"), ("middle", "Middle"),
            ("decision", "Late"), ("purchase", "Late"), ("late", "Late")),
        [Role] = Table(
            ("sales rep", "rep"), ("salesperson", "rep"), ("sales representative", "rep"), ("account executive", "rep"), ("ae", "rep"), ("sdr", "rep"),
            ("bdr", "rep"), ("seller", "rep"), ("sales manager", "manager"), ("team lead", "manager"), ("team leader", "manager"), ("head of sales", "manager")),
    };

    // The standard industrycode labels (values 1..33).
    private static readonly IReadOnlyList<string> IndustryLabels =
        Enumerable.Range(1, 100).Select(i => AccountIndustries.LabelOf(i)).Where(l => l != null).Select(l => l!).ToList();

    // Each field's labels by their key, made once: Map runs for several cells of every row of large files.
    private static readonly Dictionary<string, Dictionary<string, string>> LabelsByKey = Fields.ToDictionary(
        field => field,
        field =>
        {
            var byKey = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var label in LabelsOf(field)) byKey.TryAdd(Key(label), label); // the first label of a key wins
            return byKey;
        });

    private readonly Dictionary<string, Dictionary<string, string>> _user = new();

    /// <summary>How many user mappings were given.</summary>
    public int UserMappings => _user.Values.Sum(m => m.Count);

    /// <summary>The labels a field maps to (to check a user mapping's target).</summary>
    public static IReadOnlyList<string> LabelsOf(string field) => field switch
    {
        Industry => IndustryLabels,
        Stage => SalesStages.All.Select(s => s.ToString()).ToList(),
        Status => new[] { "Open", "Won", "Lost" },
        BuyerStage => new[] { "Early", "Middle", "Late" },
        Role => new[] { "rep", "manager" },
        _ => Array.Empty<string>(),
    };

    /// <summary>
    /// Adds mappings from one --map value: <c>field:text=Label</c>, or the path of a file with one such line per
    /// line (blank lines and lines starting with # ignored). Returns false with the reason when it cannot be used.
    /// </summary>
    public bool TryAdd(string value, out string? problem)
    {
        problem = null;
        if (File.Exists(value))
        {
            var number = 0;
            foreach (var raw in File.ReadAllLines(value))
            {
                number++;
                var line = raw.Trim();
                if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal)) continue;
                if (!TryAddOne(line, out problem))
                {
                    problem = $"{value}:{number}: {problem}";
                    return false;
                }
            }

            return true;
        }

        return TryAddOne(value, out problem);
    }

    private bool TryAddOne(string text, out string? problem)
    {
        problem = null;
        var colon = text.IndexOf(':');
        var equals = text.IndexOf('=', colon + 1);
        if (colon <= 0 || equals <= colon + 1)
        {
            problem = $"'{text}' is not a mapping: write field:text=Label, e.g. industry:medical=\"Doctor's Offices and Clinics\" (fields: {string.Join(", ", Fields)}).";
            return false;
        }

        var field = text.Substring(0, colon).Trim().ToLowerInvariant().Replace(' ', '_');
        var from = Unquote(text.Substring(colon + 1, equals - colon - 1));
        var to = Unquote(text.Substring(equals + 1));
        if (!Fields.Contains(field))
        {
            problem = $"'{field}' cannot be mapped (fields: {string.Join(", ", Fields)}).";
            return false;
        }

        var label = LabelsOf(field).FirstOrDefault(l => string.Equals(l, to, StringComparison.OrdinalIgnoreCase));
        if (label == null)
        {
            problem = $"'{to}' is not a {field} label (expected one of: {string.Join(", ", LabelsOf(field))}).";
            return false;
        }

        if (!_user.TryGetValue(field, out var map)) _user[field] = map = new Dictionary<string, string>(StringComparer.Ordinal);
        map[Key(from)] = label;
        return true;
    }

    /// <summary>
    /// The label <paramref name="text"/> stands for: a user mapping, the label itself, or a synonym; null when none.
    /// </summary>
    public string? Map(string field, string? text)
    {
        if (text == null) return null;
        var key = Key(text);
        if (_user.TryGetValue(field, out var user) && user.TryGetValue(key, out var mapped)) return mapped;
        if (LabelsByKey.TryGetValue(field, out var labels) && labels.TryGetValue(key, out var label)) return label;
        return Synonyms.TryGetValue(field, out var synonyms) && synonyms.TryGetValue(key, out var synonym) ? synonym : null;
    }

    /// <summary>Lower case, "&amp;" as "and", punctuation and repeated spaces dropped: "Financial Services" = "financial-services".</summary>
    private static string Key(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Trim().Replace("&", " and "))
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && sb.Length > 0) sb.Append(' ');
                sb.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return sb.ToString();
    }

    private static string Unquote(string text)
    {
        var t = text.Trim();
        return t.Length >= 2 && (t[0] == '"' || t[0] == '\'') && t[t.Length - 1] == t[0] ? t.Substring(1, t.Length - 2).Trim() : t;
    }

    private static Dictionary<string, string> Table(params (string From, string To)[] pairs)
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (from, to) in pairs) table[Key(from)] = to;
        return table;
    }
}
