using System;
using Coaching.Core.Opportunities;
using Coaching.Core.Sessions;

namespace Coaching.Core.Settings
{
    /// <summary>
    /// Everything the coaching rules can be tuned by: the value of the environment variable
    /// coach_CoachingSettings, read with <see cref="CoachingSettingsParser.Parse"/>.
    /// </summary>
    public sealed partial record CoachingSettings(
        IcpSettings Icp,
        ReviewSettings Review,
        StageGateSettings StageGate,
        CadenceSettings Cadence,
        SessionSettings Sessions)
    {
        /// <summary>The shipped defaults; <see cref="DefaultJson"/> is the same settings as JSON.</summary>
        public static CoachingSettings Default { get; } = new CoachingSettings(
            new IcpSettings(
                Industries: Array.AsReadOnly(new[] { "Business Services", "Consulting", "Durable Manufacturing", "Financial", "Wholesale" }),
                EmployeeRange: new WholeRange(200, 5000),
                RevenueRange: new AmountRange(10000000m, 1000000000m),
                Countries: Array.AsReadOnly(new[] { "United States", "Canada", "United Kingdom", "Germany", "France", "Netherlands" }),
                MinimumDealSize: 25000m,
                Weights: new IcpWeights(Industry: 25, Employees: 20, Revenue: 20, Country: 15, DealSize: 20),
                Bands: new IcpBands(Strong: 70, Partial: 40)),
            new ReviewSettings(
                EarlyStages: Array.AsReadOnly(new[] { SalesStage.Qualify, SalesStage.Develop }),
                MinimumValue: 100000m,
                StaleDays: 60,
                ClosingSoonDays: 30,
                PoorFitThreshold: 40,
                RequireNextInteraction: true),
            new StageGateSettings(
                RequireGoalFromStage: SalesStage.Develop,
                MinimumGoalLength: 15,
                RequireFutureInteractionDate: true),
            new CadenceSettings(
                SessionsPerRepPerWeek: 3,
                MaxSessionMinutes: 30),
            new SessionSettings(
                Triggers: Array.AsReadOnly(new[] { SessionTrigger.StageChange, SessionTrigger.ReviewFlag, SessionTrigger.Manual, SessionTrigger.Cadence }),
                DedupeWindowDays: 7,
                PrepLeadHours: 24,
                MaxActionItems: 3));
    }
}
