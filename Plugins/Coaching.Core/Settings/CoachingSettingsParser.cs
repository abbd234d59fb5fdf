using System;
using System.Globalization;
using Coaching.Core.Json;
using Coaching.Core.Opportunities;
using Coaching.Core.Sessions;

namespace Coaching.Core.Settings
{
    public static class CoachingSettingsParser
    {
        private static readonly string TriggerNames = string.Join(", ", Enum.GetNames(typeof(SessionTrigger)));

        /// <summary>
        /// Reads the value of coach_CoachingSettings.
        /// A missing key keeps its value from <see cref="CoachingSettings.Default"/>, so a partial JSON
        /// such as <c>{"cadence":{"sessionsPerRepPerWeek":2}}</c> overrides only what it names
        /// (a list given replaces the whole default list). Nothing else is forgiven: unknown keys,
        /// wrong types, null, out-of-range or inconsistent values all throw.
        /// </summary>
        /// <exception cref="CoachingSettingsException">
        /// The value is empty, not valid JSON (the message gives line and column), or not valid settings
        /// (the message gives the JSON path, what was expected and what was found).
        /// </exception>
        public static CoachingSettings Parse(string? json)
        {
            if (json == null || json.Trim().Length == 0)
            {
                throw new CoachingSettingsException(string.Empty, "expected a JSON object with the settings, found an empty value");
            }

            JsonValue root;
            try
            {
                root = JsonReader.Parse(json);
            }
            catch (JsonSyntaxException e)
            {
                throw new CoachingSettingsException(string.Empty, "invalid JSON at line " + e.Line + ", column " + e.Column + ": " + e.Problem, e);
            }

            var d = CoachingSettings.Default;
            var o = SettingsObject.Read(root, string.Empty, "icp", "review", "stageGate", "cadence", "sessions");
            return new CoachingSettings(
                ReadIcp(o.Object("icp", "industries", "employeeRange", "revenueRange", "countries", "minimumDealSize", "weights", "bands", "enabled"), d.Icp),
                ReadReview(o.Object("review", "earlyStages", "minimumValue", "staleDays", "closingSoonDays", "poorFitThreshold", "requireNextInteraction", "enabled"), d.Review),
                ReadStageGate(o.Object("stageGate", "requireGoalFromStage", "minimumGoalLength", "requireFutureInteractionDate", "enabled"), d.StageGate),
                ReadCadence(o.Object("cadence", "sessionsPerRepPerWeek", "maxSessionMinutes"), d.Cadence),
                ReadSessions(o.Object("sessions", "triggers", "dedupeWindowDays", "prepLeadHours", "maxActionItems", "enabled"), d.Sessions));
        }

        private static IcpSettings ReadIcp(SettingsObject? o, IcpSettings d)
        {
            if (o == null)
            {
                return d;
            }

            var weights = ReadWeights(o.Object("weights", "industry", "employees", "revenue", "country", "dealSize"), d.Weights);
            var icp = new IcpSettings(
                o.Texts("industries", d.Industries, "an industry name"),
                ReadEmployeeRange(o.Object("employeeRange", "min", "max"), d.EmployeeRange),
                ReadRevenueRange(o.Object("revenueRange", "min", "max"), d.RevenueRange),
                o.Texts("countries", d.Countries, "a country name"),
                o.Amount("minimumDealSize", d.MinimumDealSize, 0m),
                weights,
                ReadBands(o.Object("bands", "strong", "partial"), d.Bands))
            {
                Enabled = o.Bool("enabled", d.Enabled),
            };

            RequireListWhileWeighted(o, "industries", icp.Industries.Count, "industry", weights.Industry, "an industry");
            RequireListWhileWeighted(o, "countries", icp.Countries.Count, "country", weights.Country, "a country");
            return icp;
        }

        private static WholeRange ReadEmployeeRange(SettingsObject? o, WholeRange d)
        {
            if (o == null)
            {
                return d;
            }

            var range = new WholeRange(o.Whole("min", d.Min, 0, 10000000), o.Whole("max", d.Max, 0, 10000000));
            RequireOrdered(o.Path, range.Min, range.Max);
            return range;
        }

        private static AmountRange ReadRevenueRange(SettingsObject? o, AmountRange d)
        {
            if (o == null)
            {
                return d;
            }

            var range = new AmountRange(o.Amount("min", d.Min, 0m), o.Amount("max", d.Max, 0m));
            RequireOrdered(o.Path, range.Min, range.Max);
            return range;
        }

