using System;
using System.Globalization;
using System.Linq;
using Coach.Simulation;

namespace Coach.Tests.Simulate;

/// <summary>
/// Dates in the CSV files: the two shapes exports write are read without the general parser (a 600,000-event file has
/// over a million date cells), and must read exactly as it reads them.
/// </summary>
public class DateCellTests
{
    [Fact]
    public void The_common_shapes_read_as_the_general_ISO_parser_reads_them()
    {
        var random = new Random(20261130);
        for (var i = 0; i < 20_000; i++)
        {
            var moment = new DateTime(1990, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(random.NextDouble() * 60 * 365.25 * 86400);
            moment = moment.AddTicks(-(moment.Ticks % TimeSpan.TicksPerSecond));
            foreach (var text in new[] { moment.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), moment.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) })
            {
                InputValues.TryDate(text, out var read).Should().BeTrue(text);
                var expected = DateTimeOffset.ParseExact(text, new[] { "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ssK" }, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcDateTime;
                read.Should().Be(expected, text);
                read.Kind.Should().Be(DateTimeKind.Utc);
            }
        }
    }

    [Theory]
    [InlineData("2026-02-29")]
    [InlineData("2026-13-01")]
    [InlineData("2026-04-31")]
    [InlineData("2026-01-15T24:00:00Z")]
    [InlineData("2026-01-15T10:60:00Z")]
    [InlineData("0000-01-01")]
    [InlineData("2026-1-15")]
    [InlineData("15/01/2026")]
    [InlineData("Book the technical deep-dive")]
    public void Impossible_or_foreign_dates_are_not_dates(string text)
    {
        InputValues.TryDate(text, out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("2024-02-29", "2024-02-29T00:00:00")]
    [InlineData(" 2026-01-15T09:30:00Z ", "2026-01-15T09:30:00")]
    [InlineData("2026-01-15T09:30:00+02:00", "2026-01-15T07:30:00")]
    [InlineData("2026-01-15 09:30", "2026-01-15T09:30:00")]
    [InlineData("2026-01-15T09:30:00.250Z", "2026-01-15T09:30:00.25")]
    public void Other_ISO_forms_still_read_in_UTC(string text, string utc)
    {
        InputValues.TryDate(text, out var read).Should().BeTrue();
        read.Should().Be(DateTime.Parse(utc, CultureInfo.InvariantCulture));
        read.Kind.Should().Be(DateTimeKind.Utc);
    }
}
