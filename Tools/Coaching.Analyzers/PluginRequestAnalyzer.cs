using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Coaching.Analyzers
{
    /// <summary>
    /// Requests a plugin must not send. il-avoid-batch-plugin: ExecuteMultiple/ExecuteTransaction (the plugin
    /// already runs in the caller's transaction; a batch only spends the 2-minute budget).
    /// il-avoid-specialized-update-ops: SetState/Assign (deprecated; an Update of statecode or ownerid does it).
    /// The typed request classes, and the same messages asked for by name through OrganizationRequest.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PluginRequestAnalyzer : DiagnosticAnalyzer
    {
        private static readonly string[] MessageNamespaces = { "Microsoft.Xrm.Sdk.Messages", "Microsoft.Crm.Sdk.Messages" };

        private static readonly Dictionary<string, DiagnosticDescriptor> Forbidden = new Dictionary<string, DiagnosticDescriptor>
        {
            ["ExecuteMultipleRequest"] = Descriptors.BatchRequest,
            ["ExecuteTransactionRequest"] = Descriptors.BatchRequest,
            ["SetStateRequest"] = Descriptors.SpecializedUpdate,
            ["SetStateDynamicEntityRequest"] = Descriptors.SpecializedUpdate,
            ["AssignRequest"] = Descriptors.SpecializedUpdate,
        };

        private const string OrganizationRequest = "Microsoft.Xrm.Sdk.OrganizationRequest";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptors.BatchRequest, Descriptors.SpecializedUpdate);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterOperationAction(AnalyzeCreation, OperationKind.ObjectCreation);
            context.RegisterOperationAction(AnalyzeRequestName, OperationKind.SimpleAssignment);
        }

        private static void AnalyzeCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (PluginSymbols.HasMetadataName(creation.Type, OrganizationRequest))
            {
                // new OrganizationRequest("Assign")
                if (creation.Arguments.Length == 1) ReportByName(context, creation.Arguments[0].Value);
                return;
            }

            if (creation.Type is not INamedTypeSymbol type || type.ContainingType != null) return;
            if (!Forbidden.TryGetValue(type.Name, out var descriptor)) return;
            if (System.Array.IndexOf(MessageNamespaces, type.ContainingNamespace?.ToDisplayString()) < 0) return;

            context.ReportDiagnostic(Diagnostic.Create(descriptor, context.Operation.Syntax.GetLocation(), type.Name));
        }

        /// <summary>new OrganizationRequest { RequestName = "SetState" }, request.RequestName = "ExecuteMultiple".</summary>
        private static void AnalyzeRequestName(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is IPropertyReferenceOperation { Property: { Name: "RequestName" } property } &&
                PluginSymbols.IsOrDerivesFrom(property.ContainingType, OrganizationRequest))
            {
                ReportByName(context, assignment.Value);
            }
        }

        private static void ReportByName(OperationAnalysisContext context, IOperation name)
        {
            if (name.ConstantValue is not { HasValue: true, Value: string message }) return;
            if (!Forbidden.TryGetValue(message + "Request", out var descriptor)) return;
            context.ReportDiagnostic(Diagnostic.Create(descriptor, context.Operation.Syntax.GetLocation(), "OrganizationRequest \"" + message + "\""));
        }
    }
}