        private static IcpWeights ReadWeights(SettingsObject? o, IcpWeights d)
        {
            if (o == null)
            {
                return d;
            }

            var weights = new IcpWeights(
                o.Whole("industry", d.Industry, 0, 100),
                o.Whole("employees", d.Employees, 0, 100),
                o.Whole("revenue", d.Revenue, 0, 100),
                o.Whole("country", d.Country, 0, 100),
                o.Whole("dealSize", d.DealSize, 0, 100));
            if (weights.Total == 0)
            {
                throw new CoachingSettingsException(o.Path, "expected at least one weight above 0, found all 0");
            }

            return weights;
        }

        private static IcpBands ReadBands(SettingsObject? o, IcpBands d)
        {
            if (o == null)
            {
                return d;
            }

            var bands = new IcpBands(o.Whole("strong", d.Strong, 1, 100), o.Whole("partial", d.Partial, 0, 100));
            if (bands.Partial >= bands.Strong)
            {
                throw new CoachingSettingsException(o.Path, "expected partial to be below strong, found partial " + bands.Partial + " and strong " + bands.Strong);
            }

            return bands;
        }

        private static ReviewSettings ReadReview(SettingsObject? o, ReviewSettings d)
        {
            if (o == null)
            {
                return d;
            }

            return new ReviewSettings(
                o.Names("earlyStages", d.EarlyStages, ParseStage, SalesStages.NameList),
                o.Amount("minimumValue", d.MinimumValue, 0m),
                o.Whole("staleDays", d.StaleDays, 1, 3650),
                o.Whole("closingSoonDays", d.ClosingSoonDays, 0, 365),
                o.Whole("poorFitThreshold", d.PoorFitThreshold, 0, 100),
                o.Bool("requireNextInteraction", d.RequireNextInteraction))
            {
                Enabled = o.Bool("enabled", d.Enabled),
            };
        }

        private static StageGateSettings ReadStageGate(SettingsObject? o, StageGateSettings d)
        {
            if (o == null)
            {
                return d;
            }

            return new StageGateSettings(
                o.Name("requireGoalFromStage", d.RequireGoalFromStage, ParseStage, SalesStages.NameList),
                o.Whole("minimumGoalLength", d.MinimumGoalLength, 1, 1000),
                o.Bool("requireFutureInteractionDate", d.RequireFutureInteractionDate))
            {
                Enabled = o.Bool("enabled", d.Enabled),
            };
        }

        private static CadenceSettings ReadCadence(SettingsObject? o, CadenceSettings d)
        {
            if (o == null)
            {
                return d;
            }

            return new CadenceSettings(
                o.Whole("sessionsPerRepPerWeek", d.SessionsPerRepPerWeek, 1, 50),
                o.Whole("maxSessionMinutes", d.MaxSessionMinutes, 1, 480));
        }

        private static SessionSettings ReadSessions(SettingsObject? o, SessionSettings d)
        {
            if (o == null)
            {
                return d;
            }

            return new SessionSettings(
                o.Names("triggers", d.Triggers, ParseTrigger, TriggerNames),
                o.Whole("dedupeWindowDays", d.DedupeWindowDays, 0, 365),
                o.Whole("prepLeadHours", d.PrepLeadHours, 0, 720),
                o.Whole("maxActionItems", d.MaxActionItems, 1, 3))
            {
                Enabled = o.Bool("enabled", d.Enabled),
            };
        }

        private static void RequireOrdered(string path, decimal min, decimal max)
        {
            if (min > max)
            {
                throw new CoachingSettingsException(path, "expected min to be at most max, found min " + min.ToString(CultureInfo.InvariantCulture) + " and max " + max.ToString(CultureInfo.InvariantCulture));
            }
        }

        // An empty target list with a weight above 0 would make the criterion impossible to meet.
        private static void RequireListWhileWeighted(SettingsObject icp, string key, int count, string weightKey, int weight, string itemName)
        {
            if (count == 0 && weight > 0)
            {
                throw new CoachingSettingsException(
                    icp.PathOf(key),
                    "expected at least " + itemName + " while icp.weights." + weightKey + " is above 0 (set it to 0 to stop scoring it), found an empty list");
            }
        }

        private static SalesStage? ParseStage(string text) => SalesStages.TryParse(text, out var stage) ? stage : (SalesStage?)null;

        private static SessionTrigger? ParseTrigger(string text)
        {
            foreach (SessionTrigger trigger in Enum.GetValues(typeof(SessionTrigger)))
            {
                if (string.Equals(trigger.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    return trigger;
                }
            }

            return null;
        }
    }
}
