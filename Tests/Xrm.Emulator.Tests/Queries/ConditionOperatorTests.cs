using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Queries;

namespace Xrm.Emulator.Tests.Queries;

public class ConditionOperatorTests
{
    private enum BuyerStage
    {
        Early = 731050000,
        Middle = 731050001,
    }

    private readonly QueryWorld _world = new();

    [Fact]
    public void Equal_on_a_lookup_matches_by_id_given_a_guid_or_an_entity_reference()
    {
        var contoso = _world.Account("Contoso");
        var fabrikam = _world.Account("Fabrikam");
        _world.Opportunity("Contoso renewal", ("parentaccountid", contoso.ToEntityReference()));
        _world.Opportunity("Fabrikam pilot", ("parentaccountid", fabrikam.ToEntityReference()));

        _world.OpportunitiesWhere("parentaccountid", ConditionOperator.Equal, contoso.Id).Should().Equal("Contoso renewal");
        _world.OpportunitiesWhere("parentaccountid", ConditionOperator.Equal, new EntityReference("account", fabrikam.Id)).Should().Equal("Fabrikam pilot");
    }

    [Fact]
    public void Equal_on_a_choice_matches_an_int_an_OptionSetValue_or_an_enum()
    {
        _world.Opportunity("Early deal", ("coach_buyerstage", new OptionSetValue(731050000)));
        _world.Opportunity("Middle deal", ("coach_buyerstage", new OptionSetValue(731050001)));

        _world.OpportunitiesWhere("coach_buyerstage", ConditionOperator.Equal, 731050000).Should().Equal("Early deal");
        _world.OpportunitiesWhere("coach_buyerstage", ConditionOperator.Equal, new OptionSetValue(731050001)).Should().Equal("Middle deal");
        _world.OpportunitiesWhere("coach_buyerstage", ConditionOperator.Equal, BuyerStage.Early).Should().Equal("Early deal");
    }

    [Fact]
    public void Equal_on_money_matches_a_Money_or_a_plain_number()
    {
        _world.Opportunity("Small", ("estimatedvalue", new Money(5000m)));
        _world.Opportunity("Large", ("estimatedvalue", new Money(250000m)));

        _world.OpportunitiesWhere("estimatedvalue", ConditionOperator.Equal, new Money(5000m)).Should().Equal("Small");
        _world.OpportunitiesWhere("estimatedvalue", ConditionOperator.Equal, 250000).Should().Equal("Large");
        _world.OpportunitiesWhere("estimatedvalue", ConditionOperator.Equal, 5000.0).Should().Equal("Small");
    }

    [Fact]
    public void Equal_on_text_ignores_case()
    {
        _world.Opportunity("Contoso Renewal");

        _world.OpportunitiesWhere("name", ConditionOperator.Equal, "CONTOSO renewal").Should().Equal("Contoso Renewal");
    }

    [Fact]
    public void Numbers_compare_across_int_long_decimal_and_double()
    {
        _world.Opportunity("Score 40", ("coach_icpfitscore", 40));
        _world.Opportunity("Score 75", ("coach_icpfitscore", 75));

        _world.OpportunitiesWhere("coach_icpfitscore", ConditionOperator.Equal, 40L).Should().Equal("Score 40");
        _world.OpportunitiesWhere("coach_icpfitscore", ConditionOperator.GreaterThan, 40.5).Should().Equal("Score 75");
        _world.OpportunitiesWhere("coach_icpfitscore", ConditionOperator.LessEqual, 75m).Should().Equal("Score 40", "Score 75");
    }

    [Fact]
    public void Yes_no_columns_match_a_bool_or_0_and_1()
    {
        _world.Opportunity("Flagged", ("coach_reviewflag", true));
        _world.Opportunity("Not flagged", ("coach_reviewflag", false));

        _world.OpportunitiesWhere("coach_reviewflag", ConditionOperator.Equal, true).Should().Equal("Flagged");
        _world.OpportunitiesWhere("coach_reviewflag", ConditionOperator.Equal, 0).Should().Equal("Not flagged");
    }

    [Fact]
    public void Null_column_never_matches_NotEqual()
    {
        _world.Opportunity("Won", ("statecode", new OptionSetValue(1)));
        _world.Opportunity("Open", ("statecode", new OptionSetValue(0)));
        _world.Opportunity("Unknown");

        _world.OpportunitiesWhere("statecode", ConditionOperator.NotEqual, 1).Should().Equal("Open");
    }

    [Fact]
    public void Null_column_matches_neither_Equal_nor_comparisons_nor_NotIn_nor_NotLike()
    {
        _world.Opportunity("Empty");
        _world.Opportunity("Explicit null", ("coach_buyertrigger", null));

        _world.OpportunitiesWhere("coach_buyertrigger", ConditionOperator.Equal, "x").Should().BeEmpty();
        _world.OpportunitiesWhere("coach_buyertrigger", ConditionOperator.GreaterThan, "a").Should().BeEmpty();
        _world.OpportunitiesWhere("coach_buyertrigger", ConditionOperator.NotIn, "x", "y").Should().BeEmpty();
        _world.OpportunitiesWhere("coach_buyertrigger", ConditionOperator.NotLike, "%x%").Should().BeEmpty();
        _world.OpportunitiesWhere("coach_buyertrigger", ConditionOperator.DoesNotBeginWith, "x").Should().BeEmpty();
        _world.OpportunitiesWhere("coach_buyertrigger", ConditionOperator.NotBetween, "a", "b").Should().BeEmpty();
    }

