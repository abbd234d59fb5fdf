using System;
using Coaching.Core.Opportunities;
using Coaching.Core.Sessions;
using Coaching.Core.Settings;

namespace Coaching.Core.Tests.Settings
{
    public class CoachingSettingsParserTests
    {
        private static readonly CoachingSettings Default = CoachingSettings.Default;

        [Fact]
        public void A_partial_value_overrides_only_what_it_names()
        {
            var parsed = CoachingSettingsParser.Parse("{\"cadence\": {\"sessionsPerRepPerWeek\": 2}}");

            parsed.Cadence.Should().Be(new CadenceSettings(2, 30));
            parsed.Icp.Should().BeSameAs(Default.Icp);
            parsed.Review.Should().BeSameAs(Default.Review);
            parsed.StageGate.Should().BeSameAs(Default.StageGate);
            parsed.Sessions.Should().BeSameAs(Default.Sessions);
        }

        [Fact]
        public void One_end_of_a_range_can_be_overridden_alone()
        {
            var parsed = CoachingSettingsParser.Parse("{\"icp\": {\"employeeRange\": {\"min\": 50}}}");

            parsed.Icp.EmployeeRange.Should().Be(new WholeRange(50, 5000));
            parsed.Icp.RevenueRange.Should().Be(Default.Icp.RevenueRange);
            parsed.Icp.Weights.Should().Be(Default.Icp.Weights);
        }

        [Fact]
        public void A_list_given_replaces_the_default_list()
        {
            var parsed = CoachingSettingsParser.Parse("{\"icp\": {\"industries\": [\" Insurance \"], \"countries\": [\"Spain\"]}, \"review\": {\"earlyStages\": [\"qualify\"]}}");

            parsed.Icp.Industries.Should().Equal("Insurance");
            parsed.Icp.Countries.Should().Equal("Spain");
            parsed.Review.EarlyStages.Should().Equal(SalesStage.Qualify);
        }

        [Fact]
        public void Every_setting_can_be_set()
        {
            const string json = @"{
  ""icp"": {
    ""industries"": [""Insurance""],
    ""employeeRange"": { ""min"": 10, ""max"": 20 },
    ""revenueRange"": { ""min"": 1.5, ""max"": 2e6 },
    ""countries"": [""Spain""],
    ""minimumDealSize"": 0,
    ""weights"": { ""industry"": 1, ""employees"": 2, ""revenue"": 3, ""country"": 4, ""dealSize"": 0 },
    ""bands"": { ""strong"": 90, ""partial"": 0 }
  },
  ""review"": { ""earlyStages"": [""2-Develop"", ""Propose""], ""minimumValue"": 5, ""staleDays"": 1, ""closingSoonDays"": 0, ""poorFitThreshold"": 100, ""requireNextInteraction"": false },
  ""stageGate"": { ""requireGoalFromStage"": ""Close"", ""minimumGoalLength"": 1, ""requireFutureInteractionDate"": false },
  ""cadence"": { ""sessionsPerRepPerWeek"": 1, ""maxSessionMinutes"": 45 },
  ""sessions"": { ""triggers"": [""manual""], ""dedupeWindowDays"": 0, ""prepLeadHours"": 0, ""maxActionItems"": 1 }
}";

            var parsed = CoachingSettingsParser.Parse(json);

            parsed.Icp.Industries.Should().Equal("Insurance");
            parsed.Icp.EmployeeRange.Should().Be(new WholeRange(10, 20));
            parsed.Icp.RevenueRange.Should().Be(new AmountRange(1.5m, 2000000m));
            parsed.Icp.Countries.Should().Equal("Spain");
            parsed.Icp.MinimumDealSize.Should().Be(0m);
            parsed.Icp.Weights.Should().Be(new IcpWeights(1, 2, 3, 4, 0));
            parsed.Icp.Bands.Should().Be(new IcpBands(90, 0));
            parsed.Review.EarlyStages.Should().Equal(SalesStage.Develop, SalesStage.Propose);
            parsed.Review.MinimumValue.Should().Be(5m);
            parsed.Review.StaleDays.Should().Be(1);
            parsed.Review.ClosingSoonDays.Should().Be(0);
            parsed.Review.PoorFitThreshold.Should().Be(100);
            parsed.Review.RequireNextInteraction.Should().BeFalse();
            parsed.StageGate.Should().Be(new StageGateSettings(SalesStage.Close, 1, false));
            parsed.Cadence.Should().Be(new CadenceSettings(1, 45));
            parsed.Sessions.Triggers.Should().Equal(SessionTrigger.Manual);
            parsed.Sessions.IsEnabled(SessionTrigger.Manual).Should().BeTrue();
            parsed.Sessions.IsEnabled(SessionTrigger.StageChange).Should().BeFalse();
            parsed.Sessions.DedupeWindowDays.Should().Be(0);
            parsed.Sessions.PrepLeadHours.Should().Be(0);
            parsed.Sessions.MaxActionItems.Should().Be(1);
        }

