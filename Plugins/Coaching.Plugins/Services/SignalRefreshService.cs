using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Coaching.Core.Icp;
using Coaching.Core.Opportunities;
using Coaching.Core.Settings;
using Coaching.Plugins.Infrastructure;
using Coaching.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Coaching.Plugins.Services
{
    /// <summary>
    /// coach_RefreshCoachingSignals: recomputes the stored review flag and reasons and the ICP fit of open deals
    /// (all the caller can see, or one owner's, or one manager's team), pages of 5,000 deals in opportunity id order,
    /// one query per page (the deals joined to their parent account and their customer account), writing only the
    /// changed deals. It reads only the deals whose stored signals can have changed (<see cref="AddDueFilter"/>): those
    /// whose signals due moment has come, and those stored with other settings (or before the deal had a fingerprint);
    /// every other deal was evaluated, at its last save or refresh, with these settings and nothing time does changes it yet. Stops between pages when the call has run <see cref="TimeBudget"/> (the platform ends a
    /// plug-in at 2 minutes) or read the caller's MaxDeals, and returns a token to continue after the last deal read
    /// (or, when the budget runs out while a page's changes are being written, after the last deal written).
    /// </summary>
    public static class SignalRefreshService
    {
        public const int PageSize = 5000;

        /// <summary>Time after which no new page is started; a page takes seconds, the platform allows 2 minutes.</summary>
        public static readonly TimeSpan TimeBudget = TimeSpan.FromSeconds(60);

        private static readonly AccountLink ParentAccount = new AccountLink("parent");
        private static readonly AccountLink CustomerAccount = new AccountLink("customer");
        private const string OwnerAlias = "owner";

        public static RefreshOutcome Refresh(IOperationContext context, Guid? managerId, Guid? ownerId, string? continuationToken, int? maxDeals)
        {
            var after = ReadToken(continuationToken);
            if (maxDeals.HasValue && maxDeals.Value < 1)
            {
                throw new InvalidPluginExecutionException("MaxDeals must be 1 or more; leave it out to refresh as many deals as fit in one call.");
            }

            var settings = CoachingSettingsProvider.Get(context);
            var fingerprint = SignalSettingsFingerprint.Of(settings);
            var scores = new AccountScores(settings.Icp); // one call's memo: accounts have several open deals each
            var watch = Stopwatch.StartNew();
            var read = 0;
            var written = 0;
            while (true)
            {
                var size = maxDeals.HasValue ? Math.Min(PageSize, maxDeals.Value - read) : PageSize;
                var page = ReadPage(context.UserService, managerId, ownerId, after, size, context.Now, fingerprint);
                var changes = page.Select(deal => DealSignals.Changes(deal, scores.Of(AccountOf(deal)), settings, context.Now)).Where(c => c != null).Select(c => c!).ToList();
                // Only the page's size and last id are needed from here: its rows (several MB for a full page) can go while
                // the changes are written.
                var pageCount = page.Count;
                var pageLast = pageCount == 0 ? Guid.Empty : page[pageCount - 1].Id;
                page = null;
                read += pageCount;
                foreach (var batch in DealSignals.Batches(changes))
                {
                    // The writes start the steps on the deals (a newly raised flag opens a session), so a page's writes can take
                    // long too: between batches, stop after the last deal written once the budget is spent.
                    DealSignals.WriteBatch(context.SystemService, batch);
                    written += batch.Count;
                    var lastWritten = batch[batch.Count - 1].Id;
                    if (watch.Elapsed >= TimeBudget && lastWritten != pageLast)
                    {
                        context.Trace("Refreshed {0} open deal(s), {1} changed: stopping mid-page after {2} ms, more to do", read, written, watch.ElapsedMilliseconds);
                        return new RefreshOutcome(read, written, lastWritten.ToString("D"));
                    }
                }

                if (pageCount < size)
                {
                    context.Trace("Refreshed {0} open deal(s), {1} changed: done", read, written);
                    return new RefreshOutcome(read, written, null);
                }

                after = pageLast;
                if ((maxDeals.HasValue && read >= maxDeals.Value) || watch.Elapsed >= TimeBudget)
                {
                    context.Trace("Refreshed {0} open deal(s), {1} changed: stopping after {2} ms, more to do", read, written, watch.ElapsedMilliseconds);
                    return new RefreshOutcome(read, written, after.Value.ToString("D"));
                }
            }
        }

        /// <summary>
        /// The account columns the ICP reads (<see cref="IcpFitService.AccountColumns"/>), joined to a deal query under one
        /// alias, and the keys they come back under, made once rather than for every deal of a page.
        /// </summary>
        private sealed class AccountLink
        {
            private readonly string _idKey;
            private readonly Dictionary<string, string> _keys = new Dictionary<string, string>();

            public AccountLink(string alias)
            {
                Alias = alias;
                _idKey = alias + "." + AccountTable.Id;
                foreach (var column in IcpFitService.AccountColumns) _keys[column] = alias + "." + column;
            }

            public string Alias { get; }

            /// <summary>The linked account as the ICP sees it; null when the join found no account.</summary>
            public IcpAccount? Read(Entity row) => row.Contains(_idKey)
                ? OpportunityValues.ToIcpAccount(column => row.Attributes.TryGetValue(_keys[column], out var value) ? (value as AliasedValue)?.Value : null)
                : null;
        }

        /// <summary>Each account's ICP criteria scored once per call, whichever of its deals comes first.</summary>
        private sealed class AccountScores
        {
            private readonly Core.Settings.IcpSettings _settings;
            private readonly Dictionary<IcpAccount, IcpAccountScore> _scored = new Dictionary<IcpAccount, IcpAccountScore>();
            private readonly IcpAccountScore _noAccount;

            public AccountScores(Core.Settings.IcpSettings settings)
            {
                _settings = settings;
                _noAccount = IcpFitRule.ScoreAccount(null, settings);
            }

            public IcpAccountScore Of(IcpAccount? account)
            {
                if (account == null) return _noAccount;
                if (!_scored.TryGetValue(account, out var score))
                {
                    score = IcpFitRule.ScoreAccount(account, _settings);
                    _scored.Add(account, score);
                }

                return score;
            }
        }

        private static Guid? ReadToken(string? token)
        {
            if (string.IsNullOrWhiteSpace(token)) return null;
            if (Guid.TryParse(token!.Trim(), out var id)) return id;
            throw new InvalidPluginExecutionException(
                "ContinuationToken '" + token + "' is not one coach_RefreshCoachingSignals returned; call again without it to start from the first deal.");
        }

        // The deal's account as the ICP sees it: the parent account, else the customer when the customer is an account.
        private static IcpAccount? AccountOf(Entity deal)
        {
            var account = OpportunityValues.Account(new TargetRecord(deal, null, null));
            if (account == null) return null;
            return account.Id == deal.GetAttributeValue<EntityReference>(OpportunityTable.ParentAccount)?.Id
                ? ParentAccount.Read(deal)
                : CustomerAccount.Read(deal);
        }

        private static IReadOnlyList<Entity> ReadPage(IOrganizationService service, Guid? managerId, Guid? ownerId, Guid? after, int size, DateTime now, string fingerprint)
        {
            var query = new QueryExpression(OpportunityTable.Name) { ColumnSet = new ColumnSet(DealSignals.DealColumns), TopCount = size };
            query.Criteria.AddCondition(OpportunityTable.State, ConditionOperator.Equal, (int)OpportunityState.Open);
            AddDueFilter(query.Criteria, now, fingerprint);
            if (after.HasValue) query.Criteria.AddCondition(OpportunityTable.Id, ConditionOperator.GreaterThan, after.Value);
            if (ownerId.HasValue) query.Criteria.AddCondition(OpportunityTable.Owner, ConditionOperator.Equal, ownerId.Value);
            query.AddOrder(OpportunityTable.Id, OrderType.Ascending);

            AddAccountLink(query, OpportunityTable.ParentAccount, ParentAccount.Alias);
            AddAccountLink(query, OpportunityTable.Customer, CustomerAccount.Alias);
            if (managerId.HasValue)
            {
                var owner = query.AddLink(SystemUserTable.Name, OpportunityTable.Owner, SystemUserTable.Id);
                owner.EntityAlias = OwnerAlias;
                owner.LinkCriteria.AddCondition(SystemUserTable.Manager, ConditionOperator.Equal, managerId.Value);
            }

            return service.RetrieveMultiple(query).Entities.ToList();
        }

        /// <summary>
        /// The deals whose stored signals can differ from what the rules give now: the due moment has come, or they were
        /// computed with other settings, or with none recorded (stored before the fingerprint existed, or scored without
        /// their account). NotEqual never matches a null column, so the null fingerprint has its own condition; a deal with
        /// the current fingerprint and no due moment is never read (time cannot change its signals).
        /// </summary>
        private static void AddDueFilter(FilterExpression criteria, DateTime now, string fingerprint)
        {
            var due = criteria.AddFilter(LogicalOperator.Or);
            due.AddCondition(OpportunityTable.SignalsDueOn, ConditionOperator.LessEqual, now);
            due.AddCondition(OpportunityTable.SignalsSettings, ConditionOperator.Null);
            due.AddCondition(OpportunityTable.SignalsSettings, ConditionOperator.NotEqual, fingerprint);
        }

        private static void AddAccountLink(QueryExpression query, string lookup, string alias)
        {
            var account = query.AddLink(AccountTable.Name, lookup, AccountTable.Id, JoinOperator.LeftOuter);
            account.EntityAlias = alias;
            account.Columns = new ColumnSet(new[] { AccountTable.Id }.Concat(IcpFitService.AccountColumns).ToArray());
        }
    }

    /// <summary>What one refresh call did.</summary>
    public sealed class RefreshOutcome
    {
        public RefreshOutcome(int read, int updated, string? continuationToken)
        {
            Read = read;
            Updated = updated;
            ContinuationToken = continuationToken;
        }

        /// <summary>Open deals read and recomputed: those whose stored signals can have changed.</summary>
        public int Read { get; }

        /// <summary>Deals whose stored signals changed and were written.</summary>
        public int Updated { get; }

        /// <summary>Null when every deal in scope was refreshed; else pass it to the next call.</summary>
        public string? ContinuationToken { get; }
    }
}
