using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Coach.SolutionSource;

namespace Coach.Tests.SolutionSource;

public class FormsViewsAndRolesTests
{
    private static readonly SolutionSourceTree Tree = SolutionSourceReader.Read(TestRepo.Layout);

    private static XElement Xml(SourceLocation location) => XDocument.Load(Path.Combine(TestRepo.Root, location.File)).Root!;

    private static XElement View(string name) =>
        Xml(Tree.Views.Single(v => v.Name == name).Location).Descendants("savedquery").Single();

    private static XElement Fetch(string name) => View(name).Element("fetchxml")!.Element("fetch")!.Element("entity")!;

    private static string Condition(XElement entity, string attribute) =>
        entity.Descendants("condition").Where(c => (string?)c.Attribute("attribute") == attribute)
            .Select(c => $"{c.Attribute("operator")!.Value} {(string?)c.Attribute("value") ?? string.Join(",", c.Elements("value").Select(v => v.Value))}".Trim())
            .Single();

    [Fact]
    public void The_opportunity_form_has_a_micro_coaching_tab_with_the_coaching_fields_and_the_sessions()
    {
        var form = Tree.Forms.Single(f => f.Table == "opportunity" && f.FormType == "main");
        var xml = Xml(form.Location);
        var tab = xml.Descendants("tab").Single(t => t.Element("labels")!.Element("label")!.Attribute("description")!.Value == "Micro-coaching");
        var fields = tab.Descendants("control").Select(c => (string?)c.Attribute("datafieldname")).Where(n => n != null).ToList();

        fields.Should().Contain(new[]
        {
            "coach_icpfitscore", "coach_icpfitband", "coach_icpfitreasons", "coach_reviewflag", "coach_reviewreasons",
            "coach_buyingtrigger", "coach_buyerpersona", "coach_buyerstage", "coach_buyersignals",
            "coach_nextinteractiondate", "coach_nextinteractiongoal", "coach_lastcoachedon",
        });

        var grid = form.Subgrids.Single();
        grid.TargetEntity.Should().Be("coach_microcoachingsession");
        grid.RelationshipName.Should().Be("opportunity_coach_microcoachingsessions");
        Tree.Views.Should().Contain(v => v.Id == grid.ViewId && v.Table == "coach_microcoachingsession");

        var readOnly = tab.Descendants("control").Where(c => (string?)c.Attribute("disabled") == "true").Select(c => c.Attribute("datafieldname")!.Value);
        readOnly.Should().Contain(new[] { "coach_icpfitscore", "coach_icpfitband", "coach_reviewflag", "coach_reviewreasons" }, "the plugins set these; a manager reads them");
    }

    [Fact]
    public void The_session_form_is_laid_out_by_the_three_components_and_the_five_steps()
    {
        var form = Tree.Forms.Single(f => f.Table == "coach_microcoachingsession" && f.FormType == "main");
        var xml = Xml(form.Location);
        string[] Section(string label) => xml.Descendants("section")
            .Single(s => s.Element("labels")!.Element("label")!.Attribute("description")!.Value == label)
            .Descendants("control").Select(c => c.Attribute("datafieldname")!.Value).ToArray();

        Section("The opportunity").Should().Equal("coach_opportunitysnapshot");
        Section("The buyer").Should().Equal("coach_buyersnapshot");
        Section("The rep").Should().Equal("coach_repsnapshot");
        Section("1 Determine · 2 Compile").Should().Contain("coach_step");
        Section("3 Conduct: the rep's reflections").Should().Equal("coach_wentwell", "coach_notasexpected");
        Section("4 Assign next steps (one to three)").Should().Equal("coach_actionitems");
        Section("5 Follow up").Should().Equal("coach_followupdue", "coach_commitmentskept", "coach_commitmentsmissed", "coach_executionconcern");

        var session = Tree.Table("coach_microcoachingsession")!;
        form.Fields.Select(f => f.Name).Should().Contain(session.Columns.Keys.Where(c => c.StartsWith("coach_", StringComparison.Ordinal)), "every session column has a place on the form");
    }

