using System;
using Coaching.Plugins.Infrastructure;
using Coaching.Plugins.Schema;
using Coaching.Plugins.Services;

namespace Coaching.Plugins.EntryPoints
{
    /// <summary>
    /// coach_GetPipelineReviewAgenda: the deals to examine in the pipeline meeting (open, early stage, flagged by the
    /// review rule at the moment of the call, not by the stored flag),
    /// most coaching priority first, with the review reasons and why each ranks where it does.
    /// Optional ManagerId (the manager's direct reports' deals) and OwnerId (one rep's deals).
    /// </summary>
    public sealed class GetPipelineReviewAgendaApi : PluginBase
    {
        public GetPipelineReviewAgendaApi()
            : base(new RegisteredEvent(PipelineReviewAgendaMessage.Name, RegisteredEvent.NoTable, RegisteredEvent.MainOperation))
        {
        }

        protected override void ExecuteCore(LocalPluginContext context)
        {
            var inputs = context.Execution.InputParameters;
            var manager = inputs.TryGetValue(PipelineReviewAgendaMessage.ManagerId, out Guid managerId) && managerId != Guid.Empty ? managerId : (Guid?)null;
            var owner = inputs.TryGetValue(PipelineReviewAgendaMessage.OwnerId, out Guid ownerId) && ownerId != Guid.Empty ? ownerId : (Guid?)null;
            context.Execution.OutputParameters[PipelineReviewAgendaMessage.Agenda] = ReviewAgendaService.Agenda(context, manager, owner);
        }
    }
}
