using System;
using System.Collections.Generic;
using Coaching.Core.Opportunities;
using Coaching.Core.Review;
using Coaching.Core.Settings;
using Coaching.Plugins.Infrastructure;
using Coaching.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace Coaching.Plugins.Services
{
    public static class ReviewFlagService
    {
        /// <summary>The columns the review rule reads (besides the stored flag and reasons it compares with).</summary>
        public static readonly string[] RuleColumns =
        {
            OpportunityTable.SalesStage, OpportunityTable.StepName, OpportunityTable.State, OpportunityTable.EstimatedValue,
            OpportunityTable.EstimatedCloseDate, OpportunityTable.IcpFitScore, OpportunityTable.NextInteractionDate, OpportunityTable.CreatedOn,
        };

        public static void Apply(LocalPluginContext context, IReadOnlyList<TargetRecord> records)
        {
            if (records.Count == 0) return;
            var settings = CoachingSettingsProvider.Get(context);
            foreach (var record in records)
            {
                var result = Evaluate(record, settings, context.Now);
                SetChanges(record.Target, record.PreImage, result);
                context.Trace("Review flag {0} with {1} reason(s)", result.Flag, result.Reasons.Count);
            }
        }

        /// <summary>
        /// The review rule on the deal as it is after the request (Target over pre-image); a deal being created
        /// was created now. With ICP switched off a stored score is not a reason to review.
        /// </summary>
        public static ReviewFlagResult Evaluate(TargetRecord record, CoachingSettings settings, DateTime now)
        {
            var input = new ReviewInput(
                OpportunityValues.StageAfter(record) ?? SalesStage.Qualify,
                OpportunityValues.State(record),
                OpportunityValues.Money(record, OpportunityTable.EstimatedValue),
                record.Value<DateTime?>(OpportunityTable.EstimatedCloseDate),
                settings.Icp.Enabled ? record.Value<int?>(OpportunityTable.IcpFitScore) : null,
                record.Value<DateTime?>(OpportunityTable.NextInteractionDate),
                record.Value<DateTime?>(OpportunityTable.CreatedOn) ?? now);
            return ReviewFlagRule.Evaluate(input, settings.Review, now);
        }

        /// <summary>
        /// Puts into <paramref name="changes"/> only the flag and reasons that differ from <paramref name="stored"/>
        /// (all of them when nothing is stored), so audit history and the session trigger see real changes.
        /// </summary>
        /// <returns>True when something differs.</returns>
        public static bool SetChanges(Entity changes, Entity? stored, ReviewFlagResult result)
        {
            var reasons = result.Flag ? result.ReasonsText : null;
            var changed = false;
            if (stored == null || stored.GetAttributeValue<bool>(OpportunityTable.ReviewFlag) != result.Flag)
            {
                changes[OpportunityTable.ReviewFlag] = result.Flag;
                changed = true;
            }

            if (stored == null || stored.GetAttributeValue<string>(OpportunityTable.ReviewReasons) != reasons)
            {
                changes[OpportunityTable.ReviewReasons] = reasons;
                changed = true;
            }

            return changed;
        }
    }
}
