namespace Coaching.Analyzers
{
    /// <summary>
    /// Diagnostic ids: Microsoft's solution-checker rule names where the rule is one of theirs, coach_* for ours.
    /// A diagnostic id must be an identifier, so '-' becomes '_'; <c>coach check</c> reports them with '-'
    /// (il-specify-column), as the solution checker does.
    /// </summary>
    public static class RuleIds
    {
        public const string SpecifyColumn = "il_specify_column";
        public const string BatchInPlugin = "il_avoid_batch_plugin";
        public const string SpecializedUpdateOps = "il_avoid_specialized_update_ops";
        public const string ParallelInPlugin = "il_avoid_parallel_plugin";
        public const string LockInPlugin = "il_avoid_lock_plugin";
        public const string StatelessPlugin = "coach_plugin_stateless";

        /// <summary>il_specify_column → il-specify-column, the name the solution checker and <c>coach check</c> use.</summary>
        public static string CheckerName(string diagnosticId) => diagnosticId.Replace('_', '-');
    }
}
