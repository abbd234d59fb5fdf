using System.Activities;
using Coaching.Core.Icp;
using Coaching.Plugins.Infrastructure;
using Coaching.Plugins.Schema;
using Coaching.Plugins.Services;
using Coaching.Workflows.Infrastructure;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Microsoft.Xrm.Sdk.Workflow;

namespace Coaching.Workflows.Activities
{
    /// <summary>
    /// Scores how well an opportunity's account and deal fit the Ideal Customer Profile, with the same rule and
    /// settings as the IcpFit plugin, for a process to branch on. Writes nothing: the plugin keeps the
    /// opportunity's own ICP columns current.
    /// </summary>
    public sealed class EvaluateIcpFit : CoachingActivity
    {
        public const string OpportunityInput = "Opportunity";
        public const string ScoreOutput = "Score";
        public const string BandOutput = "Band";
        public const string ReasonsOutput = "Reasons";
        public const string IsStrongFitOutput = "Is strong fit";

        [Input(OpportunityInput)]
        [ReferenceTarget("opportunity")]
        [ArgumentRequired]
        public InArgument<EntityReference> Opportunity { get; set; } = new InArgument<EntityReference>();

        /// <summary>0–100; not set when the band is Unknown.</summary>
        [Output(ScoreOutput)]
        public OutArgument<int> Score { get; set; } = new OutArgument<int>();

        /// <summary>Strong, Partial, Poor or Unknown.</summary>
        [Output(BandOutput)]
        public OutArgument<string> Band { get; set; } = new OutArgument<string>();

        /// <summary>One line per criterion met or missed.</summary>
        [Output(ReasonsOutput)]
        public OutArgument<string> Reasons { get; set; } = new OutArgument<string>();

        [Output(IsStrongFitOutput)]
        public OutArgument<bool> IsStrongFit { get; set; } = new OutArgument<bool>();

        /// <summary>Two calls: the opportunity, then its account (plus the settings when not cached).</summary>
        protected override void ExecuteCore(CodeActivityContext activityContext, WorkflowActivityContext context)
        {
            var reference = Required(activityContext, Opportunity, OpportunityInput);
            var opportunity = context.UserService.Retrieve(
                OpportunityTable.Name,
                reference.Id,
                new ColumnSet(OpportunityTable.Customer, OpportunityTable.ParentAccount, OpportunityTable.EstimatedValue));

            // Scored as if the opportunity were being saved: the rule's result lands in the record's columns.
            var record = new TargetRecord(opportunity, null, null);
            IcpFitService.Score(context, new[] { record });

            var score = opportunity.GetAttributeValue<int?>(OpportunityTable.IcpFitScore);
            var band = (IcpFitBand)opportunity.GetAttributeValue<OptionSetValue>(OpportunityTable.IcpFitBand).Value;
            if (score.HasValue) Score.Set(activityContext, score.Value);
            Band.Set(activityContext, band.ToString());
            Reasons.Set(activityContext, opportunity.GetAttributeValue<string>(OpportunityTable.IcpFitReasons));
            IsStrongFit.Set(activityContext, band == IcpFitBand.Strong);
        }
    }
}