    [Fact]
    public void Null_matches_absent_and_null_columns_and_NotNull_the_others()
    {
        _world.Opportunity("Absent");
        _world.Opportunity("Explicit null", ("coach_buyertrigger", null));
        _world.Opportunity("Has trigger", ("coach_buyertrigger", "New CFO"));

        _world.OpportunitiesWhere("coach_buyertrigger", ConditionOperator.Null).Should().Equal("Absent", "Explicit null");
        _world.OpportunitiesWhere("coach_buyertrigger", ConditionOperator.NotNull).Should().Equal("Has trigger");
    }

    [Theory]
    [InlineData(ConditionOperator.GreaterThan, 50, new[] { "75" })]
    [InlineData(ConditionOperator.GreaterEqual, 50, new[] { "50", "75" })]
    [InlineData(ConditionOperator.LessThan, 50, new[] { "25" })]
    [InlineData(ConditionOperator.LessEqual, 50, new[] { "25", "50" })]
    public void Comparisons_order_numbers(ConditionOperator op, int value, string[] expected)
    {
        foreach (var score in new[] { 25, 50, 75 })
        {
            _world.Opportunity(score.ToString(System.Globalization.CultureInfo.InvariantCulture), ("coach_icpfitscore", score));
        }

        _world.OpportunitiesWhere("coach_icpfitscore", op, value).Should().Equal(expected);
    }

    [Fact]
    public void Comparisons_on_text_ignore_case()
    {
        _world.Opportunity("alpha");
        _world.Opportunity("Beta");
        _world.Opportunity("gamma");

        _world.OpportunitiesWhere("name", ConditionOperator.GreaterThan, "BETA").Should().Equal("gamma");
    }

    [Fact]
    public void Like_uses_percent_and_underscore_wildcards_ignoring_case()
    {
        _world.Opportunity("Contoso renewal 2025");
        _world.Opportunity("Contoso pilot");
        _world.Opportunity("Fabrikam renewal");

        _world.OpportunitiesWhere("name", ConditionOperator.Like, "contoso%").Should().Equal("Contoso renewal 2025", "Contoso pilot");
        _world.OpportunitiesWhere("name", ConditionOperator.Like, "%RENEWAL%").Should().Equal("Contoso renewal 2025", "Fabrikam renewal");
        _world.OpportunitiesWhere("name", ConditionOperator.Like, "Contoso pilo_").Should().Equal("Contoso pilot");
        _world.OpportunitiesWhere("name", ConditionOperator.Like, "[CF]%renewal%").Should().Equal("Contoso renewal 2025", "Fabrikam renewal");
        _world.OpportunitiesWhere("name", ConditionOperator.NotLike, "%renewal%").Should().Equal("Contoso pilot");
    }

    [Fact]
    public void BeginsWith_and_EndsWith_and_their_negations_ignore_case()
    {
        _world.Opportunity("Contoso renewal");
        _world.Opportunity("Fabrikam renewal");
        _world.Opportunity("Contoso pilot");

        _world.OpportunitiesWhere("name", ConditionOperator.BeginsWith, "CONTOSO").Should().Equal("Contoso renewal", "Contoso pilot");
        _world.OpportunitiesWhere("name", ConditionOperator.DoesNotBeginWith, "contoso").Should().Equal("Fabrikam renewal");
        _world.OpportunitiesWhere("name", ConditionOperator.EndsWith, "RENEWAL").Should().Equal("Contoso renewal", "Fabrikam renewal");
        _world.OpportunitiesWhere("name", ConditionOperator.DoesNotEndWith, "renewal").Should().Equal("Contoso pilot");
    }

    [Fact]
    public void BeginsWith_treats_wildcard_characters_in_the_value_literally()
    {
        _world.Opportunity("100% fit");
        _world.Opportunity("1000 seats");

        _world.OpportunitiesWhere("name", ConditionOperator.BeginsWith, "100%").Should().Equal("100% fit");
    }

    [Fact]
    public void In_and_NotIn_match_any_of_the_values()
    {
        _world.Opportunity("Qualify", ("salesstage", new OptionSetValue(0)));
        _world.Opportunity("Develop", ("salesstage", new OptionSetValue(1)));
        _world.Opportunity("Propose", ("salesstage", new OptionSetValue(2)));
        _world.Opportunity("No stage");

        _world.OpportunitiesWhere("salesstage", ConditionOperator.In, 0, 2).Should().Equal("Qualify", "Propose");
        _world.OpportunitiesWhere("salesstage", ConditionOperator.NotIn, 0, 2).Should().Equal("Develop");
    }

