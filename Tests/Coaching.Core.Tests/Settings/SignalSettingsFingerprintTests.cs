using System;
using System.Linq;
using Coaching.Core.Opportunities;
using Coaching.Core.Settings;

namespace Coaching.Core.Tests.Settings
{
    /// <summary>The fingerprint stored beside a deal's signals: the same settings always give it, any change of theirs another.</summary>
    public class SignalSettingsFingerprintTests
    {
        private static readonly CoachingSettings Default = CoachingSettings.Default;

        [Fact]
        public void The_default_settings_have_a_fingerprint_that_does_not_depend_on_the_process_or_framework()
        {
            // Fixed here on purpose: a fingerprint that changed between processes (or between net462 in the sandbox and
            // net10.0) would send every open deal through the refresh every day.
            SignalSettingsFingerprint.Of(Default).Should().Be("1848b4ae9412b6e2");
            SignalSettingsFingerprint.Of(Default).Should().HaveLength(SignalSettingsFingerprint.Length).And.MatchRegex("^[0-9a-f]{16}$");
        }

        [Fact]
        public void Settings_read_twice_from_the_same_value_have_the_same_fingerprint()
        {
            var once = CoachingSettingsParser.Parse("{ \"review\": { \"staleDays\": 45 }, \"icp\": { \"minimumDealSize\": 30000.00 } }");
            var again = CoachingSettingsParser.Parse("{ \"icp\": { \"minimumDealSize\": 30000 }, \"review\": { \"staleDays\": 45 } }");

            SignalSettingsFingerprint.Of(again).Should().Be(SignalSettingsFingerprint.Of(once));
        }

        [Fact]
        public void Any_change_to_a_review_or_ICP_setting_changes_the_fingerprint()
        {
            var review = Default.Review;
            var icp = Default.Icp;
            var changed = new[]
            {
                Default with { Review = review with { Enabled = false } },
                Default with { Review = review with { EarlyStages = new[] { SalesStage.Qualify } } },
                Default with { Review = review with { MinimumValue = 100001m } },
                Default with { Review = review with { StaleDays = 61 } },
                Default with { Review = review with { ClosingSoonDays = 29 } },
                Default with { Review = review with { PoorFitThreshold = 41 } },
                Default with { Review = review with { RequireNextInteraction = false } },
                Default with { Icp = icp with { Enabled = false } },
                Default with { Icp = icp with { Industries = icp.Industries.Take(4).ToArray() } },
                Default with { Icp = icp with { Industries = new[] { "Business ServicesConsulting", "Durable Manufacturing", "Financial", "Wholesale" } } },
                Default with { Icp = icp with { EmployeeRange = new WholeRange(200, 5001) } },
                Default with { Icp = icp with { RevenueRange = new AmountRange(10000001m, 1000000000m) } },
                Default with { Icp = icp with { Countries = icp.Countries.Reverse().ToArray() } },
                Default with { Icp = icp with { MinimumDealSize = 25001m } },
                Default with { Icp = icp with { Weights = icp.Weights with { Country = 16 } } },
                Default with { Icp = icp with { Bands = new IcpBands(71, 40) } },
            };

            var fingerprints = changed.Select(SignalSettingsFingerprint.Of).Append(SignalSettingsFingerprint.Of(Default)).ToList();

            fingerprints.Should().OnlyHaveUniqueItems();
        }

        [Fact]
        public void Settings_the_signals_do_not_read_leave_the_fingerprint_alone()
        {
            var other = Default with
            {
                StageGate = Default.StageGate with { MinimumGoalLength = 40 },
                Cadence = Default.Cadence with { SessionsPerRepPerWeek = 5 },
            };

            SignalSettingsFingerprint.Of(other).Should().Be(SignalSettingsFingerprint.Of(Default), "a stage gate or cadence change gives the refresh nothing to recompute");
        }
    }
}
