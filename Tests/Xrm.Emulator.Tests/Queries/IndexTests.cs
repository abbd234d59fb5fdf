using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Queries;

namespace Xrm.Emulator.Tests.Queries;

/// <summary>The engine reads only what an index says can match; asserted through QueryStatistics, never timings.</summary>
public class IndexTests
{
    private readonly QueryWorld _world = new();

    [Fact]
    public void Lookup_filter_over_100k_rows_examines_only_matching_rows()
    {
        var pipeline = QuerySampleData.SeedPipeline(_world.Store, opportunityCount: 100_000, accountCount: 1_000);
        var account = pipeline.AccountIds[42];
        var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name", "parentaccountid") };
        query.Criteria.AddCondition("parentaccountid", ConditionOperator.Equal, account);

        var rows = _world.Run(query, out var statistics).Entities;

        rows.Should().HaveCount(100);
        rows.Should().OnlyContain(r => r.GetAttributeValue<EntityReference>("parentaccountid").Id == account);
        statistics.IndexUsed.Should().Be("opportunity.parentaccountid");
        statistics.RowsExamined.Should().Be(100);
    }

    [Fact]
    public void The_sample_query_for_open_opportunities_of_an_account_uses_the_smallest_index()
    {
        var pipeline = QuerySampleData.SeedPipeline(_world.Store, opportunityCount: 10_000, accountCount: 100);

        var rows = _world.Run(QuerySampleData.OpenOpportunitiesOfAccount(pipeline.AccountIds[3]), out var statistics).Entities;

        statistics.IndexUsed.Should().Be("opportunity.parentaccountid");
        statistics.RowsExamined.Should().Be(100);
        rows.Should().HaveCount(100);
    }

    [Fact]
    public void A_choice_filter_given_an_int_finds_the_same_rows_through_the_index_as_a_scan_does()
    {
        QuerySampleData.SeedPipeline(_world.Store, opportunityCount: 400, accountCount: 10);
        var indexed = new QueryExpression("opportunity");
        indexed.Criteria.AddCondition("salesstage", ConditionOperator.Equal, 2);
        var scanned = new QueryExpression("opportunity");
        scanned.Criteria.AddCondition("salesstage", ConditionOperator.GreaterEqual, 2);
        scanned.Criteria.AddCondition("salesstage", ConditionOperator.LessEqual, 2);

        var viaIndex = _world.Run(indexed, out var indexStatistics).Entities.Select(e => e.Id).ToList();
        var viaScan = _world.Run(scanned, out var scanStatistics).Entities.Select(e => e.Id).ToList();

        indexStatistics.UsedIndex.Should().BeTrue();
        scanStatistics.UsedIndex.Should().BeFalse();
        scanStatistics.RowsExamined.Should().Be(400);
        viaIndex.Should().HaveCount(100).And.BeEquivalentTo(viaScan);
    }

    [Fact]
    public void In_on_a_root_column_unions_the_index_entries()
    {
        var pipeline = QuerySampleData.SeedPipeline(_world.Store, opportunityCount: 1_000, accountCount: 100, ownerCount: 10);
        var query = new QueryExpression("opportunity");
        query.Criteria.AddCondition("ownerid", ConditionOperator.In, pipeline.OwnerIds[0], pipeline.OwnerIds[1]);

        var rows = _world.Run(query, out var statistics).Entities;

        rows.Should().HaveCount(200);
        statistics.RowsExamined.Should().Be(200);
    }

    [Fact]
    public void EqualUserId_uses_the_index_on_the_owner()
    {
        QuerySampleData.SeedPipeline(_world.Store, opportunityCount: 500, accountCount: 10);
        _world.Opportunity("Mine", ("ownerid", new EntityReference("systemuser", _world.CallingUserId)));
        var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name") };
        query.Criteria.AddCondition("ownerid", ConditionOperator.EqualUserId);

        _world.Run(query, out var statistics).Entities.Should().ContainSingle();
        statistics.RowsExamined.Should().Be(1);
    }