    [Fact]
    public void In_accepts_an_array_of_ids_passed_as_one_value()
    {
        var contoso = _world.Account("Contoso");
        var fabrikam = _world.Account("Fabrikam");
        _world.Account("Northwind");
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        query.Criteria.AddCondition("accountid", ConditionOperator.In, new Guid[] { contoso.Id, fabrikam.Id });

        _world.Names(query).Should().Equal("Contoso", "Fabrikam");
    }

    [Fact]
    public void Between_is_inclusive_and_NotBetween_is_its_complement_without_nulls()
    {
        foreach (var score in new[] { 10, 20, 30, 40 })
        {
            _world.Opportunity("Score " + score, ("coach_icpfitscore", score));
        }

        _world.Opportunity("No score");

        _world.OpportunitiesWhere("coach_icpfitscore", ConditionOperator.Between, 20, 30).Should().Equal("Score 20", "Score 30");
        _world.OpportunitiesWhere("coach_icpfitscore", ConditionOperator.NotBetween, 20, 30).Should().Equal("Score 10", "Score 40");
    }

    [Fact]
    public void EqualUserId_matches_rows_owned_by_the_calling_user_and_NotEqualUserId_the_others()
    {
        var colleague = Guid.NewGuid();
        _world.Opportunity("Mine", ("ownerid", new EntityReference("systemuser", _world.CallingUserId)));
        _world.Opportunity("Theirs", ("ownerid", new EntityReference("systemuser", colleague)));
        _world.Opportunity("Unowned");

        _world.OpportunitiesWhere("ownerid", ConditionOperator.EqualUserId).Should().Equal("Mine");
        _world.OpportunitiesWhere("ownerid", ConditionOperator.NotEqualUserId).Should().Equal("Theirs");
    }

    [Fact]
    public void Condition_on_the_primary_id_matches_the_record()
    {
        var wanted = _world.Opportunity("Wanted");
        _world.Opportunity("Other");

        _world.OpportunitiesWhere("opportunityid", ConditionOperator.Equal, wanted.Id).Should().Equal("Wanted");
        _world.OpportunitiesWhere("opportunityid", ConditionOperator.NotEqual, wanted.Id).Should().Equal("Other");
    }

    [Fact]
    public void A_value_that_does_not_fit_the_column_fails_naming_the_column()
    {
        _world.Opportunity("Scored", ("coach_icpfitscore", 40));

        FluentActions.Invoking(() => _world.OpportunitiesWhere("coach_icpfitscore", ConditionOperator.Equal, "forty"))
            .Should().Throw<InvalidQueryException>().WithMessage("*forty*opportunity.coach_icpfitscore*");
    }

    [Fact]
    public void Equal_with_a_null_value_fails_and_points_to_the_Null_operator()
    {
        _world.Opportunity("Any");

        FluentActions.Invoking(() => _world.OpportunitiesWhere("coach_buyertrigger", ConditionOperator.Equal, new object[] { null! }))
            .Should().Throw<InvalidQueryException>().WithMessage("*ConditionOperator.Null*");
    }

    [Fact]
    public void Wrong_number_of_values_fails()
    {
        _world.Opportunity("Any", ("coach_icpfitscore", 1));

        FluentActions.Invoking(() => _world.OpportunitiesWhere("coach_icpfitscore", ConditionOperator.Between, 1))
            .Should().Throw<InvalidQueryException>().WithMessage("*Between*2 value(s)*");
        FluentActions.Invoking(() => _world.OpportunitiesWhere("coach_icpfitscore", ConditionOperator.In))
            .Should().Throw<InvalidQueryException>().WithMessage("*In*at least one value*");
    }

    [Fact]
    public void Like_on_a_number_column_fails()
    {
        _world.Opportunity("Any", ("coach_icpfitscore", 1));

        FluentActions.Invoking(() => _world.OpportunitiesWhere("coach_icpfitscore", ConditionOperator.Like, "1%"))
            .Should().Throw<InvalidQueryException>().WithMessage("*Like applies to text columns*");
    }

    [Fact]
    public void Null_works_on_any_column_type_but_comparing_a_party_list_fails_naming_the_type()
    {
        var to = new EntityCollection();
        to.Entities.Add(new Entity("activityparty"));
        _world.Add("email", ("subject", "With recipients"), ("to", to));
        _world.Add("email", ("subject", "Draft"));
        var withoutRecipients = new QueryExpression("email") { ColumnSet = new ColumnSet("subject") };
        withoutRecipients.Criteria.AddCondition("to", ConditionOperator.Null);
        var comparing = new QueryExpression("email");
        comparing.Criteria.AddCondition("to", ConditionOperator.Equal, "someone");

        _world.Run(withoutRecipients).Entities.Should().ContainSingle().Which.GetAttributeValue<string>("subject").Should().Be("Draft");
        FluentActions.Invoking(() => _world.Run(comparing))
            .Should().Throw<UnsupportedQueryException>().WithMessage("*EntityCollection*");
    }
}
