using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Coaching.Core.Icp;
using Coaching.Core.Opportunities;
using Coaching.Core.Review;
using Coaching.Core.Settings;
using Coaching.Core.StageGate;

namespace Coaching.Core.Tests.PanelTexts
{
    /// <summary>
    /// The coaching panel (CoachingPanel/, TypeScript) ports the stage gate and reads the ICP and review reasons
    /// the rules write. CoachingPanel/test/fixtures/core-texts.json holds what these rules answer; the panel's
    /// tests replay it against the port. Here the fixture is held equal to the C# rules, so a changed message
    /// fails until the fixture (and with it the panel) follows. Regenerate with COACH_WRITE_PANEL_FIXTURE=1.
    /// </summary>
    public class PanelTextsFixtureTests
    {
        private static readonly DateTime Now = new DateTime(2026, 11, 5, 10, 0, 0, DateTimeKind.Utc);

        [Fact]
        public void The_panel_fixture_holds_what_the_Core_rules_write()
        {
            var path = FixturePath();
            var expected = Generate();
            if (Environment.GetEnvironmentVariable("COACH_WRITE_PANEL_FIXTURE") == "1")
            {
                File.WriteAllText(path, expected);
            }

            File.Exists(path).Should().BeTrue("the coaching panel's tests read {0}", path);
            File.ReadAllText(path).Replace("\r\n", "\n").Should().Be(expected,
                "the panel repeats these texts; run the Core tests with COACH_WRITE_PANEL_FIXTURE=1, then the panel's tests (npm test in CoachingPanel/)");
        }

        private static string Generate()
        {
            var root = new JsonObject
            {
                ["comment"] = "Written by Tests/Coaching.Core.Tests/PanelTexts/PanelTextsFixtureTests.cs from the C# rules; do not edit by hand.",
                ["stageGate"] = StageGateCases(),
                ["icpReasons"] = IcpCases(),
                ["reviewReasons"] = ReviewCases(),
            };
            var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            return root.ToJsonString(options).Replace("\r\n", "\n") + "\n";
        }

        private static JsonArray StageGateCases()
        {
            var defaults = CoachingSettings.Default.StageGate;
            var pastDateOnly = defaults with { RequireFutureInteractionDate = false };
            var fromPropose = defaults with { RequireGoalFromStage = SalesStage.Propose, MinimumGoalLength = 5 };
            const string goal = "Agree pilot scope with the CFO";
            var cases = new List<(string Name, StageGateSettings Settings, StageMove Move)>
            {
                ("ready", defaults, StageMove.Between("Contoso renewal", SalesStage.Develop, SalesStage.Propose, goal, Now.AddDays(2))),
                ("nothing filled in", defaults, StageMove.Between("Contoso renewal", SalesStage.Develop, SalesStage.Propose, null, null)),
                ("short goal, no date", defaults, StageMove.Between("  Fabrikam  ", SalesStage.Qualify, SalesStage.Develop, " Call CFO ", null)),
                ("date passed", defaults, StageMove.Between("Contoso renewal", SalesStage.Develop, SalesStage.Propose, goal, Now.AddDays(-3))),
                ("date is now", defaults, StageMove.Between("Contoso renewal", SalesStage.Propose, SalesStage.Close, goal, Now)),
                ("short goal and date passed", defaults, StageMove.Between(null, SalesStage.Develop, SalesStage.Propose, "Demo", Now.AddDays(-1))),
                ("blank name", defaults, StageMove.Between("   ", SalesStage.Develop, SalesStage.Propose, null, Now.AddDays(1))),
                ("backward", defaults, StageMove.Between("Contoso renewal", SalesStage.Propose, SalesStage.Develop, null, null)),
                ("before the gate", fromPropose, StageMove.Between("Contoso renewal", SalesStage.Qualify, SalesStage.Develop, null, null)),
                ("no future date needed", pastDateOnly, StageMove.Between("Contoso renewal", SalesStage.Develop, SalesStage.Propose, "Pilot", Now.AddDays(-5))),
                ("process flow stage by name", defaults, new StageMove("Northwind", null, null, "3-Propose", true, null, null)),
                ("unknown process flow stage", fromPropose, new StageMove("Northwind", null, null, "Negotiate", true, "Pilot", null)),
                ("closing", defaults, new StageMove("Northwind", 2, 3, "Close", true, null, null, IsClose: true)),
            };
            var array = new JsonArray();
            foreach (var (name, settings, move) in cases)
            {
                var decision = StageGateRule.Evaluate(move, settings, Now);
                array.Add(new JsonObject
                {
                    ["name"] = name,
                    ["now"] = Iso(Now),
                    ["settings"] = new JsonObject
                    {
                        ["requireGoalFromStage"] = settings.RequireGoalFromStage.ToString(),
                        ["minimumGoalLength"] = settings.MinimumGoalLength,
                        ["requireFutureInteractionDate"] = settings.RequireFutureInteractionDate,
                    },
                    ["move"] = new JsonObject
                    {
                        ["opportunityName"] = move.OpportunityName,
                        ["fromStageIndex"] = move.FromStageIndex,
                        ["toStageIndex"] = move.ToStageIndex,
                        ["toStageName"] = move.ToStageName,
                        ["isForward"] = move.IsForward,
                        ["nextInteractionGoal"] = move.NextInteractionGoal,
                        ["nextInteractionDate"] = move.NextInteractionDate.HasValue ? Iso(move.NextInteractionDate.Value) : null,
                        ["isClose"] = move.IsClose,
                    },
                    ["allowed"] = decision.Allowed,
                    ["message"] = decision.Message,
                });
            }

            return array;
        }

