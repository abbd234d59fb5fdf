using System.Collections.Generic;
using Coaching.Core.Opportunities;
using Coaching.Core.Review;
using Coaching.Plugins.Infrastructure;
using Coaching.Plugins.Schema;

namespace Coaching.Plugins.Services
{
    public static class ReviewFlagService
    {
        public static void Apply(LocalPluginContext context, IReadOnlyList<TargetRecord> records)
        {
            if (records.Count == 0) return;
            var settings = CoachingSettingsProvider.Get(context).Review;
            foreach (var record in records)
            {
                var input = new ReviewInput(
                    OpportunityValues.StageAfter(record) ?? SalesStage.Qualify,
                    OpportunityValues.State(record),
                    OpportunityValues.Money(record, OpportunityTable.EstimatedValue),
                    record.Value<System.DateTime?>(OpportunityTable.EstimatedCloseDate),
                    record.Value<int?>(OpportunityTable.IcpFitScore),
                    record.Value<System.DateTime?>(OpportunityTable.NextInteractionDate),
                    record.PreImage?.GetAttributeValue<System.DateTime?>(OpportunityTable.CreatedOn) ?? context.Now);
                var result = ReviewFlagRule.Evaluate(input, settings, context.Now);
                var reasons = result.Flag ? result.ReasonsText : null;

                // Only write what changes, so the flag's audit history and the session trigger see real changes.
                var before = record.PreImage;
                if (before == null || before.GetAttributeValue<bool>(OpportunityTable.ReviewFlag) != result.Flag)
                {
                    record.Target[OpportunityTable.ReviewFlag] = result.Flag;
                }

                if (before == null || before.GetAttributeValue<string>(OpportunityTable.ReviewReasons) != reasons)
                {
                    record.Target[OpportunityTable.ReviewReasons] = reasons;
                }

                context.Trace("Review flag {0} with {1} reason(s)", result.Flag, result.Reasons.Count);
            }
        }
    }
}
