using System;
using System.IO;
using System.Linq;
using Coach.Deploy;
using Coach.SolutionSource;
using Coach.Tests.SolutionSource;
using Coaching.Core.Settings;

namespace Coach.Tests.Deploy;

public class PacConfigTests
{
    private static PacConfig Parse(string json) => PacConfigLoader.Parse(json, "pac-config.json");

    [Fact]
    public void The_checked_in_pac_config_names_the_solution_and_its_settings_file()
    {
        var config = PacConfigLoader.Load(Path.Combine(TestRepo.Root, "pac-config.json"), "pac-config.json");

        config.SolutionName.Should().Be("CoachingPlugins");
        config.PublisherPrefix.Should().Be("coach");
        config.Managed.Should().BeFalse();
        config.SettingsFile.Should().Be("Solution/settings/example.settings.json");
        config.IsPlaceholderEnvironment.Should().BeTrue("the checked-in file is the example an admin fills in");
    }

    [Theory]
    [InlineData("{ \"environmentUrl\": \"https://x.crm.dynamics.com\", \"solutionName\": \"CoachingPlugins\", }", null)]
    [InlineData("{ \"environmentUrl\": \"https://x.crm.dynamics.com\" \"solutionName\": \"CoachingPlugins\" }", "not valid JSON (line 1")]
    [InlineData("[]", "$: expected an object")]
    [InlineData("{ \"solutionName\": \"CoachingPlugins\" }", "$.environmentUrl: missing")]
    [InlineData("{ \"environmentUrl\": \"contoso.crm.dynamics.com\", \"solutionName\": \"CoachingPlugins\" }", "$.environmentUrl: expected the https URL")]
    [InlineData("{ \"environmentUrl\": \"https://x.crm.dynamics.com\", \"solutionName\": 7 }", "$.solutionName: expected a string")]
    [InlineData("{ \"environmentUrl\": \"https://x.crm.dynamics.com\", \"solutionName\": \"CoachingPlugins\", \"managed\": \"yes\" }", "$.managed: expected true or false; found the string \"yes\"")]
    [InlineData("{ \"environmentURL\": \"https://x.crm.dynamics.com\", \"solutionName\": \"CoachingPlugins\" }", "$.environmentURL: unknown setting; did you mean \"environmentUrl\"?")]
    [InlineData("{ \"environmentUrl\": \"https://x.crm.dynamics.com\", \"solutionName\": \"CoachingPlugins\", \"settingsFile\": false }", "$.settingsFile: expected a string or null")]
    public void A_malformed_pac_config_names_the_json_path_at_fault(string json, string? expected)
    {
        var parse = () => Parse(json);

        if (expected == null)
        {
            parse.Should().NotThrow("trailing commas are forgiven");
            return;
        }

        parse.Should().Throw<ConfigurationException>().Which.Message.Should().StartWith("pac-config.json: ").And.Contain(expected);
    }

    [Fact]
    public void A_solution_name_that_is_not_the_source_solution_is_refused()
    {
        var config = Parse("{ \"environmentUrl\": \"https://x.crm.dynamics.com\", \"solutionName\": \"CoachingPlugin\" }");

        var plan = () => DeployPlan.Create(TestRepo.Layout, config, "pac-config.json");

        plan.Should().Throw<ConfigurationException>().WithMessage("pac-config.json: $.solutionName: \"CoachingPlugin\" is not the solution in Solution/src, which is \"CoachingPlugins\".");
    }

    [Fact]
    public void A_settings_file_that_does_not_exist_is_refused()
    {
        var config = Parse("{ \"environmentUrl\": \"https://x.crm.dynamics.com\", \"solutionName\": \"CoachingPlugins\", \"settingsFile\": \"Solution/settings/prod.settings.json\" }");

        var plan = () => DeployPlan.Create(TestRepo.Layout, config, "pac-config.json");

        plan.Should().Throw<ConfigurationException>().WithMessage("pac-config.json: $.settingsFile: \"Solution/settings/prod.settings.json\" does not exist*");
    }
}

