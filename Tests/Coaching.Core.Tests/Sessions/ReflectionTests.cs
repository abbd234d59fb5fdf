using System;
using Coaching.Core.Sessions;
using Coaching.Core.Text;

namespace Coaching.Core.Tests.Sessions
{
    public class ReflectionTests
    {
        private static readonly DateTime Completed = new DateTime(2026, 3, 9, 15, 30, 0, DateTimeKind.Utc);

        [Fact]
        public void The_task_asks_both_questions_as_headings_and_is_due_a_day_later()
        {
            var task = Reflection.Task("phone call", "Discovery call with Contoso", Completed.AddDays(-2), Completed);

            task.Subject.Should().Be("Reflect on: Discovery call with Contoso");
            task.Due.Should().Be(Completed.AddDays(1));
            task.Description.Should().StartWith("After your phone call 'Discovery call with Contoso' on 2026-03-07, write your answer under each question");
            task.Description.Should().Contain("\nWhat went well and should be repeated?\n").And.Contain("\nWhat did not go as expected and should be avoided?\n");
        }

        [Fact]
        public void An_untouched_task_holds_no_answers()
        {
            Reflection.Parse(Reflection.Task("appointment", "Demo", Completed, Completed).Description).HasAnswers.Should().BeFalse();
        }

        [Fact]
        public void Answers_are_read_from_under_each_heading()
        {
            var description = Reflection.Task("appointment", "Demo", Completed, Completed).Description
                .Replace("should be repeated?\n\n", "should be repeated?\nOpened with their numbers.\nThey asked about pricing.\n")
                + "Ran over time.\n";

            var answers = Reflection.Parse(description);

            answers.WentWell.Should().Be("Opened with their numbers.\nThey asked about pricing.");
            answers.NotAsExpected.Should().Be("Ran over time.");
        }

        [Fact]
        public void Headings_are_recognised_in_any_case_with_markdown_marks_and_colons()
        {
            var answers = Reflection.Parse("## WHAT WENT WELL AND SHOULD BE REPEATED?:\r\nthe demo\r\n- what did not go as expected and should be avoided?\r\n");

            answers.WentWell.Should().Be("the demo");
            answers.NotAsExpected.Should().BeNull();
        }

        [Fact]
        public void Text_without_the_headings_is_no_answer()
        {
            Reflection.Parse("It went fine.").HasAnswers.Should().BeFalse();
            Reflection.Parse(null).HasAnswers.Should().BeFalse();
        }

        [Fact]
        public void Answers_from_several_interactions_stay_apart_under_their_labels()
        {
            var first = Reflection.Append(null, "Opened well", Reflection.Label("Reflect on: Demo", Completed), 4000);
            var both = Reflection.Append(first, "Clear next step", Reflection.Label("Reflect on: Follow-up call", Completed.AddDays(2)), 4000);

            both.Should().Be("Demo (2026-03-09):\nOpened well\n\nFollow-up call (2026-03-11):\nClear next step");
        }

        [Fact]
        public void The_oldest_text_gives_way_when_the_column_is_full()
        {
            var full = Reflection.Append(new string('a', 50), "newest", "Call", 30);

            full.Should().HaveLength(30).And.StartWith(Shorten.StartMarker).And.EndWith("Call:\nnewest");
        }
    }
}
