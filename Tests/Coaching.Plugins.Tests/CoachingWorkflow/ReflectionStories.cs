using System;
using System.Linq;
using Coaching.Core.Sessions;
using Coaching.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace Coaching.Plugins.Tests.CoachingWorkflow;

/// <summary>InteractionReflection: after every buyer interaction the rep answers the two questions.</summary>
public class ReflectionStories
{
    private readonly CoachingTeam _team = new();

    private Guid PhoneCall(Guid? regarding, string subject = "Discovery call")
    {
        var call = new Entity(InteractionTables.PhoneCall)
        {
            [ActivityColumns.Subject] = subject,
            [ActivityColumns.Owner] = new EntityReference(SystemUserTable.Name, _team.Rep),
        };
        if (regarding != null) call[ActivityColumns.Regarding] = new EntityReference(OpportunityTable.Name, regarding.Value);
        return _team.AsRep.Create(call);
    }

    /// <summary>The rep writes an answer under each question and marks the task complete.</summary>
    private void Answer(Entity reflection, string wentWell, string notAsExpected)
    {
        var description = reflection.GetAttributeValue<string>(ActivityColumns.Description)
            .Replace(Reflection.WentWellQuestion + "\n", Reflection.WentWellQuestion + "\n" + wentWell + "\n")
            .Replace(Reflection.NotAsExpectedQuestion + "\n", Reflection.NotAsExpectedQuestion + "\n" + notAsExpected + "\n");
        _team.AsRep.Update(new Entity(TaskTable.Name, reflection.Id) { [ActivityColumns.Description] = description });
        _team.Complete(TaskTable.Name, reflection.Id);
    }

    [Fact]
    public void Completing_a_phone_call_on_a_deal_gives_the_rep_a_reflection_task_with_the_two_questions()
    {
        var deal = _team.Deal();
        var call = PhoneCall(deal);

        _team.Complete(InteractionTables.PhoneCall, call);

        var reflection = _team.Tasks(deal, TaskTable.ReflectionSubcategory).Should().ContainSingle().Subject;
        reflection.GetAttributeValue<string>(ActivityColumns.Subject).Should().Be("Reflect on: Discovery call");
        reflection.GetAttributeValue<EntityReference>(ActivityColumns.Owner).Id.Should().Be(_team.Rep);
        reflection.GetAttributeValue<EntityReference>(ActivityColumns.Regarding).Id.Should().Be(deal);
        reflection.GetAttributeValue<string>(TaskTable.Category).Should().Be(TaskTable.CoachingCategory);
        reflection.GetAttributeValue<DateTime>(ActivityColumns.Due).Should().Be(_team.Now.AddDays(1));
        reflection.GetAttributeValue<string>(ActivityColumns.Description)
            .Should().Contain("\nWhat went well and should be repeated?\n")
            .And.Contain("\nWhat did not go as expected and should be avoided?\n");
    }

    [Fact]
    public void Completing_an_appointment_by_updating_its_status_asks_for_a_reflection_too()
    {
        var deal = _team.Deal();
        var meeting = _team.AsRep.Create(new Entity(InteractionTables.Appointment)
        {
            [ActivityColumns.Subject] = "Pilot workshop",
            [ActivityColumns.Regarding] = new EntityReference(OpportunityTable.Name, deal),
        });

        _team.AsRep.Update(new Entity(InteractionTables.Appointment, meeting)
        {
            [ActivityColumns.State] = new OptionSetValue(1),
            [ActivityColumns.Status] = new OptionSetValue(3),
        });

        _team.Tasks(deal, TaskTable.ReflectionSubcategory).Single().GetAttributeValue<string>(ActivityColumns.Subject)
            .Should().Be("Reflect on: Pilot workshop");
    }

    [Fact]
    public void Completing_the_same_call_again_asks_once()
    {
        var deal = _team.Deal();
        var call = PhoneCall(deal);
        _team.Complete(InteractionTables.PhoneCall, call);

        _team.AsRep.Update(new Entity(InteractionTables.PhoneCall, call) { [ActivityColumns.State] = new OptionSetValue(0), [ActivityColumns.Status] = new OptionSetValue(1) });
        _team.Complete(InteractionTables.PhoneCall, call);

        _team.Tasks(deal, TaskTable.ReflectionSubcategory).Should().ContainSingle();
    }

    [Fact]
    public void A_call_that_is_not_about_a_deal_asks_for_nothing()
    {
        var deal = _team.Deal();
        var call = PhoneCall(null, "Internal sync");

        _team.Complete(InteractionTables.PhoneCall, call);

        _team.Tasks(deal).Should().NotContain(t => t.GetAttributeValue<string>(TaskTable.Subcategory) == TaskTable.ReflectionSubcategory);
    }