public class DeploymentSettingsTests
{
    private static readonly SolutionSourceTree Tree = SolutionSourceReader.Read(TestRepo.Layout);

    private static DeploymentSettings Parse(string json) => DeploymentSettings.Parse(json, "dev.settings.json", Tree);

    [Fact]
    public void The_example_settings_file_is_valid_and_sets_the_shipped_defaults()
    {
        var settings = DeploymentSettings.Load(Path.Combine(TestRepo.Root, "Solution", "settings", "example.settings.json"), "example.settings.json", Tree);

        settings.EnvironmentVariables.Should().ContainSingle().Which.Should().Be(new EnvironmentVariableSetting(CoachingSettingsException.VariableName, CoachingSettings.DefaultJson));
        settings.ConnectionReferences.Should().BeEmpty();
    }

    [Fact]
    public void Settings_json_that_the_plugins_would_reject_is_refused_before_deploying()
    {
        var value = CoachingSettings.DefaultJson.Replace("\"industry\": 25", "\"industry\": \"high\"");
        var json = "{ \"EnvironmentVariables\": [ { \"SchemaName\": \"coach_CoachingSettings\", \"Value\": " + System.Text.Json.JsonSerializer.Serialize(value) + " } ], \"ConnectionReferences\": [] }";

        var parse = () => Parse(json);

        parse.Should().Throw<ConfigurationException>().Which.Message.Should()
            .StartWith("dev.settings.json: $.EnvironmentVariables[0].Value: coach_CoachingSettings: icp.weights.industry");
    }

    [Fact]
    public void A_partial_settings_value_is_accepted_because_missing_keys_keep_their_defaults()
    {
        var settings = Parse("{ \"EnvironmentVariables\": [ { \"SchemaName\": \"coach_CoachingSettings\", \"Value\": \"{ \\\"cadence\\\": { \\\"sessionsPerRepPerWeek\\\": 2 } }\" } ], \"ConnectionReferences\": [] }");

        settings.EnvironmentVariables.Single().Value.Should().Be("{ \"cadence\": { \"sessionsPerRepPerWeek\": 2 } }");
    }

    [Theory]
    [InlineData("{ \"EnvironmentVariables\": [ { \"SchemaName\": \"coach_Coaching\", \"Value\": \"\" } ], \"ConnectionReferences\": [] }", "$.EnvironmentVariables[0].SchemaName: 'coach_Coaching' is not an environment variable of the solution")]
    [InlineData("{ \"EnvironmentVariables\": [ { \"SchemaName\": \"coach_CoachingSettings\", \"Value\": { \"icp\": {} } } ], \"ConnectionReferences\": [] }", "$.EnvironmentVariables[0].Value: expected the JSON settings as a string")]
    [InlineData("{ \"EnvironmentVariables\": [] }", "$.ConnectionReferences: missing")]
    [InlineData("{ \"EnvironmentVariables\": {}, \"ConnectionReferences\": [] }", "$.EnvironmentVariables: expected an array")]
    [InlineData("{ \"EnvironmentVariables\": [], \"ConnectionReferences\": [ { \"LogicalName\": \"x\" } ] }", "$.ConnectionReferences[0].ConnectionId: missing")]
    public void A_malformed_settings_file_names_the_json_path_at_fault(string json, string expected)
    {
        var parse = () => Parse(json);

        parse.Should().Throw<ConfigurationException>().Which.Message.Should().Contain(expected);
    }

    [Fact]
    public void Pac_is_found_on_the_path_or_reported_missing()
    {
        var folder = Path.Combine(Path.GetTempPath(), "coach-pac-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            PacLocator.Find(folder, windows: false).Should().BeNull();
            File.WriteAllText(Path.Combine(folder, "pac"), string.Empty);
            PacLocator.Find("/nonexistent" + Path.PathSeparator + folder, windows: false).Should().Be(Path.Combine(folder, "pac"));
            PacLocator.MissingMessage.Should().Contain("dotnet tool install --global Microsoft.PowerApps.CLI.Tool");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
