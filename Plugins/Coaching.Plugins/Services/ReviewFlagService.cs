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
            var fingerprint = SignalSettingsFingerprint.Of(settings);
            foreach (var record in records)
            {
                var result = SetSignals(record.Target, record, record.PreImage, settings, context.Now, SavedFingerprint(record, settings, fingerprint));
                context.Trace("Review flag {0} with {1} reason(s)", result.Flag, result.Reasons.Count);
            }
        }

        /// <summary>
        /// The review rule on the deal as it is after the request (Target over pre-image); a deal being created
        /// was created now. With ICP switched off a stored score is not a reason to review.
        /// </summary>
        public static ReviewFlagResult Evaluate(TargetRecord record, CoachingSettings settings, DateTime now) =>
            ReviewFlagRule.Evaluate(Input(record, settings, now), settings.Review, now);

        /// <summary>
        /// Evaluates the review rule on <paramref name="deal"/> and puts into <paramref name="changes"/> the flag, reasons and
        /// signals due moment that differ from <paramref name="stored"/>, and <paramref name="fingerprint"/> when given (the
        /// caller knows the deal's ICP fit is the one these settings give) and different.
        /// </summary>
        public static ReviewFlagResult SetSignals(Entity changes, TargetRecord deal, Entity? stored, CoachingSettings settings, DateTime now, string? fingerprint)
        {
            var input = Input(deal, settings, now);
            var result = ReviewFlagRule.Evaluate(input, settings.Review, now);
            SetChanges(changes, stored, result);

            var due = ToStoredPrecision(ReviewFlagRule.SignalsDueOn(input, settings.Review, now));
            if (stored == null || stored.GetAttributeValue<DateTime?>(OpportunityTable.SignalsDueOn) != due)
            {
                changes[OpportunityTable.SignalsDueOn] = due;
            }

            if (fingerprint != null && (stored == null || stored.GetAttributeValue<string>(OpportunityTable.SignalsSettings) != fingerprint))
            {
                changes[OpportunityTable.SignalsSettings] = fingerprint;
            }

            return result;
        }

        /// <summary>
        /// The fingerprint a save may store: the current one when the deal's ICP fit is known to be the current settings' (ICP
        /// off, scored in this save, or stored with the current fingerprint); null (left as it is) when whoever else writes the
        /// signals in this request already set it (the refresh, the rescore, or the ICP step for an account the caller cannot see),
        /// or when the fit may be an older settings' one, so that the refresh still recomputes it.
        /// </summary>
        private static string? SavedFingerprint(TargetRecord record, CoachingSettings settings, string current)
        {
            if (record.Sets(OpportunityTable.SignalsSettings)) return null;
            var fitIsCurrent = !settings.Icp.Enabled
                || record.Sets(OpportunityTable.IcpFitBand)
                || record.PreImage?.GetAttributeValue<string>(OpportunityTable.SignalsSettings) == current;
            return fitIsCurrent ? current : null;
        }

        private static ReviewInput Input(TargetRecord record, CoachingSettings settings, DateTime now) => new ReviewInput(
            OpportunityValues.StageAfter(record) ?? SalesStage.Qualify,
            OpportunityValues.State(record),
            OpportunityValues.Money(record, OpportunityTable.EstimatedValue),
            record.Value<DateTime?>(OpportunityTable.EstimatedCloseDate),
            settings.Icp.Enabled ? record.Value<int?>(OpportunityTable.IcpFitScore) : null,
            record.Value<DateTime?>(OpportunityTable.NextInteractionDate),
            record.Value<DateTime?>(OpportunityTable.CreatedOn) ?? now);

        // Dataverse keeps date-times to the second: the moment rounded down (a read a little early, never late), so the
        // value compared on the next run is the one stored.
        private static DateTime? ToStoredPrecision(DateTime? moment) => moment.HasValue
            ? new DateTime(moment.Value.Ticks - (moment.Value.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc)
            : (DateTime?)null;

        /// <summary>
        /// Puts into <paramref name="changes"/> only the flag and reasons that differ from <paramref name="stored"/>
        /// (all of them when nothing is stored), so audit history and the session trigger see real changes.
        /// </summary>
        /// <returns>True when something differs.</returns>
        private static bool SetChanges(Entity changes, Entity? stored, ReviewFlagResult result)
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
