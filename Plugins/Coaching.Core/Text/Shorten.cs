namespace Coaching.Core.Text
{
    /// <summary>
    /// Fits text into a column of fixed length the way a reader wants it: the text is kept as far as it fits and
    /// says it was shortened, instead of the platform refusing the whole write.
    /// </summary>
    public static class Shorten
    {
        /// <summary>Ends text cut after its start.</summary>
        public const string EndMarker = "\u2026 (shortened)";

        /// <summary>Starts text cut before its end.</summary>
        public const string StartMarker = "(shortened) \u2026";

        /// <summary>The text when it fits, else its start followed by <see cref="EndMarker"/>, <paramref name="maxLength"/> characters in all.</summary>
        public static string KeepStart(string text, int maxLength)
        {
            if (text == null || text.Length <= maxLength)
            {
                return text!;
            }

            var keep = maxLength - EndMarker.Length;
            if (keep > 0 && char.IsHighSurrogate(text[keep - 1]))
            {
                keep--; // never split a surrogate pair
            }

            return keep <= 0 ? EndMarker.Substring(0, maxLength) : text.Substring(0, keep).TrimEnd() + EndMarker;
        }

        /// <summary>The text when it fits, else <see cref="StartMarker"/> followed by its end (the newest part of a log).</summary>
        public static string KeepEnd(string text, int maxLength)
        {
            if (text == null || text.Length <= maxLength)
            {
                return text!;
            }

            var keep = maxLength - StartMarker.Length;
            var start = text.Length - keep;
            if (keep > 0 && char.IsLowSurrogate(text[start]))
            {
                start++;
            }

            return keep <= 0 ? StartMarker.Substring(0, maxLength) : StartMarker + text.Substring(start).TrimStart();
        }
    }

    /// <summary>The lengths of the text columns the coaching rules write (task, micro-coaching session; see Solution/src and the platform's task table).</summary>
    public static class ColumnLimits
    {
        /// <summary>task.subject.</summary>
        public const int TaskSubject = 200;

        /// <summary>task.description.</summary>
        public const int TaskDescription = 2000;

        /// <summary>coach_microcoachingsession.subject.</summary>
        public const int SessionSubject = 400;

        /// <summary>coach_opportunitysnapshot, coach_buyersnapshot, coach_repsnapshot.</summary>
        public const int SessionSnapshot = 4000;
    }
}
