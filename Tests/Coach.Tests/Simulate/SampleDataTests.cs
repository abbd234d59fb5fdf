using System;
using System.IO;
using System.Linq;
using Coach.Commands;
using Coach.Simulation;

namespace Coach.Tests.Simulate;

/// <summary>The bundled sample is the generator's output (so anyone can remake it), and it is what the issue asks for.</summary>
public sealed class SampleDataTests
{
    private static readonly string[] Files = { "users.csv", "accounts.csv", "opportunities.csv", "events.csv" };

    [Fact]
    public void The_bundled_sample_is_exactly_what_the_generator_writes_with_its_defaults()
    {
        var folder = Path.Combine(Path.GetTempPath(), "coach-tests", Guid.NewGuid().ToString("N"));

        new SampleGenerator().WriteTo(folder);

        foreach (var file in Files)
        {
            File.ReadAllText(Path.Combine(folder, file)).Should().Be(File.ReadAllText(Path.Combine(SimulateCommand.DefaultDataFolder, file)), file + " must be regenerated with `coach simulate sample --out Tools/Coach/Sample`");
        }

        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void The_bundled_sample_has_the_shape_the_issue_asks_for()
    {
        var data = PipelineLoader.Load(SimulateCommand.DefaultDataFolder);

        data.Issues.Should().BeEmpty();
        data.Users.Count(u => u.Role == UserRole.Manager).Should().Be(2);
        data.Users.Count(u => u.Role == UserRole.Rep).Should().Be(8);
        data.Accounts.Should().HaveCount(60);
        data.Accounts.Select(a => a.Industry).Distinct().Count().Should().BeGreaterThan(8, "accounts across industries");
        data.Accounts.Where(a => a.Industry != null).Should().OnlyContain(a => a.IndustryCode != null, "industries are standard labels");
        data.Opportunities.Should().HaveCount(400);
        (data.Opportunities.Max(o => o.CreatedOn) - data.Opportunities.Min(o => o.CreatedOn)).TotalDays.Should().BeInRange(80, 92, "about a quarter");
        data.Opportunities.Select(o => o.Status).Distinct().Should().HaveCount(3, "open, won and lost");
        data.Opportunities.Select(o => o.Stage).Distinct().Should().HaveCount(4);
        data.Opportunities.Should().Contain(o => o.NextInteractionGoal == null).And.Contain(o => o.NextInteractionGoal != null);
        data.Events.Should().NotBeNull().And.HaveCountGreaterThan(1000);
    }

    [Fact]
    public void The_generator_is_deterministic_and_sizes_to_the_benchmark()
    {
        var a = Path.Combine(Path.GetTempPath(), "coach-tests", Guid.NewGuid().ToString("N"));
        var b = Path.Combine(Path.GetTempPath(), "coach-tests", Guid.NewGuid().ToString("N"));

        var first = new SampleGenerator(seed: 7, opportunities: 900, events: 6000).WriteTo(a);
        new SampleGenerator(seed: 7, opportunities: 900, events: 6000).WriteTo(b);

        first.Opportunities.Should().Be(900);
        first.Events.Should().Be(6000);
        foreach (var file in Files) File.ReadAllText(Path.Combine(a, file)).Should().Be(File.ReadAllText(Path.Combine(b, file)));
        PipelineLoader.Load(a).Issues.Should().BeEmpty();
        Directory.Delete(a, recursive: true);
        Directory.Delete(b, recursive: true);
    }
}