    [Fact]
    public void The_answers_land_in_the_deals_open_session()
    {
        var deal = _team.Deal();
        var session = _team.StartSession(deal);
        _team.Complete(InteractionTables.PhoneCall, PhoneCall(deal));
        var reflection = _team.Tasks(deal, TaskTable.ReflectionSubcategory).Single();

        Answer(reflection, "Opened with their own numbers.", "I talked price before value.");

        var filed = _team.Session(session);
        filed.GetAttributeValue<string>(SessionTable.WentWell).Should().Be($"Discovery call ({_team.Now:yyyy-MM-dd}):\nOpened with their own numbers.");
        filed.GetAttributeValue<string>(SessionTable.NotAsExpected).Should().Be($"Discovery call ({_team.Now:yyyy-MM-dd}):\nI talked price before value.");
    }

    [Fact]
    public void Reflections_on_two_interactions_before_one_session_both_reach_it()
    {
        var deal = _team.Deal();
        var session = _team.StartSession(deal);
        _team.Complete(InteractionTables.PhoneCall, PhoneCall(deal, "Discovery call"));
        _team.Complete(InteractionTables.PhoneCall, PhoneCall(deal, "Pricing call"));
        var reflections = _team.Tasks(deal, TaskTable.ReflectionSubcategory);

        Answer(reflections[0], "Clear agenda.", "Ran over time.");
        Answer(reflections[1], "Anchored on value.", "Forgot the procurement question.");

        _team.Session(session).GetAttributeValue<string>(SessionTable.WentWell).Should().Be(
            $"Discovery call ({_team.Now:yyyy-MM-dd}):\nClear agenda.\n\nPricing call ({_team.Now:yyyy-MM-dd}):\nAnchored on value.");
    }

    [Fact]
    public void A_reflection_completed_without_answers_files_nothing()
    {
        var deal = _team.Deal();
        var session = _team.StartSession(deal);
        _team.Complete(InteractionTables.PhoneCall, PhoneCall(deal));

        _team.Complete(TaskTable.Name, _team.Tasks(deal, TaskTable.ReflectionSubcategory).Single().Id);

        _team.Session(session).GetAttributeValue<string>(SessionTable.WentWell).Should().BeNull();
    }

    [Fact]
    public void Answers_given_while_no_session_is_open_reach_the_next_session()
    {
        var deal = _team.Deal();
        _team.Complete(InteractionTables.PhoneCall, PhoneCall(deal));
        Answer(_team.Tasks(deal, TaskTable.ReflectionSubcategory).Single(), "Opened with their own numbers.", "I talked price before value.");
        var answeredOn = _team.Now;
        _team.Emulator.AdvanceTime(TimeSpan.FromDays(1));

        var session = _team.Session(_team.StartSession(deal));

        session.GetAttributeValue<string>(SessionTable.WentWell).Should().Be($"Discovery call ({answeredOn:yyyy-MM-dd}):\nOpened with their own numbers.");
        session.GetAttributeValue<string>(SessionTable.NotAsExpected).Should().Be($"Discovery call ({answeredOn:yyyy-MM-dd}):\nI talked price before value.");
    }

    [Fact]
    public void A_new_session_gathers_only_what_was_answered_after_the_previous_one_closed()
    {
        var deal = _team.Deal();
        var first = _team.StartSession(deal);
        _team.Complete(InteractionTables.PhoneCall, PhoneCall(deal, "Discovery call"));
        Answer(_team.Tasks(deal, TaskTable.ReflectionSubcategory).Single(), "Clear agenda.", "Ran over time.");
        _team.AgreeNextSteps(first, "Send the ROI sheet");
        _team.MoveSession(first, SessionStep.Done);
        _team.Emulator.AdvanceTime(TimeSpan.FromDays(1));
        _team.Complete(InteractionTables.PhoneCall, PhoneCall(deal, "Pricing call"));
        Answer(_team.Tasks(deal, TaskTable.ReflectionSubcategory).Single(t => t.GetAttributeValue<string>(ActivityColumns.Subject) == "Reflect on: Pricing call"),
            "Anchored on value.", "Forgot the procurement question.");
        _team.Emulator.AdvanceTime(TimeSpan.FromDays(7));

        var second = _team.Session(_team.StartSession(deal));

        _team.Session(first).GetAttributeValue<string>(SessionTable.WentWell).Should().Contain("Clear agenda.");
        second.GetAttributeValue<string>(SessionTable.WentWell).Should().Be($"Pricing call ({_team.Now.AddDays(-7):yyyy-MM-dd}):\nAnchored on value.");
    }
}
