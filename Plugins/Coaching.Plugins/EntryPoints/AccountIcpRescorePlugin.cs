using Coaching.Plugins.Infrastructure;
using Coaching.Plugins.Schema;
using Coaching.Plugins.Services;
using Microsoft.Xrm.Sdk;

namespace Coaching.Plugins.EntryPoints
{
    /// <summary>
    /// Asynchronous, after an Update of account that changes a column the ICP reads: rescores the account's open
    /// deals from the post-image (the account's values after the change), so a corrected industry or size reaches
    /// the deals without anyone saving them.
    /// </summary>
    public sealed class AccountIcpRescorePlugin : PluginBase
    {
        public AccountIcpRescorePlugin()
            : base(new RegisteredEvent("Update", AccountTable.Name, RegisteredEvent.PostOperation))
        {
        }

        protected override void ExecuteCore(LocalPluginContext context)
        {
            var record = TargetRecord.From(context.Execution)[0];
            var account = record.PostImage ?? throw new InvalidPluginExecutionException(
                "The AccountIcpRescore step needs its PostImage (industrycode, numberofemployees, revenue, address1_country); correct the step registration.");
            account.Id = record.Target.Id;
            AccountRescoreService.Rescore(context, account);
        }
    }
}