        // Each account is built so the status of every criterion line is known: Industry, Employees, Revenue, Country, Deal size.
        private static JsonArray IcpCases()
        {
            var settings = CoachingSettings.Default.Icp;
            var cases = new List<(IcpAccount? Account, decimal? Deal, string[] Statuses)>
            {
                (new IcpAccount("Financial", 1200, 50_000_000m, "Germany"), 80_000m, new[] { "met", "met", "met", "met", "met" }),
                (new IcpAccount("Financial", null, 5_000_000m, "Germany"), 10_000m, new[] { "met", "unknown", "missed", "met", "missed" }),
                (new IcpAccount("Mining", 90_000, 2_000_000_000m, "Brazil"), 250_000m, new[] { "missed", "missed", "missed", "missed", "met" }),
                (null, 30_000m, new[] { "note", "unknown", "unknown", "unknown", "unknown", "met" }),
                (new IcpAccount(null, null, null, "Canada"), null, new[] { "note", "unknown", "unknown", "unknown", "met", "unknown" }),
            };
            var array = new JsonArray();
            foreach (var (account, deal, statuses) in cases)
            {
                var reasons = IcpFitRule.Evaluate(account, deal, settings).Reasons;
                reasons.Should().HaveCount(statuses.Length, "each case names the status of every line");
                foreach (var (text, status) in reasons.Zip(statuses))
                {
                    array.Add(new JsonObject { ["text"] = text, ["status"] = status });
                }
            }

            return array;
        }

        private static JsonArray ReviewCases()
        {
            var settings = CoachingSettings.Default.Review;
            var cases = new List<(ReviewInput Input, bool[] TimeBased)>
            {
                // High value, close date passed, stale, poor fit, no next interaction.
                (new ReviewInput(SalesStage.Qualify, OpportunityState.Open, 250_000m, Now.AddDays(-4), 20, null, Now.AddDays(-90)),
                    new[] { false, true, true, false, false }),
                // Closing soon, next interaction date passed.
                (new ReviewInput(SalesStage.Develop, OpportunityState.Open, 1_000m, Now.AddDays(10), 80, Now.AddDays(-2), Now.AddDays(-5)),
                    new[] { true, true }),
                // Closing today.
                (new ReviewInput(SalesStage.Develop, OpportunityState.Open, null, Now.Date, null, Now.AddDays(3), null),
                    new[] { true }),
            };
            var array = new JsonArray();
            foreach (var (input, timeBased) in cases)
            {
                var reasons = ReviewFlagRule.Evaluate(input, settings, Now).Reasons;
                reasons.Should().HaveCount(timeBased.Length, "each case names whether every reason is time-based");
                foreach (var (text, isTimeBased) in reasons.Zip(timeBased))
                {
                    array.Add(new JsonObject { ["text"] = text, ["timeBased"] = isTimeBased });
                }
            }

            return array;
        }

        private static string Iso(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

        private static string FixturePath()
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory != null && !File.Exists(Path.Combine(directory.FullName, "CoachingPlugins.sln")))
            {
                directory = directory.Parent;
            }

            if (directory == null)
            {
                throw new InvalidOperationException("CoachingPlugins.sln not found above " + AppContext.BaseDirectory);
            }

            return Path.Combine(directory.FullName, "CoachingPanel", "test", "fixtures", "core-texts.json");
        }
    }
}
