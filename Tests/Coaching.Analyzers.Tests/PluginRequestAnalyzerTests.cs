using System.Linq;
using Microsoft.CodeAnalysis;
using static Coaching.Analyzers.Tests.Analysis;

namespace Coaching.Analyzers.Tests;

public class PluginRequestAnalyzerTests
{
    [Fact]
    public void Batching_requests_in_plugin_code_is_an_error()
    {
        const string source = """
            using Microsoft.Xrm.Sdk;
            using Microsoft.Xrm.Sdk.Messages;

            public static class Writes
            {
                public static OrganizationRequest Many() => new ExecuteMultipleRequest { Requests = new OrganizationRequestCollection() };
                public static OrganizationRequest All() => new ExecuteTransactionRequest();
                public static OrganizationRequest One() => new UpdateRequest();
            }
            """;

        var reported = Run(new PluginRequestAnalyzer(), source);

        reported.Select(d => (d.Id, d.Line)).Should().Equal(
            ("il_avoid_batch_plugin", LineOf(source, "new ExecuteMultipleRequest")),
            ("il_avoid_batch_plugin", LineOf(source, "new ExecuteTransactionRequest")));
        reported[0].Severity.Should().Be(DiagnosticSeverity.Error);
        reported[0].Message.Should().StartWith("'ExecuteMultipleRequest' batches requests inside a plugin").And.Contain("CreateMultiple/UpdateMultiple");
    }

    [Fact]
    public void SetState_and_Assign_from_plugin_code_are_errors()
    {
        const string source = """
            using System;
            using Microsoft.Crm.Sdk.Messages;
            using Microsoft.Xrm.Sdk;

            namespace Microsoft.Crm.Sdk.Messages
            {
                // Not in the stand-in; the official SDK has it. The rule goes by name and namespace, not by assembly.
                public sealed class SetStateDynamicEntityRequest : OrganizationRequest { }
            }

            public static class Writes
            {
                public static OrganizationRequest Close(EntityReference task) => new SetStateRequest { EntityMoniker = task };
                public static OrganizationRequest Reassign(EntityReference task, EntityReference owner) => new AssignRequest { Target = task, Assignee = owner };
                public static OrganizationRequest Dynamic() => new SetStateDynamicEntityRequest();
            }
            """;

        var reported = Run(new PluginRequestAnalyzer(), source);

        reported.Select(d => (d.Id, d.Line)).Should().Equal(
            ("il_avoid_specialized_update_ops", LineOf(source, "new SetStateRequest")),
            ("il_avoid_specialized_update_ops", LineOf(source, "new AssignRequest")),
            ("il_avoid_specialized_update_ops", LineOf(source, "new SetStateDynamicEntityRequest()")));
        reported[1].Message.Should().Be("'AssignRequest' uses a specialized update message; set statecode/statuscode or ownerid with an ordinary Update instead.");
    }

    [Fact]
    public void The_same_messages_asked_for_by_name_are_errors_too()
    {
        const string source = """
            using Microsoft.Xrm.Sdk;

            public static class Writes
            {
                public static OrganizationRequest Reassign() => new OrganizationRequest("Assign");
                public static OrganizationRequest Batch() => new OrganizationRequest { RequestName = "ExecuteMultiple" };
                public static OrganizationRequest Close()
                {
                    var request = new OrganizationRequest();
                    request.RequestName = "SetState";
                    return request;
                }

                public static OrganizationRequest Api() => new OrganizationRequest("coach_GetCoachingCadence");
            }
            """;

        var reported = Run(new PluginRequestAnalyzer(), source);

        reported.Select(d => (d.Id, d.Line)).Should().Equal(
            ("il_avoid_specialized_update_ops", LineOf(source, "\"Assign\"")),
            ("il_avoid_batch_plugin", LineOf(source, "\"ExecuteMultiple\"")),
            ("il_avoid_specialized_update_ops", LineOf(source, "\"SetState\"")));
        reported[0].Message.Should().StartWith("'OrganizationRequest \"Assign\"' uses a specialized update message");
    }

    [Fact]
    public void A_class_of_our_own_that_shares_a_request_name_is_not_flagged()
    {
        const string source = """
            namespace Coaching.Core.Sessions
            {
                public sealed class AssignRequest { }
                public static class Use { public static AssignRequest Make() => new AssignRequest(); }
            }
            """;

        Run(new PluginRequestAnalyzer(), source).Should().BeEmpty();
    }
}
