using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Coaching.Analyzers
{
    /// <summary>
    /// il-specify-column: no <c>new ColumnSet(true)</c> and no <c>AllColumns = true</c>. A plugin reads the
    /// columns it names; all columns costs every execution and breaks when a column is added.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class AllColumnsAnalyzer : DiagnosticAnalyzer
    {
        private const string ColumnSet = "Microsoft.Xrm.Sdk.Query.ColumnSet";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptors.AllColumns);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterOperationAction(AnalyzeCreation, OperationKind.ObjectCreation);
            context.RegisterOperationAction(AnalyzeAssignment, OperationKind.SimpleAssignment);
        }

        /// <summary>new ColumnSet(true), new ColumnSet(allColumns: true), ColumnSet x = new(true).</summary>
        private static void AnalyzeCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (!PluginSymbols.HasMetadataName(creation.Type, ColumnSet)) return;
            if (creation.Arguments.Length != 1 || !IsTrue(creation.Arguments[0].Value)) return;
            if (creation.Arguments[0].Parameter?.Type.SpecialType != SpecialType.System_Boolean) return;

            var syntax = creation.Syntax;
            var end = syntax is BaseObjectCreationExpressionSyntax { ArgumentList: { } arguments } ? arguments.Span.End : syntax.Span.End;
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.AllColumns, syntax.GetLocation(), SourceText.Quote(syntax, end)));
        }

        /// <summary>columns.AllColumns = true, and new ColumnSet { AllColumns = true }.</summary>
        private static void AnalyzeAssignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation { Property: { Name: "AllColumns" } property }) return;
            if (!PluginSymbols.HasMetadataName(property.ContainingType, ColumnSet) || !IsTrue(assignment.Value)) return;

            context.ReportDiagnostic(Diagnostic.Create(Descriptors.AllColumns, assignment.Syntax.GetLocation(), SourceText.Quote(assignment.Syntax)));
        }

        private static bool IsTrue(IOperation value) => value.ConstantValue is { HasValue: true, Value: true };
    }
}