    [Fact]
    public void Deals_to_review_lists_open_flagged_early_stage_deals_largest_first()
    {
        var entity = Fetch("Deals to review in pipeline meeting");
        entity.Attribute("name")!.Value.Should().Be("opportunity");
        Condition(entity, "statecode").Should().Be("eq 0");
        Condition(entity, "coach_reviewflag").Should().Be("eq 1");
        Condition(entity, "salesstage").Should().Be("in 0,1", "Qualify and Develop are the early stages");
        var order = entity.Element("order")!;
        order.Attribute("attribute")!.Value.Should().Be("estimatedvalue");
        order.Attribute("descending")!.Value.Should().Be("true");
    }

    [Fact]
    public void My_coaching_tasks_lists_my_open_micro_coaching_tasks_by_due_date()
    {
        var entity = Fetch("My coaching tasks");
        entity.Attribute("name")!.Value.Should().Be("task");
        Condition(entity, "ownerid").Should().Be("eq-userid");
        Condition(entity, "category").Should().Be("eq Micro-coaching");
        Condition(entity, "statecode").Should().Be("eq 0");
        entity.Element("order")!.Attribute("attribute")!.Value.Should().Be("scheduledend");
        entity.Element("order")!.Attribute("descending")!.Value.Should().Be("false");
    }

    [Fact]
    public void Coaching_sessions_this_week_uses_the_this_week_operator()
    {
        var entity = Fetch("Coaching sessions this week");
        entity.Attribute("name")!.Value.Should().Be("coach_microcoachingsession");
        entity.Descendants("condition").Select(c => c.Attribute("operator")!.Value).Should().OnlyContain(o => o == "this-week");
        View("Coaching sessions this week").Element("querytype")!.Value.Should().Be("0", "a public view");
    }

    [Fact]
    public void The_session_table_has_the_views_a_new_table_needs()
    {
        var views = Tree.Views.Where(v => v.Table == "coach_microcoachingsession").ToList();
        views.Should().Contain(v => v.QueryType == 0 && v.IsDefault);
        views.Select(v => v.QueryType).Should().Contain(new[] { 1, 2, 4, 64 });
    }

    [Fact]
    public void The_sales_coach_role_has_full_session_work_and_reads_the_business_units_opportunities()
    {
        var role = Tree.Roles.Single(r => r.Name == "Sales Coach");
        string Level(string privilege) => role.Privileges.Single(p => p.Name == privilege).Level;

        foreach (var access in new[] { "Create", "Read", "Write", "Delete", "Append", "AppendTo", "Assign", "Share" })
        {
            role.Privileges.Should().Contain(p => p.Name == $"prv{access}Activity", "sessions are activities and share the Activity privileges");
        }

        Level("prvReadOpportunity").Should().Be("Local");
        Level("prvReadActivity").Should().Be("Local", "a coach reads the team's sessions and tasks");
        role.Privileges.Should().NotContain(p => p.Name.StartsWith("prvWriteOpportunity", StringComparison.Ordinal) || p.Name.StartsWith("prvDeleteOpportunity", StringComparison.Ordinal));
    }

    [Fact]
    public void The_sales_rep_role_reads_and_writes_only_its_own_activities()
    {
        var role = Tree.Roles.Single(r => r.Name == "Sales Rep – Coaching");
        role.Privileges.Where(p => p.Name.EndsWith("Activity", StringComparison.Ordinal)).Should().OnlyContain(p => p.Level == "Basic");
        role.Privileges.Select(p => p.Name).Should().Contain(new[] { "prvReadActivity", "prvWriteActivity" });
        role.Privileges.Select(p => p.Name).Should().NotContain(new[] { "prvCreateActivity", "prvDeleteActivity", "prvAssignActivity", "prvShareActivity" });
        role.Privileges.Should().NotContain(p => p.Level == "Global", "the plugins read the settings as the system, so the role needs nothing organization-wide");
    }
}
