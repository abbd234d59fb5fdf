using Microsoft.CodeAnalysis;

namespace Coaching.Analyzers
{
    /// <summary>The diagnostics of the plugin rules. One id can have several descriptors: one per message.</summary>
    internal static class Descriptors
    {
        private const string Category = "Dataverse plugins";

        public static readonly DiagnosticDescriptor AllColumns = Error(
            RuleIds.SpecifyColumn,
            "No all-columns queries in plugin or workflow code",
            "'{0}' retrieves all columns; name the columns the plugin reads (new ColumnSet(\"a\", \"b\")).");

        public static readonly DiagnosticDescriptor BatchRequest = Error(
            RuleIds.BatchInPlugin,
            "No ExecuteMultipleRequest/ExecuteTransactionRequest in plugin or workflow code",
            "'{0}' batches requests inside a plugin: the platform already runs the plugin in a transaction and the batch only adds time towards the 2-minute limit. Send the requests one by one, or use CreateMultiple/UpdateMultiple.");

        public static readonly DiagnosticDescriptor SpecializedUpdate = Error(
            RuleIds.SpecializedUpdateOps,
            "No SetStateRequest/AssignRequest in plugin or workflow code",
            "'{0}' uses a specialized update message; set statecode/statuscode or ownerid with an ordinary Update instead.");

        public static readonly DiagnosticDescriptor Parallel = Error(
            RuleIds.ParallelInPlugin,
            "No parallel execution or threads in plugin or workflow code",
            "'{0}' runs work in parallel or on other threads; the sandbox expects plugin code on the calling thread.");

        public static readonly DiagnosticDescriptor Lock = new DiagnosticDescriptor(
            RuleIds.LockInPlugin,
            "Locks in plugin code serialize the sandbox; prefer immutable or concurrent structures",
            "'{0}' locks inside plugin code: every execution that reaches it waits for the others. Prefer immutable data or a concurrent collection.",
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true);

        private const string StatelessTitle = "No mutable static or instance state in plugin classes";

        public static readonly DiagnosticDescriptor StaticPropertySetter = Error(
            RuleIds.StatelessPlugin,
            StatelessTitle,
            "Static property {0} has a setter: every plugin execution in the process shares it. Make it get-only and set it once, or pass the value through the execution.");

        public static readonly DiagnosticDescriptor PluginPropertySetter = Error(
            RuleIds.StatelessPlugin,
            StatelessTitle,
            "Plugin class property {0} has a setter: the platform caches one plugin instance and runs it on many threads at once. Keep per-execution values in locals.");

        public static readonly DiagnosticDescriptor StaticFieldNotReadOnly = Error(
            RuleIds.StatelessPlugin,
            StatelessTitle,
            "Static field {0} is not readonly: every plugin execution in the process shares and can overwrite it. Make it readonly or const, or keep the value in the execution.");

        public static readonly DiagnosticDescriptor PluginFieldNotReadOnly = Error(
            RuleIds.StatelessPlugin,
            StatelessTitle,
            "Plugin class field {0} is not readonly: the platform caches one plugin instance and runs it on many threads at once. Make it readonly (set in the constructor) or keep the value in locals.");

        public static readonly DiagnosticDescriptor PluginFieldMutableCollection = Error(
            RuleIds.StatelessPlugin,
            StatelessTitle,
            "Plugin class field {0} is a readonly {1}: the reference is fixed but the contents are shared, mutable state. Use an immutable or read-only collection, or keep the data in the execution.");

        /// <summary>Reported when the whole compilation has been seen: the change can be anywhere in it.</summary>
        public static readonly DiagnosticDescriptor FieldChangedAfterConstruction = new DiagnosticDescriptor(
            RuleIds.StatelessPlugin,
            StatelessTitle,
            "{0} field {1} ({2}) is changed after construction: state shared by every execution. Only a cache in Infrastructure/ whose thread safety is documented next to it may do this.",
            Category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor PluginFieldArray = new DiagnosticDescriptor(
            RuleIds.StatelessPlugin,
            StatelessTitle,
            "Plugin class field {0} is an array: its elements can be overwritten by any execution. Prefer IReadOnlyList<T>.",
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        private static DiagnosticDescriptor Error(string id, string title, string message) =>
            new DiagnosticDescriptor(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
    }
}
