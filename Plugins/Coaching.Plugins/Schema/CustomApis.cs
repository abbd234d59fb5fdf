namespace Coaching.Plugins.Schema
{
    // Names of the custom APIs (Solution/src/customapis), their parameters and response properties,
    // and the columns of the rows they return: one place, no scattered literals.

    /// <summary>coach_StartMicroCoaching, bound to opportunity: the form's "Start micro-coaching" button.</summary>
    public static class StartMicroCoachingMessage
    {
        public const string Name = "coach_StartMicroCoaching";

        /// <summary>Response: the new session, or the existing one that made a new one unnecessary.</summary>
        public const string Session = "Session";

        /// <summary>Response: true when a new session was created.</summary>
        public const string Created = "Created";

        /// <summary>Response: what happened, in words the rep can act on.</summary>
        public const string Message = "Message";
    }

    /// <summary>coach_GetPipelineReviewAgenda: the flagged deals to examine in the pipeline meeting, in coaching priority.</summary>
    public static class PipelineReviewAgendaMessage
    {
        public const string Name = "coach_GetPipelineReviewAgenda";

        /// <summary>Optional request: only deals owned by this manager's direct reports.</summary>
        public const string ManagerId = "ManagerId";

        /// <summary>Optional request: only deals owned by this user.</summary>
        public const string OwnerId = "OwnerId";

        /// <summary>Response: one row per deal, rank 1 first (columns in <see cref="AgendaRow"/>).</summary>
        public const string Agenda = "Agenda";
    }

    /// <summary>Columns of a row of <see cref="PipelineReviewAgendaMessage.Agenda"/>.</summary>
    public static class AgendaRow
    {
        public const string Rank = "rank";
        public const string Priority = "priority";
        public const string Opportunity = "opportunity";
        public const string Topic = "name";
        public const string Owner = "owner";
        public const string EstimatedValue = "estimatedvalue";
        public const string IcpFitScore = "icpfitscore";
        public const string LastCoachedOn = "lastcoachedon";
        public const string EstimatedCloseDate = "estimatedclosedate";
        public const string ReviewReasons = "reviewreasons";
        public const string PriorityReasons = "priorityreasons";
    }

    /// <summary>coach_GetCoachingCadence: sessions held per rep in a week against the target.</summary>
    public static class CoachingCadenceMessage
    {
        public const string Name = "coach_GetCoachingCadence";

        /// <summary>Request: the manager whose direct reports are counted.</summary>
        public const string ManagerId = "ManagerId";

        /// <summary>Request: the first moment of the week (UTC); the week runs seven days from it.</summary>
        public const string WeekStart = "WeekStart";

        /// <summary>Response: one row per rep (columns in <see cref="CadenceRow"/>), by name.</summary>
        public const string Reps = "Reps";

        /// <summary>Response: one line for the team, e.g. "2 of 3 reps below the target of 3 sessions; 4 sessions short".</summary>
        public const string Summary = "Summary";
    }

    /// <summary>Columns of a row of <see cref="CoachingCadenceMessage.Reps"/>.</summary>
    public static class CadenceRow
    {
        public const string Rep = "rep";
        public const string RepName = "repname";
        public const string Held = "held";
        public const string Target = "target";
        public const string Minutes = "minutes";
        public const string Shortfall = "shortfall";
        public const string OverlongSessions = "overlongsessions";
    }

    /// <summary>coach_RefreshCoachingSignals: the daily refresh of the stored review flags and ICP fit of open deals.</summary>
    public static class RefreshCoachingSignalsMessage
    {
        public const string Name = "coach_RefreshCoachingSignals";

        /// <summary>Optional request: only deals owned by this manager's direct reports.</summary>
        public const string ManagerId = "ManagerId";

        /// <summary>Optional request: only deals owned by this user.</summary>
        public const string OwnerId = "OwnerId";

        /// <summary>
        /// Optional request: the token a previous call returned, to continue after the last deal it read.
        /// Response: empty when every deal in scope was refreshed, else the token for the next call.
        /// </summary>
        public const string ContinuationToken = "ContinuationToken";

        /// <summary>Optional request: read at most this many deals in this call.</summary>
        public const string MaxDeals = "MaxDeals";

        /// <summary>Response: open deals read in this call.</summary>
        public const string Read = "Read";

        /// <summary>Response: deals whose stored signals changed and were written in this call.</summary>
        public const string Updated = "Updated";
    }
}
