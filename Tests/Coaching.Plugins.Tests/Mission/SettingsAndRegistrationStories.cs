using System;
using System.Linq;
using Coaching.Core.Opportunities;
using Coaching.Plugins.EntryPoints;
using Coaching.Plugins.Schema;
using Coaching.Plugins.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Pipeline;

namespace Coaching.Plugins.Tests.Mission;

public class SettingsAndRegistrationStories
{
    [Fact]
    public void Malformed_settings_name_the_variable_and_path_and_the_save_changes_nothing()
    {
        var world = CoachingWorld.Create("""{ "icp": { "weights": { "industry": "high" } } }""");
        var account = world.FittingAccount();

        var create = () => world.Opportunity("Contoso renewal", account);

        create.Should().Throw<InvalidPluginExecutionException>()
            .WithMessage("coach_CoachingSettings: icp.weights.industry: expected a whole number from 0 to 100, found \"high\"");
        world.Emulator.Store.Count(OpportunityTable.Name).Should().Be(0);
    }

    [Fact]
    public void An_environment_value_overrides_only_what_it_names()
    {
        var world = CoachingWorld.Create("""{ "stageGate": { "minimumGoalLength": 40 } }""");
        var id = world.Opportunity("Contoso renewal", world.FittingAccount(), goal: "Agree the pilot scope with the CFO", nextInteraction: world.Now.AddDays(3));

        var move = () => world.MoveToStage(id, SalesStage.Develop);

        move.Should().Throw<InvalidPluginExecutionException>().WithMessage("*at least 40 characters*");
        world.Read(id).GetAttributeValue<int?>(OpportunityTable.IcpFitScore).Should().Be(100, "the ICP defaults still apply");
    }

    [Fact]
    public void A_step_registered_on_the_wrong_table_says_so()
    {
        var world = CoachingWorld.Create();
        world.Emulator.RegisterStep(new StepRegistration("Update", AccountTable.Name, PipelineStage.PreOperation, new StageGatePlugin())
        {
            PluginTypeName = typeof(StageGatePlugin).FullName!,
        });
        var account = world.FittingAccount();

        var update = () => world.AsRep.Update(new Entity(AccountTable.Name, account.Id) { ["name"] = "Contoso" });

        update.Should().Throw<InvalidPluginExecutionException>().WithMessage(
            "Coaching.Plugins.EntryPoints.StageGatePlugin is registered on Update of account at stage 20, but it handles only: Update of opportunity at stage 10; Update of opportunitysalesprocess at stage 10. Correct the step registration.");
    }
}
