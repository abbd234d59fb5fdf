using System;
using Coaching.Core.Sessions;
using FsCheck;
using FsCheck.Xunit;

namespace Coaching.Core.Tests.Sessions
{
    public class PrepDueProperties
    {
        private static readonly DateTime Now = new DateTime(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc);

        [Property(MaxTest = 500)]
        public bool Prep_is_never_due_before_now_nor_after_an_upcoming_interaction(int minutesFromNow, bool hasInteraction, byte leadHours)
        {
            DateTime? next = hasInteraction ? Now.AddMinutes(minutesFromNow % 100000) : (DateTime?)null;

            var due = SessionComposer.PrepDue(next, leadHours, Now);

            return due >= Now && (next == null || next <= Now || due <= next);
        }
    }
}
