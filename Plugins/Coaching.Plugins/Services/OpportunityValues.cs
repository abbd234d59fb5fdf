using System;
using Coaching.Core.Icp;
using Coaching.Core.Opportunities;
using Coaching.Plugins.Infrastructure;
using Coaching.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace Coaching.Plugins.Services
{
    /// <summary>Reads opportunity columns (Target over image) into the plain values Core works with.</summary>
    public static class OpportunityValues
    {
        /// <summary>The account the deal is with: the parent account, else the customer when it is an account.</summary>
        public static EntityReference? Account(TargetRecord record)
        {
            var parent = record.Value<EntityReference>(OpportunityTable.ParentAccount);
            if (parent != null) return parent;
            var customer = record.Value<EntityReference>(OpportunityTable.Customer);
            return customer != null && customer.LogicalName == AccountTable.Name ? customer : null;
        }

        public static decimal? Money(TargetRecord record, string column) => record.Value<Money>(column)?.Value;

        public static int? Choice(TargetRecord record, string column) => record.Value<OptionSetValue>(column)?.Value;

        public static SalesStage? Stage(int? salesStage, string? stepName)
        {
            if (salesStage.HasValue && SalesStages.IsDefined(salesStage.Value)) return (SalesStage)salesStage.Value;
            return SalesStages.TryParse(stepName, out var parsed) ? parsed : (SalesStage?)null;
        }

        /// <summary>The stage after the request; a new stepname wins when the request sets only that.</summary>
        public static SalesStage? StageAfter(TargetRecord record)
        {
            if (!record.Sets(OpportunityTable.SalesStage) && record.Sets(OpportunityTable.StepName)
                && SalesStages.TryParse(record.Target.GetAttributeValue<string>(OpportunityTable.StepName), out var fromStepName))
            {
                return fromStepName;
            }

            return Stage(Choice(record, OpportunityTable.SalesStage), record.Value<string>(OpportunityTable.StepName));
        }

        public static SalesStage? StageBefore(Entity? image) =>
            image == null ? null : Stage(image.GetAttributeValue<OptionSetValue>(OpportunityTable.SalesStage)?.Value, image.GetAttributeValue<string>(OpportunityTable.StepName));

        /// <summary>
        /// A move further down the pipeline. A deal that had no sales stage before is before Qualify (it had not
        /// entered the pipeline), so giving it any stage is forward and the gate applies to it like to any other move.
        /// </summary>
        public static bool IsForwardMove(SalesStage? before, SalesStage? after) =>
            after.HasValue && (!before.HasValue || after.Value > before.Value);

        public static OpportunityState State(TargetRecord record)
        {
            var state = Choice(record, OpportunityTable.State);
            return state.HasValue && Enum.IsDefined(typeof(OpportunityState), state.Value) ? (OpportunityState)state.Value : OpportunityState.Open;
        }

        public static IcpAccount ToIcpAccount(Entity account) =>
            ToIcpAccount(column => account.Attributes.TryGetValue(column, out var value) ? value : null);

        /// <summary>The ICP's view of an account whose columns <paramref name="valueOf"/> reads (a row, or columns joined to one).</summary>
        public static IcpAccount ToIcpAccount(Func<string, object?> valueOf) => new IcpAccount(
            AccountIndustries.LabelOf((valueOf(AccountTable.Industry) as OptionSetValue)?.Value),
            valueOf(AccountTable.Employees) as int?,
            (valueOf(AccountTable.Revenue) as Money)?.Value,
            valueOf(AccountTable.Country) as string);
    }
}
