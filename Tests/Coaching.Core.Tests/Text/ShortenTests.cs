using Coaching.Core.Text;

namespace Coaching.Core.Tests.Text
{
    public class ShortenTests
    {
        [Fact]
        public void Text_that_fits_is_left_alone()
        {
            Shorten.KeepStart("Call the CFO", 12).Should().Be("Call the CFO");
            Shorten.KeepEnd("Call the CFO", 12).Should().Be("Call the CFO");
        }

        [Fact]
        public void Text_that_does_not_fit_keeps_its_start_and_says_it_was_shortened()
        {
            var shortened = Shorten.KeepStart("Agree the pilot scope with the CFO and the head of procurement", 40);

            shortened.Should().Be("Agree the pilot scope with\u2026 (shortened)", "the cut keeps 40 characters and drops the space before the mark");
        }

        [Fact]
        public void A_log_that_does_not_fit_keeps_its_newest_end_and_says_older_text_was_shortened()
        {
            var shortened = Shorten.KeepEnd("first entry\n\nsecond entry\n\nnewest entry", 30);

            shortened.Should().HaveLength(30).And.StartWith("(shortened) \u2026").And.EndWith("newest entry");
        }

        [Fact]
        public void A_cut_never_splits_a_character_made_of_two_code_units()
        {
            var text = new string('a', 20) + "\U0001F600" + new string('b', 20);

            var shortened = Shorten.KeepStart(text, 21 + Shorten.EndMarker.Length);

            shortened.Should().Be(new string('a', 20) + Shorten.EndMarker);
        }
    }
}
