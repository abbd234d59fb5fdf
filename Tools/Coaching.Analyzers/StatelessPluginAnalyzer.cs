using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Coaching.Analyzers
{
    /// <summary>
    /// coach-plugin-stateless: the platform caches one plugin instance and runs it on many threads, and static
    /// state is shared by every execution in the process. So: no settable static properties or non-readonly static
    /// fields anywhere; in plugin classes no settable properties, no non-readonly fields, no readonly mutable
    /// collections; static collections and arrays (and plugin-class arrays) are not changed after construction.
    /// A cache in an Infrastructure folder whose thread safety is documented in the comment above it is allowed.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class StatelessPluginAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Collection types whose contents any holder of the reference can change.</summary>
        private static readonly HashSet<string> MutableCollections = new HashSet<string>
        {
            "System.Collections.Generic.List`1",
            "System.Collections.Generic.Dictionary`2",
            "System.Collections.Generic.HashSet`1",
            "System.Collections.Generic.SortedDictionary`2",
            "System.Collections.Generic.SortedList`2",
            "System.Collections.Generic.SortedSet`1",
            "System.Collections.Generic.Queue`1",
            "System.Collections.Generic.Stack`1",
            "System.Collections.Generic.LinkedList`1",
            "System.Collections.Concurrent.ConcurrentDictionary`2",
            "System.Collections.Concurrent.ConcurrentBag`1",
            "System.Collections.Concurrent.ConcurrentQueue`1",
            "System.Collections.Concurrent.ConcurrentStack`1",
            "System.Collections.Concurrent.BlockingCollection`1",
            "System.Collections.ObjectModel.Collection`1",
            "System.Collections.ObjectModel.ObservableCollection`1",
            "System.Collections.ArrayList",
            "System.Collections.Hashtable",
            "System.Collections.SortedList",
            "System.Collections.Queue",
            "System.Collections.Stack",
            "System.Text.StringBuilder",
        };

        /// <summary>Calls that change a collection's contents.</summary>
        private static readonly HashSet<string> MutatingMethods = new HashSet<string>
        {
            "Add", "AddRange", "Remove", "RemoveAt", "RemoveAll", "Clear", "Insert", "TryAdd", "TryRemove", "AddOrUpdate",
            "GetOrAdd", "Enqueue", "Dequeue", "Push", "Pop", "Append", "Sort", "Reverse",
        };

        private static readonly Regex ThreadSafe = new Regex(@"thread[- ]safe", RegexOptions.IgnoreCase);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(
            Descriptors.StaticPropertySetter,
            Descriptors.PluginPropertySetter,
            Descriptors.StaticFieldNotReadOnly,
            Descriptors.PluginFieldNotReadOnly,
            Descriptors.PluginFieldMutableCollection,
            Descriptors.FieldChangedAfterConstruction,
            Descriptors.PluginFieldArray);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                // Whether a readonly collection or array is changed is only known once every method has been seen.
                var changed = new ConcurrentDictionary<IFieldSymbol, bool>(SymbolEqualityComparer.Default);
                var watched = new ConcurrentBag<WatchedField>();

                start.RegisterSymbolAction(c => AnalyzeProperty(c), SymbolKind.Property);
                start.RegisterSymbolAction(c => AnalyzeField(c, watched), SymbolKind.Field);
                start.RegisterOperationAction(
                    c => RecordChange(c, changed),
                    OperationKind.Invocation,
                    OperationKind.SimpleAssignment,
                    OperationKind.CompoundAssignment,
                    OperationKind.Increment,
                    OperationKind.Decrement);
                start.RegisterCompilationEndAction(end =>
                {
                    foreach (var field in watched)
                    {
                        if (changed.ContainsKey(field.Symbol))
                        {
                            end.ReportDiagnostic(Diagnostic.Create(Descriptors.FieldChangedAfterConstruction, field.Location,
                                field.Symbol.IsStatic ? "Static" : "Plugin class", field.Name, field.TypeName));
                        }
                        else if (field.InPluginClass && field.Symbol.Type is IArrayTypeSymbol)
                        {
                            end.ReportDiagnostic(Diagnostic.Create(Descriptors.PluginFieldArray, field.Location, field.Name));
                        }
                    }
                });
            });
        }

        private static void AnalyzeProperty(SymbolAnalysisContext context)
        {
            var property = (IPropertySymbol)context.Symbol;
            if (property.IsImplicitlyDeclared || property.IsIndexer) return;
            if (property.SetMethod == null || property.SetMethod.IsInitOnly) return;
            if (PluginSymbols.IsOrDerivesFrom(property.Type, PluginSymbols.WorkflowArgument)) return;

            var location = property.Locations.FirstOrDefault();
            var name = NameOf(property);
            if (property.IsStatic)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.StaticPropertySetter, location, name));
            }
            else if (PluginSymbols.IsPluginClass(property.ContainingType))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.PluginPropertySetter, location, name));
            }
        }

        private static void AnalyzeField(SymbolAnalysisContext context, ConcurrentBag<WatchedField> watched)
        {
            var field = (IFieldSymbol)context.Symbol;
            if (field.IsImplicitlyDeclared || field.IsConst) return;

            var inPluginClass = PluginSymbols.IsPluginClass(field.ContainingType);
            var location = field.Locations.FirstOrDefault();
            var name = NameOf(field);
            if (!field.IsReadOnly)
            {
                if (field.IsStatic)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.StaticFieldNotReadOnly, location, name));
                }
                else if (inPluginClass)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.PluginFieldNotReadOnly, location, name));
                }

                return;
            }

            var isArray = field.Type is IArrayTypeSymbol;
            var isCollection = MutableCollections.Any(c => PluginSymbols.HasMetadataName(field.Type.OriginalDefinition, c));
            if (!isArray && !isCollection) return;
            if (!inPluginClass && !field.IsStatic) return;
            if (IsDocumentedCache(field, context.CancellationToken)) return;

            var typeName = field.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
            if (inPluginClass && isCollection)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.PluginFieldMutableCollection, location, name, typeName));
                return;
            }

            watched.Add(new WatchedField(field, location, name, typeName, inPluginClass));
        }

        /// <summary>Records fields whose contents change outside the declaring type's constructors.</summary>
        private static void RecordChange(OperationAnalysisContext context, ConcurrentDictionary<IFieldSymbol, bool> changed)
        {
            var field = context.Operation switch
            {
                IInvocationOperation invocation when MutatingMethods.Contains(invocation.TargetMethod.Name) => FieldOf(Receiver(invocation)),
                IAssignmentOperation assignment => ElementOwner(assignment.Target),
                IIncrementOrDecrementOperation step => ElementOwner(step.Target),
                _ => null,
            };
            if (field == null) return;

            var changedIn = context.ContainingSymbol as IMethodSymbol;
            var isConstruction = changedIn != null &&
                SymbolEqualityComparer.Default.Equals(changedIn.ContainingType, field.ContainingType) &&
                (field.IsStatic ? changedIn.MethodKind == MethodKind.StaticConstructor : changedIn.MethodKind == MethodKind.Constructor);
            if (!isConstruction) changed.TryAdd(field.OriginalDefinition, true);
        }

        /// <summary>
        /// The collection a call changes: <c>field.Add(x)</c>, the collection extensions (<c>field.TryAdd(k, v)</c> on a
        /// Dictionary) and <c>Array.Sort(field)</c>. Not LINQ: <c>field.Append(x)</c> there returns a new sequence.
        /// </summary>
        private static IOperation? Receiver(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (!method.IsStatic) return invocation.Instance;
            var changesFirstArgument = PluginSymbols.HasMetadataName(method.ContainingType, "System.Array") ||
                (method.IsExtensionMethod && method.ContainingNamespace?.ToDisplayString() is "System.Collections.Generic" or "System.Collections.Concurrent");
            return changesFirstArgument && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null;
        }

        /// <summary>The field behind <c>field[i]</c>: an array element or an indexer of a collection.</summary>
        private static IFieldSymbol? ElementOwner(IOperation target) => target switch
        {
            IArrayElementReferenceOperation element => FieldOf(element.ArrayReference),
            IPropertyReferenceOperation { Property: { IsIndexer: true } } indexer => FieldOf(indexer.Instance),
            _ => null,
        };

        private static IFieldSymbol? FieldOf(IOperation? operation)
        {
            while (operation is IConversionOperation conversion) operation = conversion.Operand;
            return (operation as IFieldReferenceOperation)?.Field;
        }

        /// <summary>In an Infrastructure folder, with "thread-safe" or "thread safe" in the comments on the declaration.</summary>
        private static bool IsDocumentedCache(IFieldSymbol field, System.Threading.CancellationToken cancellation)
        {
            if (!PluginSymbols.IsDeclaredIn(field, "Infrastructure")) return false;
            foreach (var reference in field.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellation).Parent?.Parent is not FieldDeclarationSyntax declaration) continue;
                var comments = new StringBuilder();
                var firstTypeToken = declaration.Declaration.Type.GetFirstToken();
                foreach (var token in declaration.DescendantTokens())
                {
                    foreach (var trivia in token.LeadingTrivia)
                    {
                        if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia) ||
                            trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia))
                        {
                            comments.Append(trivia.ToFullString()).Append('\n');
                        }
                    }

                    if (token == firstTypeToken) break;
                }

                if (ThreadSafe.IsMatch(comments.ToString())) return true;
            }

            return false;
        }

        /// <summary>Type.Member, nested types as Outer+Inner.</summary>
        private static string NameOf(ISymbol member) => PluginSymbols.QualifiedName(member.ContainingType) + "." + member.Name;

        private sealed class WatchedField
        {
            public WatchedField(IFieldSymbol symbol, Location? location, string name, string typeName, bool inPluginClass)
            {
                Symbol = symbol;
                Location = location;
                Name = name;
                TypeName = typeName;
                InPluginClass = inPluginClass;
            }

            public IFieldSymbol Symbol { get; }

            public Location? Location { get; }

            public string Name { get; }

            public string TypeName { get; }

            public bool InPluginClass { get; }
        }
    }
}
