using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using Coach.SolutionSource;
using Coaching.Plugins.Schema;

namespace Coach.Tests.SolutionSource;

/// <summary>
/// The daily refresh ships as a cloud flow in the layout SolutionPackager gives real exports: Workflows/&lt;name&gt;-&lt;id&gt;.json
/// with its .json.data.xml (category 5, JsonFileName), a Dataverse connection reference in Customizations.xml, and a
/// type 29 root component. What it calls must be the custom API the solution has, looping on its continuation token.
/// </summary>
public class DailyRefreshFlowTests
{
    private const string DataverseConnector = "shared_commondataserviceforapps";
    private static readonly SolutionSourceTree Tree = SolutionSourceReader.Read(TestRepo.Layout);

    private static CloudFlowDefinition Flow => Tree.CloudFlows.Should().ContainSingle().Subject;

    private static JsonElement Definition()
    {
        var path = Path.Combine(TestRepo.Layout.SolutionSource, Flow.JsonFileName!.TrimStart('/'));
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("properties");
    }

    [Fact]
    public void The_flow_is_a_modern_flow_listed_as_a_root_component()
    {
        Flow.Category.Should().Be(5);
        Flow.JsonFileName.Should().MatchRegex(@"^/Workflows/CoachingDailyRefresh-[0-9A-F-]{36}\.json$");
        Tree.Manifest!.RootComponents.Should().Contain(r => r.Type == ComponentTypes.Process && r.Id == Flow.Id);
    }

    [Fact]
    public void It_runs_every_day_and_calls_the_refresh_until_the_continuation_token_comes_back_empty()
    {
        var definition = Definition().GetProperty("definition");
        var trigger = definition.GetProperty("triggers").EnumerateObject().Single().Value;
        trigger.GetProperty("type").GetString().Should().Be("Recurrence");
        trigger.GetProperty("recurrence").GetProperty("frequency").GetString().Should().Be("Day");
        trigger.GetProperty("recurrence").GetProperty("interval").GetInt32().Should().Be(1);

        var loop = definition.GetProperty("actions").EnumerateObject().Single(a => a.Value.GetProperty("type").GetString() == "Until").Value;
        loop.GetProperty("expression").GetString().Should().Contain("ContinuationToken").And.Contain("''");
        var call = loop.GetProperty("actions").EnumerateObject().Single(a => a.Value.GetProperty("type").GetString() == "OpenApiConnection").Value.GetProperty("inputs");
        call.GetProperty("host").GetProperty("operationId").GetString().Should().Be("PerformUnboundAction");
        call.GetProperty("host").GetProperty("connectionName").GetString().Should().Be(DataverseConnector);
        call.GetProperty("parameters").GetProperty("actionName").GetString().Should().Be(RefreshCoachingSignalsMessage.Name);
        call.GetProperty("parameters").GetProperty("item/" + RefreshCoachingSignalsMessage.ContinuationToken).GetString().Should().Contain("ContinuationToken");

        var api = Tree.CustomApis.Should().ContainSingle(a => a.UniqueName == RefreshCoachingSignalsMessage.Name).Subject;
        api.ResponseProperties.Should().Contain(p => p.UniqueName == RefreshCoachingSignalsMessage.ContinuationToken);
    }

    [Fact]
    public void Its_Dataverse_connection_goes_through_a_connection_reference_the_solution_ships()
    {
        var reference = Definition().GetProperty("connectionReferences").GetProperty(DataverseConnector);
        reference.GetProperty("api").GetProperty("name").GetString().Should().Be(DataverseConnector);
        var logicalName = reference.GetProperty("connection").GetProperty("connectionReferenceLogicalName").GetString();

        var customizations = XDocument.Load(Path.Combine(TestRepo.Layout.SolutionSource, "Other", "Customizations.xml"));
        var shipped = customizations.Root!.Element("connectionreferences")!.Elements("connectionreference")
            .Single(c => (string?)c.Attribute("connectionreferencelogicalname") == logicalName);
        shipped.Element("connectorid")!.Value.Should().Be("/providers/Microsoft.PowerApps/apis/" + DataverseConnector);
    }
}
