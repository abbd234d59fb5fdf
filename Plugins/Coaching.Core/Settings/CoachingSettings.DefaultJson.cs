namespace Coaching.Core.Settings
{
    public sealed partial record CoachingSettings
    {
        /// <summary>
        /// The default value of coach_CoachingSettings exactly as the solution ships it
        /// (LF line endings, under the 2,000-character limit of an environment variable default).
        /// Written with explicit "\n" so a CRLF checkout cannot change it.
        /// </summary>
        public const string DefaultJson =
            "{\n" +
            "  \"icp\": {\n" +
            "    \"industries\": [\"Business Services\", \"Consulting\", \"Durable Manufacturing\", \"Financial\", \"Wholesale\"],\n" +
            "    \"employeeRange\": { \"min\": 200, \"max\": 5000 },\n" +
            "    \"revenueRange\": { \"min\": 10000000, \"max\": 1000000000 },\n" +
            "    \"countries\": [\"United States\", \"Canada\", \"United Kingdom\", \"Germany\", \"France\", \"Netherlands\"],\n" +
            "    \"minimumDealSize\": 25000,\n" +
            "    \"weights\": { \"industry\": 25, \"employees\": 20, \"revenue\": 20, \"country\": 15, \"dealSize\": 20 },\n" +
            "    \"bands\": { \"strong\": 70, \"partial\": 40 },\n" +
            "    \"enabled\": true\n" +
            "  },\n" +
            "  \"review\": {\n" +
            "    \"earlyStages\": [\"Qualify\", \"Develop\"],\n" +
            "    \"minimumValue\": 100000,\n" +
            "    \"staleDays\": 60,\n" +
            "    \"closingSoonDays\": 30,\n" +
            "    \"poorFitThreshold\": 40,\n" +
            "    \"requireNextInteraction\": true,\n" +
            "    \"enabled\": true\n" +
            "  },\n" +
            "  \"stageGate\": {\n" +
            "    \"requireGoalFromStage\": \"Develop\",\n" +
            "    \"minimumGoalLength\": 15,\n" +
            "    \"requireFutureInteractionDate\": true,\n" +
            "    \"enabled\": true\n" +
            "  },\n" +
            "  \"cadence\": {\n" +
            "    \"sessionsPerRepPerWeek\": 3,\n" +
            "    \"maxSessionMinutes\": 30\n" +
            "  },\n" +
            "  \"sessions\": {\n" +
            "    \"triggers\": [\"StageChange\", \"ReviewFlag\", \"Manual\", \"Cadence\"],\n" +
            "    \"dedupeWindowDays\": 7,\n" +
            "    \"prepLeadHours\": 24,\n" +
            "    \"maxActionItems\": 3,\n" +
            "    \"enabled\": true\n" +
            "  }\n" +
            "}";
    }
}
