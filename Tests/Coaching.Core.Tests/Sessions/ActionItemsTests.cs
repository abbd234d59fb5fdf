using Coaching.Core.Sessions;

namespace Coaching.Core.Tests.Sessions
{
    public class ActionItemsTests
    {
        [Fact]
        public void Reads_one_item_per_line_without_bullets_numbers_or_blank_lines()
        {
            var result = ActionItems.Parse("- Send the ROI sheet\r\n\r\n  2. Book the CFO call  \n* Ask for the buying committee\n", 3);

            result.IsValid.Should().BeTrue();
            result.Message.Should().BeEmpty();
            result.Items.Should().Equal("Send the ROI sheet", "Book the CFO call", "Ask for the buying committee");
        }

        [Theory]
        [InlineData("1) Call back", "Call back")]
        [InlineData("• Call back", "Call back")]
        [InlineData("-5% discount only with a 2-year term", "-5% discount only with a 2-year term")]
        [InlineData("2026 budget: confirm with finance", "2026 budget: confirm with finance")]
        [InlineData("3.5 hours of discovery", "3.5 hours of discovery")]
        public void Strips_only_real_bullets(string line, string item)
        {
            ActionItems.Parse(line, 3).Items.Should().Equal(item);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData(" \n - \n 1. ")]
        public void No_items_is_not_a_valid_set_of_next_steps(string? text)
        {
            var result = ActionItems.Parse(text, 3);

            result.IsValid.Should().BeFalse();
            result.Items.Should().BeEmpty();
            result.Message.Should().Be("Assign between 1 and 3 action items, one per line; found 0.");
        }

        [Fact]
        public void More_than_the_maximum_is_refused_with_the_count()
        {
            var result = ActionItems.Parse("a\nb\nc\nd\ne", 3);

            result.IsValid.Should().BeFalse();
            result.Items.Should().HaveCount(5);
            result.Message.Should().Be("Assign between 1 and 3 action items, one per line; found 5.");
        }

        [Fact]
        public void Exactly_the_maximum_is_fine()
        {
            ActionItems.Parse("a\nb\nc", 3).IsValid.Should().BeTrue();
            ActionItems.Parse("a\nb", 2).IsValid.Should().BeTrue();
            ActionItems.Parse("a\nb\nc", 2).Message.Should().Be("Assign between 1 and 2 action items, one per line; found 3.");
        }

        [Fact]
        public void With_a_maximum_of_one_the_message_asks_for_exactly_one()
        {
            ActionItems.Parse("a\nb", 1).Message.Should().Be("Assign exactly 1 action item; found 2.");
        }
    }
}
