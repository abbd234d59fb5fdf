using Coaching.Core.Commitments;
using Coaching.Core.Icp;
using Coaching.Core.Opportunities;
using Coaching.Core.Sessions;

namespace Coaching.Core.Tests.Opportunities
{
    public class SalesStagesTests
    {
        [Theory]
        [InlineData("Qualify", SalesStage.Qualify)]
        [InlineData("develop", SalesStage.Develop)]
        [InlineData(" PROPOSE ", SalesStage.Propose)]
        [InlineData("4-Close", SalesStage.Close)]
        [InlineData("2 - Develop", SalesStage.Develop)]
        [InlineData("3.Propose", SalesStage.Propose)]
        public void Reads_stage_names_and_stepname_forms(string text, SalesStage expected)
        {
            SalesStages.TryParse(text, out var stage).Should().BeTrue();
            stage.Should().Be(expected);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("2")]
        [InlineData("Negotiate")]
        [InlineData("Qualify it")]
        public void Does_not_guess_a_stage_from_other_text(string? text)
        {
            SalesStages.TryParse(text, out _).Should().BeFalse();
        }

        [Fact]
        public void Stages_are_in_pipeline_order()
        {
            SalesStages.All.Should().Equal(SalesStage.Qualify, SalesStage.Develop, SalesStage.Propose, SalesStage.Close);
            SalesStages.NameList.Should().Be("Qualify, Develop, Propose, Close");
        }
    }

    public class DataverseValuesTests
    {
        [Fact]
        public void Enums_carry_the_values_stored_in_dataverse()
        {
            new[] { (int)SalesStage.Qualify, (int)SalesStage.Develop, (int)SalesStage.Propose, (int)SalesStage.Close }.Should().Equal(0, 1, 2, 3);
            new[] { (int)OpportunityState.Open, (int)OpportunityState.Won, (int)OpportunityState.Lost }.Should().Equal(0, 1, 2);
            new[] { (int)IcpFitBand.Strong, (int)IcpFitBand.Partial, (int)IcpFitBand.Poor, (int)IcpFitBand.Unknown }
                .Should().Equal(731050000, 731050001, 731050002, 731050003);
            new[] { (int)BuyerStage.Early, (int)BuyerStage.Middle, (int)BuyerStage.Late }.Should().Equal(731050000, 731050001, 731050002);
            new[]
            {
                (int)SessionStep.Determine, (int)SessionStep.Compile, (int)SessionStep.Conduct,
                (int)SessionStep.AssignNextSteps, (int)SessionStep.FollowUp, (int)SessionStep.Done,
            }.Should().Equal(731050000, 731050001, 731050002, 731050003, 731050004, 731050005);
            new[] { (int)SessionTrigger.StageChange, (int)SessionTrigger.ReviewFlag, (int)SessionTrigger.Manual, (int)SessionTrigger.Cadence }
                .Should().Equal(731050000, 731050001, 731050002, 731050003);
            new[] { (int)ActionItemState.Open, (int)ActionItemState.Completed, (int)ActionItemState.Canceled }.Should().Equal(0, 1, 2);
        }
    }
}
