using System.IO;
using System.Linq;
using Xrm.Emulator;

namespace Coach.Tests.SolutionSource;

/// <summary>
/// `coach check` and the emulator each carry the standard tables' columns (names only in standard-columns.txt, typed in
/// the emulator's standard-tables.json). A column check accepts must exist where the plugins run, so the list stays
/// within the emulator's metadata.
/// </summary>
public class StandardColumnsAgreeWithEmulatorTests
{
    [Fact]
    public void Every_standard_column_coach_check_accepts_is_known_to_the_emulator()
    {
        var metadata = new XrmEmulator().Metadata;
        var listed = File.ReadAllLines(Path.Combine(TestRepo.Root, "Tools", "Coach", "SolutionSource", "standard-columns.txt"))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(':', 2))
            .SelectMany(parts => parts[1].Split(',').Select(column => (Table: parts[0].Trim(), Column: column.Trim())))
            .ToList();

        // "@all" columns every table has (account stands for them); "@activity" every activity table (task stands for them).
        var unknown = listed
            .Select(c => (Table: c.Table == "@all" ? "account" : c.Table == "@activity" ? "task" : c.Table, c.Column))
            .Where(c => metadata.Find(c.Table)?.HasColumn(c.Column) != true)
            .Select(c => $"{c.Table}.{c.Column}")
            .ToList();

        listed.Should().NotBeEmpty();
        unknown.Should().BeEmpty();
    }
}
