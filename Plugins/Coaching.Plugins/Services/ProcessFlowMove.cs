using System;
using System.Linq;
using Coaching.Plugins.Infrastructure;
using Coaching.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace Coaching.Plugins.Services
{
    /// <summary>
    /// A stage move of the Opportunity Sales Process (an Update of opportunitysalesprocess.activestageid).
    /// The flow keeps the stages it went through in traversedpath and cuts it back when a stage is revisited,
    /// so a move is forward exactly when the new stage is not on the path before the move (the pre-image).
    /// </summary>
    public static class ProcessFlowMove
    {
        /// <summary>The stage moved to when the move goes forward; null for a backward or repeated move, or no move.</summary>
        public static EntityReference? ForwardStage(TargetRecord record)
        {
            var newStage = record.Target.GetAttributeValue<EntityReference>(OpportunitySalesProcessTable.ActiveStage);
            if (newStage == null) return null;

            var traversed = record.PreImage?.GetAttributeValue<string>(OpportunitySalesProcessTable.TraversedPath) ?? string.Empty;
            var visited = traversed.Split(',').Any(id => Guid.TryParse(id.Trim(), out var stageId) && stageId == newStage.Id);
            return visited ? null : newStage;
        }

        /// <summary>The opportunity the flow instance runs on, from the Target or the pre-image.</summary>
        public static EntityReference? Opportunity(TargetRecord record) =>
            record.Value<EntityReference>(OpportunitySalesProcessTable.Opportunity);
    }
}
