using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace CoachingPanel.Tests
{
    /// <summary>
    /// The coaching panel is TypeScript with its own test runner; this runs it from <c>dotnet test</c> so the
    /// README's one test command covers it. Missing prerequisites fail with what to run, never skip silently.
    /// </summary>
    public class CoachingPanelNpmTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

        [Fact]
        public void The_panel_builds_and_its_unit_and_browser_tests_pass()
        {
            var folder = PanelFolder();
            RequireTool("node", "--version", "Node.js 20 or later is needed for the coaching panel: install it, then run .ci/run.");
            Directory.Exists(Path.Combine(folder, "node_modules", "pcf-scripts")).Should().BeTrue(
                "the coaching panel's packages must be installed: run `npm ci` in CoachingPanel/ (.ci/run does it)");
            var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
            File.Exists(chromium).Should().BeTrue(
                "the browser tests drive Debian's Chromium at {0}: run `apt-get install -y chromium` as root (.ci/run does it)", chromium);

            var (exitCode, output) = Run(folder, "npm", "test");

            exitCode.Should().Be(0, "npm test in CoachingPanel/ failed:\n{0}", Tail(output, 12000));
        }

        private static string PanelFolder()
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory != null && !File.Exists(Path.Combine(directory.FullName, "CoachingPlugins.sln")))
            {
                directory = directory.Parent;
            }

            if (directory == null) throw new InvalidOperationException("CoachingPlugins.sln not found above " + AppContext.BaseDirectory);
            return Path.Combine(directory.FullName, "CoachingPanel");
        }

        private static void RequireTool(string tool, string arguments, string because)
        {
            try
            {
                Run(Directory.GetCurrentDirectory(), tool, arguments).ExitCode.Should().Be(0, because);
            }
            catch (System.ComponentModel.Win32Exception)
            {
                throw new Xunit.Sdk.XunitException(because);
            }
        }

        private static (int ExitCode, string Output) Run(string workingDirectory, string tool, string arguments)
        {
            var windows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
            var start = new ProcessStartInfo(windows ? "cmd.exe" : tool, windows ? "/c " + tool + " " + arguments : arguments)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["PP_TOOLS_TELEMETRY_OPTOUT"] = "true";
            start.Environment["NO_COLOR"] = "1";
            start.Environment["CI"] = "true";

            var output = new StringBuilder();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit((int)Timeout.TotalMilliseconds))
            {
                process.Kill(entireProcessTree: true);
                return (-1, output + "\n(timed out after " + Timeout.TotalMinutes + " minutes)");
            }

            process.WaitForExit();
            lock (output) return (process.ExitCode, output.ToString());
        }

        private static string Tail(string text, int length) => text.Length <= length ? text : "…" + text.Substring(text.Length - length);
    }
}
