using System;
using Coaching.Core.Settings;
using FsCheck;
using FsCheck.Xunit;

namespace Coaching.Core.Tests.Settings
{
    public class SettingsRobustnessProperties
    {
        [Property(MaxTest = 300)]
        public bool Any_text_either_reads_as_settings_or_fails_naming_the_variable(string? text)
        {
            return ParsesOrFailsWell(text);
        }

        [Property(MaxTest = 300)]
        public bool The_default_json_cut_short_anywhere_fails_naming_the_variable(PositiveInt cut)
        {
            var json = CoachingSettings.DefaultJson;
            var text = json.Substring(0, cut.Get % json.Length);
            try
            {
                CoachingSettingsParser.Parse(text);
                return false;
            }
            catch (CoachingSettingsException e)
            {
                return e.Message.StartsWith("coach_CoachingSettings: ", StringComparison.Ordinal);
            }
        }

        private static bool ParsesOrFailsWell(string? text)
        {
            try
            {
                CoachingSettingsParser.Parse(text);
                return true;
            }
            catch (CoachingSettingsException e)
            {
                return e.Message.StartsWith("coach_CoachingSettings: ", StringComparison.Ordinal);
            }
        }
    }
}