        [Fact]
        public void An_empty_target_list_is_allowed_when_its_criterion_is_switched_off()
        {
            var parsed = CoachingSettingsParser.Parse("{\"icp\": {\"countries\": [], \"weights\": {\"country\": 0}}}");

            parsed.Icp.Countries.Should().BeEmpty();
            parsed.Icp.Weights.Country.Should().Be(0);
        }

        [Fact]
        public void A_whole_number_may_be_written_with_a_decimal_point_or_exponent()
        {
            CoachingSettingsParser.Parse("{\"cadence\": {\"sessionsPerRepPerWeek\": 2.0, \"maxSessionMinutes\": 4.5e1}}")
                .Cadence.Should().Be(new CadenceSettings(2, 45));
        }

        [Theory]
        // type mismatches
        [InlineData("{\"icp\": {\"weights\": {\"industry\": \"high\"}}}", "icp.weights.industry: expected a whole number from 0 to 100, found \"high\"")]
        [InlineData("{\"review\": {\"requireNextInteraction\": \"yes\"}}", "review.requireNextInteraction: expected true or false, found \"yes\"")]
        [InlineData("{\"review\": {\"minimumValue\": \"100000\"}}", "review.minimumValue: expected a number of 0 or more, found \"100000\"")]
        [InlineData("{\"icp\": {\"industries\": \"Wholesale\"}}", "icp.industries: expected a list, found \"Wholesale\"")]
        [InlineData("{\"icp\": {\"industries\": [\"Wholesale\", 5]}}", "icp.industries[1]: expected an industry name as non-empty text, found 5")]
        [InlineData("{\"icp\": {\"countries\": [\"  \"]}}", "icp.countries[0]: expected a country name as non-empty text, found \"  \"")]
        [InlineData("{\"icp\": []}", "icp: expected an object with settings, found a list")]
        [InlineData("{\"icp\": {\"employeeRange\": 200}}", "icp.employeeRange: expected an object with settings, found 200")]
        [InlineData("{\"cadence\": {\"maxSessionMinutes\": null}}", "cadence.maxSessionMinutes: expected a whole number from 1 to 480, found null")]
        [InlineData("{\"stageGate\": {\"requireGoalFromStage\": 2}}", "stageGate.requireGoalFromStage: expected one of Qualify, Develop, Propose, Close, found 2")]
        // out of range
        [InlineData("{\"icp\": {\"weights\": {\"dealSize\": 101}}}", "icp.weights.dealSize: expected a whole number from 0 to 100, found 101")]
        [InlineData("{\"icp\": {\"minimumDealSize\": -1}}", "icp.minimumDealSize: expected a number of 0 or more, found -1")]
        [InlineData("{\"icp\": {\"bands\": {\"strong\": 0}}}", "icp.bands.strong: expected a whole number from 1 to 100, found 0")]
        [InlineData("{\"review\": {\"staleDays\": 0}}", "review.staleDays: expected a whole number from 1 to 3650, found 0")]
        [InlineData("{\"review\": {\"staleDays\": 2.5}}", "review.staleDays: expected a whole number from 1 to 3650, found 2.5")]
        [InlineData("{\"review\": {\"staleDays\": 1e400}}", "review.staleDays: expected a whole number from 1 to 3650, found 1e400")]
        [InlineData("{\"review\": {\"poorFitThreshold\": 101}}", "review.poorFitThreshold: expected a whole number from 0 to 100, found 101")]
        [InlineData("{\"review\": {\"closingSoonDays\": -1}}", "review.closingSoonDays: expected a whole number from 0 to 365, found -1")]
        [InlineData("{\"stageGate\": {\"minimumGoalLength\": 0}}", "stageGate.minimumGoalLength: expected a whole number from 1 to 1000, found 0")]
        [InlineData("{\"cadence\": {\"sessionsPerRepPerWeek\": 0}}", "cadence.sessionsPerRepPerWeek: expected a whole number from 1 to 50, found 0")]
        [InlineData("{\"sessions\": {\"maxActionItems\": 5}}", "sessions.maxActionItems: expected a whole number from 1 to 3, found 5")]
        [InlineData("{\"sessions\": {\"prepLeadHours\": 721}}", "sessions.prepLeadHours: expected a whole number from 0 to 720, found 721")]
        [InlineData("{\"sessions\": {\"dedupeWindowDays\": 366}}", "sessions.dedupeWindowDays: expected a whole number from 0 to 365, found 366")]
        [InlineData("{\"icp\": {\"employeeRange\": {\"max\": 10000001}}}", "icp.employeeRange.max: expected a whole number from 0 to 10000000, found 10000001")]
        // names from a fixed set
        [InlineData("{\"review\": {\"earlyStages\": [\"Qualify\", \"Negotiate\"]}}", "review.earlyStages[1]: expected one of Qualify, Develop, Propose, Close, found \"Negotiate\"")]
        [InlineData("{\"sessions\": {\"triggers\": [\"Daily\"]}}", "sessions.triggers[0]: expected one of StageChange, ReviewFlag, Manual, Cadence, found \"Daily\"")]
        [InlineData("{\"sessions\": {\"triggers\": [\"731050000\"]}}", "sessions.triggers[0]: expected one of StageChange, ReviewFlag, Manual, Cadence, found \"731050000\"")]
        // unknown and duplicate keys, at every level
        [InlineData("{\"icps\": {}}", "icps: unknown setting; expected one of icp, review, stageGate, cadence, sessions")]
        [InlineData("{\"icp\": {\"industrys\": []}}", "icp.industrys: unknown setting; expected one of industries, employeeRange, revenueRange, countries, minimumDealSize, weights, bands, enabled")]
        [InlineData("{\"icp\": {\"weights\": {\"size\": 5}}}", "icp.weights.size: unknown setting; expected one of industry, employees, revenue, country, dealSize")]
        [InlineData("{\"icp\": {\"revenueRange\": {\"minimum\": 5}}}", "icp.revenueRange.minimum: unknown setting; expected one of min, max")]
        [InlineData("{\"Cadence\": {}}", "Cadence: unknown setting; expected one of icp, review, stageGate, cadence, sessions")]
        [InlineData("{\"cadence\": {\"maxSessionMinutes\": 30, \"maxSessionMinutes\": 45}}", "cadence.maxSessionMinutes: expected each setting once, found it more than once")]
        // values that contradict each other
        [InlineData("{\"icp\": {\"employeeRange\": {\"min\": 5000, \"max\": 200}}}", "icp.employeeRange: expected min to be at most max, found min 5000 and max 200")]
        [InlineData("{\"icp\": {\"revenueRange\": {\"max\": 5}}}", "icp.revenueRange: expected min to be at most max, found min 10000000 and max 5")]
        [InlineData("{\"icp\": {\"weights\": {\"industry\": 0, \"employees\": 0, \"revenue\": 0, \"country\": 0, \"dealSize\": 0}}}", "icp.weights: expected at least one weight above 0, found all 0")]
        [InlineData("{\"icp\": {\"bands\": {\"strong\": 40, \"partial\": 40}}}", "icp.bands: expected partial to be below strong, found partial 40 and strong 40")]
        [InlineData("{\"icp\": {\"bands\": {\"strong\": 30}}}", "icp.bands: expected partial to be below strong, found partial 40 and strong 30")]
        [InlineData("{\"icp\": {\"industries\": []}}", "icp.industries: expected at least an industry while icp.weights.industry is above 0 (set it to 0 to stop scoring it), found an empty list")]
        [InlineData("{\"icp\": {\"countries\": []}}", "icp.countries: expected at least a country while icp.weights.country is above 0 (set it to 0 to stop scoring it), found an empty list")]
        // not settings at all
        [InlineData("[]", "expected an object with settings, found a list")]
        [InlineData("\"{}\"", "expected an object with settings, found \"{}\"")]
        [InlineData("", "expected a JSON object with the settings, found an empty value")]
        [InlineData("  \n ", "expected a JSON object with the settings, found an empty value")]
        [InlineData("{\n  \"cadence\": {\n    \"sessionsPerRepPerWeek\": 3\n    \"maxSessionMinutes\": 30\n  }\n}", "invalid JSON at line 4, column 5: expected ',' or '}' after a property value, found '\"'")]
        [InlineData("{\"icp\": {\"minimumDealSize\": 5000,}}", "invalid JSON at line 1, column 34: expected a property name in double quotes, found '}'")]
        [InlineData("{\"icp\": {", "invalid JSON at line 1, column 10: expected a property name in double quotes, found the end of the text")]
        public void Invalid_settings_name_the_variable_the_path_what_was_expected_and_what_was_found(string json, string expected)
        {
            var act = () => CoachingSettingsParser.Parse(json);

            act.Should().Throw<CoachingSettingsException>().Which.Message.Should().Be("coach_CoachingSettings: " + expected);
        }

        [Fact]
        public void A_missing_value_is_refused_rather_than_replaced_by_defaults()
        {
            var act = () => CoachingSettingsParser.Parse(null);

            act.Should().Throw<CoachingSettingsException>()
                .WithMessage("coach_CoachingSettings: expected a JSON object with the settings, found an empty value");
        }

        [Fact]
        public void The_error_carries_the_json_path_separately_for_tracing()
        {
            var act = () => CoachingSettingsParser.Parse("{\"icp\": {\"weights\": {\"industry\": -5}}}");

            var error = act.Should().Throw<CoachingSettingsException>().Which;
            error.Path.Should().Be("icp.weights.industry");
            error.Problem.Should().Be("expected a whole number from 0 to 100, found -5");
        }

        [Fact]
        public void A_syntax_error_keeps_its_position_in_the_inner_exception()
        {
            var act = () => CoachingSettingsParser.Parse("{\n\n   x}");

            var error = act.Should().Throw<CoachingSettingsException>().Which;
            error.Path.Should().BeEmpty();
            error.InnerException.Should().BeOfType<Coaching.Core.Json.JsonSyntaxException>()
                .Which.Line.Should().Be(3);
        }
    }
}
