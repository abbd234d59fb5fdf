using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Coaching.Analyzers
{
    /// <summary>
    /// il-avoid-parallel-plugin: plugin code runs on the calling thread (Parallel, PLINQ, Task.Run,
    /// TaskFactory.StartNew, new Thread, the thread pool). il-avoid-lock-plugin (a warning): a lock makes every
    /// execution that reaches it wait for the others.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ThreadingAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptors.Parallel, Descriptors.Lock);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterOperationAction(AnalyzeInvocation, OperationKind.Invocation);
            context.RegisterOperationAction(AnalyzeCreation, OperationKind.ObjectCreation);
            context.RegisterSyntaxNodeAction(AnalyzeLock, SyntaxKind.LockStatement);
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var method = ((IInvocationOperation)context.Operation).TargetMethod;
            var type = method.ContainingType?.OriginalDefinition;
            var parallel =
                PluginSymbols.HasMetadataName(type, "System.Threading.Tasks.Parallel") ||
                (PluginSymbols.HasMetadataName(type, "System.Linq.ParallelEnumerable") && method.Name == "AsParallel") ||
                (PluginSymbols.HasMetadataName(type, "System.Threading.Tasks.Task") && method.Name == "Run") ||
                ((PluginSymbols.HasMetadataName(type, "System.Threading.Tasks.TaskFactory") || PluginSymbols.HasMetadataName(type, "System.Threading.Tasks.TaskFactory`1")) && method.Name == "StartNew") ||
                (PluginSymbols.HasMetadataName(type, "System.Threading.ThreadPool") && method.Name.EndsWith("QueueUserWorkItem", System.StringComparison.Ordinal));
            if (!parallel) return;

            context.ReportDiagnostic(Diagnostic.Create(Descriptors.Parallel, context.Operation.Syntax.GetLocation(), type!.Name + "." + method.Name));
        }

        private static void AnalyzeCreation(OperationAnalysisContext context)
        {
            if (!PluginSymbols.HasMetadataName(context.Operation.Type, "System.Threading.Thread")) return;
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.Parallel, context.Operation.Syntax.GetLocation(), "new Thread"));
        }

        private static void AnalyzeLock(SyntaxNodeAnalysisContext context)
        {
            var statement = (LockStatementSyntax)context.Node;
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.Lock, statement.LockKeyword.GetLocation(), SourceText.Quote(statement, statement.CloseParenToken.Span.End)));
        }
    }
}
