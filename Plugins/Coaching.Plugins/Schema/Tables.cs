using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Coaching.Plugins.Schema
{
    // Logical names of the tables and columns the plugins read and write: one place, no scattered literals.

    public static class OpportunityTable
    {
        public const string Name = "opportunity";
        public const string Id = "opportunityid";
        public const string Topic = "name";
        public const string Customer = "customerid";
        public const string ParentAccount = "parentaccountid";
        public const string EstimatedValue = "estimatedvalue";
        public const string EstimatedCloseDate = "estimatedclosedate";
        public const string SalesStage = "salesstage";
        public const string StepName = "stepname";
        public const string Owner = "ownerid";
        public const string State = "statecode";
        public const string CreatedOn = "createdon";
        public const string IcpFitScore = "coach_icpfitscore";
        public const string IcpFitBand = "coach_icpfitband";
        public const string IcpFitReasons = "coach_icpfitreasons";
        public const string BuyingTrigger = "coach_buyingtrigger";
        public const string BuyerPersona = "coach_buyerpersona";
        public const string BuyerStage = "coach_buyerstage";
        public const string BuyerSignals = "coach_buyersignals";
        public const string LastInteractionOutcome = "coach_lastinteractionoutcome";
        public const string NextInteractionDate = "coach_nextinteractiondate";
        public const string NextInteractionGoal = "coach_nextinteractiongoal";
        public const string ReviewFlag = "coach_reviewflag";
        public const string ReviewReasons = "coach_reviewreasons";
        public const string LastCoachedOn = "coach_lastcoachedon";

        /// <summary>When time alone next changes the review reasons (<see cref="Core.Review.ReviewFlagRule.SignalsDueOn"/>).</summary>
        public const string SignalsDueOn = "coach_signalsdueon";

        /// <summary>The settings the stored signals were computed with (<see cref="Core.Settings.SignalSettingsFingerprint"/>).</summary>
        public const string SignalsSettings = "coach_signalssettings";
    }

    public static class AccountTable
    {
        public const string Name = "account";
        public const string Id = "accountid";
        public const string Industry = "industrycode";
        public const string Employees = "numberofemployees";
        public const string Revenue = "revenue";
        public const string Country = "address1_country";
    }

    public static class SystemUserTable
    {
        public const string Name = "systemuser";
        public const string Id = "systemuserid";
        public const string Manager = "parentsystemuserid";
        public const string FullName = "fullname";
        public const string IsDisabled = "isdisabled";
    }

    /// <summary>The opportunity business process flow instance (Opportunity Sales Process).</summary>
    public static class OpportunitySalesProcessTable
    {
        public const string Name = "opportunitysalesprocess";
        public const string Id = "businessprocessflowinstanceid";
        public const string Opportunity = "opportunityid";
        public const string ActiveStage = "activestageid";
        public const string TraversedPath = "traversedpath";
        public const string Process = "processid";
    }

    public static class ProcessStageTable
    {
        public const string Name = "processstage";
        public const string Id = "processstageid";
        public const string StageName = "stagename";
        public const string Category = "stagecategory";
        public const string Process = "processid";
    }

    /// <summary>Columns every activity table shares (task, appointment, phonecall, sessions).</summary>
    public static class ActivityColumns
    {
        /// <summary>The primary key of every activity table, standard or custom.</summary>
        public const string Id = "activityid";
        public const string Subject = "subject";
        public const string Description = "description";
        public const string Regarding = "regardingobjectid";
        public const string Owner = "ownerid";
        public const string State = "statecode";
        public const string Status = "statuscode";
        public const string Due = "scheduledend";
        public const string Start = "scheduledstart";
        public const string ActualStart = "actualstart";
        public const string ActualEnd = "actualend";
        public const string CreatedOn = "createdon";
        public const string ModifiedOn = "modifiedon";
        public const string ActivityId = "activityid";
    }

    public static class TaskTable
    {
        public const string Name = "task";
        public const string Category = "category";

        /// <summary>The category that puts a task in the rep's "My coaching tasks" view.</summary>
        public const string CoachingCategory = "Micro-coaching";

        public const string Subcategory = "subcategory";

        // Subcategories of coaching tasks, so views (and the commitment count) tell them apart.
        public const string ActionItemSubcategory = "Action item";
        public const string FollowUpSubcategory = "Follow-up";
        public const string ReflectionSubcategory = "Reflection";
    }

    /// <summary>The buyer interactions a rep reflects on once completed.</summary>
    public static class InteractionTables
    {
        public const string Appointment = "appointment";
        public const string PhoneCall = "phonecall";
    }

    public static class SessionTable
    {
        public const string Name = "coach_microcoachingsession";
        public const string Id = ActivityColumns.Id;
        public const string Rep = "coach_repid";
        public const string Step = "coach_step";
        public const string Trigger = "coach_trigger";
        public const string OpportunitySnapshot = "coach_opportunitysnapshot";
        public const string BuyerSnapshot = "coach_buyersnapshot";
        public const string RepSnapshot = "coach_repsnapshot";
        public const string WentWell = "coach_wentwell";
        public const string NotAsExpected = "coach_notasexpected";
        public const string ActionItems = "coach_actionitems";
        public const string FollowUpDue = "coach_followupdue";
        public const string CommitmentsKept = "coach_commitmentskept";
        public const string CommitmentsMissed = "coach_commitmentsmissed";
        public const string ExecutionConcern = "coach_executionconcern";
        public const string DurationMinutes = "coach_durationminutes";

        /// <summary>statuscode "Completed" of statecode Completed.</summary>
        public const int CompletedStatus = 2;

        /// <summary>
        /// The columns that hold a coach's judgement of a rep (the one list of them): secured, filled by coaches on
        /// create through the "Coaching judgement" profile, read and updated through field shares of each session.
        /// </summary>
        public static readonly IReadOnlyList<string> Judgement = new ReadOnlyCollection<string>(new[]
        {
            WentWell, NotAsExpected, CommitmentsKept, CommitmentsMissed, ExecutionConcern,
        });

        /// <summary>Length of the reflection answer columns (coach_wentwell, coach_notasexpected).</summary>
        public const int ReflectionMaxLength = 4000;
    }

    public static class EnvironmentVariableTables
    {
        public const string Definition = "environmentvariabledefinition";
        public const string DefinitionId = "environmentvariabledefinitionid";
        public const string SchemaName = "schemaname";
        public const string DefaultValue = "defaultvalue";
        public const string Value = "environmentvariablevalue";
        public const string ValueColumn = "value";
    }

    /// <summary>Activity state codes (task, phone call: 0 Open, 1 Completed, 2 Canceled; appointment adds 3 Scheduled).</summary>
    public static class ActivityState
    {
        public const int Open = 0;
        public const int Completed = 1;
        public const int Canceled = 2;
        public const int Scheduled = 3;
    }

    /// <summary>An owner team: a deal owned by a team is coached through the team's administrator.</summary>
    public static class TeamTable
    {
        public const string Name = "team";
        public const string Id = "teamid";
        public const string Administrator = "administratorid";
    }

    /// <summary>Field sharing: one secured column of one record opened to a user or team (Field Sharing table).</summary>
    public static class FieldShareTable
    {
        public const string Name = "principalobjectattributeaccess";
        public const string Id = "principalobjectattributeaccessid";
        public const string Record = "objectid";

        /// <summary>The shared column's AttributeMetadata.MetadataId.</summary>
        public const string Column = "attributeid";

        public const string Principal = "principalid";
        public const string Read = "readaccess";
        public const string Update = "updateaccess";
    }

    /// <summary>The activity WinOpportunity / LoseOpportunity record a close with.</summary>
    public static class OpportunityCloseTable
    {
        public const string Name = "opportunityclose";
        public const string Opportunity = "opportunityid";
    }
}