    [Fact]
    public void An_equality_on_the_primary_id_reads_one_row()
    {
        var pipeline = QuerySampleData.SeedPipeline(_world.Store, opportunityCount: 1_000, accountCount: 10);
        var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name") };
        query.Criteria.AddCondition("opportunityid", ConditionOperator.Equal, pipeline.OpportunityIds[500]);

        _world.Names(query).Should().Equal("Opportunity 000500");
        _world.Run(query, out var statistics);
        statistics.RowsExamined.Should().Be(1);
    }

    [Fact]
    public void A_FetchXML_text_value_for_a_choice_still_uses_the_index()
    {
        QuerySampleData.SeedPipeline(_world.Store, opportunityCount: 400, accountCount: 10);

        _world.Run(new FetchExpression("""
            <fetch><entity name="opportunity"><filter><condition attribute="statecode" operator="eq" value="1" /></filter></entity></fetch>
            """), out var statistics).Entities.Should().HaveCount(40);

        statistics.IndexUsed.Should().Be("opportunity.statecode");
        statistics.RowsExamined.Should().Be(40);
    }

    [Fact]
    public void A_join_on_the_linked_primary_key_reads_one_linked_row_per_parent_that_passed_the_root_conditions()
    {
        var pipeline = QuerySampleData.SeedPipeline(_world.Store, opportunityCount: 1_000, accountCount: 100);
        var query = QuerySampleData.EarlyStageOpportunitiesWithAccount();
        query.Criteria.AddCondition("parentaccountid", ConditionOperator.Equal, pipeline.AccountIds[4]);
        query.Criteria.AddCondition("name", ConditionOperator.NotEqual, "Opportunity 000004");

        var rows = _world.Run(query, out var statistics).Entities;

        statistics.RowsExamined.Should().Be(10);
        statistics.LinkRowsExamined.Should().Be(9);
        rows.Should().HaveCount(9).And.OnlyContain(r => (string)r.GetAttributeValue<AliasedValue>("account.name").Value == "Account 00004");
    }

    [Fact]
    public void A_top_level_OR_of_indexed_conditions_reads_the_union_of_their_rows()
    {
        QuerySampleData.SeedPipeline(_world.Store, opportunityCount: 100, accountCount: 10);
        var query = new QueryExpression("opportunity");
        query.Criteria.FilterOperator = LogicalOperator.Or;
        query.Criteria.AddCondition("salesstage", ConditionOperator.Equal, 2);
        query.Criteria.AddCondition("statecode", ConditionOperator.Equal, 1);

        var ids = _world.Run(query, out var statistics).Entities.Select(e => e.Id).ToList();

        statistics.IndexUsed.Should().Be("opportunity.salesstage or statecode");
        statistics.RowsExamined.Should().Be(30, "25 deals in stage 2 and 10 won, 5 of them both");
        ids.Should().BeEquivalentTo(_world.Store.Scan("opportunity")
            .Where(r => r.GetAttributeValue<OptionSetValue>("salesstage").Value == 2 || r.GetAttributeValue<OptionSetValue>("statecode").Value == 1)
            .Select(r => r.Id));
    }

    [Fact]
    public void A_top_level_OR_with_a_part_no_index_answers_scans_the_table()
    {
        QuerySampleData.SeedPipeline(_world.Store, opportunityCount: 100, accountCount: 10);
        var query = new QueryExpression("opportunity");
        query.Criteria.FilterOperator = LogicalOperator.Or;
        query.Criteria.AddCondition("salesstage", ConditionOperator.Equal, 1);
        query.Criteria.AddCondition("name", ConditionOperator.BeginsWith, "Opportunity 00000");

        _world.Run(query, out var statistics);

        statistics.UsedIndex.Should().BeFalse();
        statistics.RowsExamined.Should().Be(100);
    }

    [Fact]
    public void The_index_sees_rows_changed_after_it_was_built()
    {
        var early = _world.Opportunity("Becomes late", ("salesstage", new OptionSetValue(0)));
        var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name") };
        query.Criteria.AddCondition("salesstage", ConditionOperator.Equal, 3);
        _world.Names(query).Should().BeEmpty();

        _world.Store.Apply("opportunity", early.Id, new[] { new System.Collections.Generic.KeyValuePair<string, object?>("salesstage", new OptionSetValue(3)) });

        _world.Names(query).Should().Equal("Becomes late");
    }
}
