using System;
using System.Collections.Generic;
using System.Linq;
using Coaching.Core.Sessions;
using Coaching.Plugins.Schema;
using Coaching.Plugins.Tests.Support;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator;
using Xrm.Emulator.Metering;

namespace Coaching.Plugins.Tests.CoachingWorkflow;

/// <summary>
/// The coaching workflow's view of a <see cref="CoachingWorld"/> (Solution/src in the emulator, a manager and
/// a rep): adds a second rep, and arranges deals and sessions, performs the manager's and rep's actions through
/// the organization service, and reads back what they would see. A new team per test: nothing is shared.
/// </summary>
internal sealed class CoachingTeam
{
    public const string GoodGoal = "Agree the pilot scope with the CFO";

    public CoachingTeam(string? settingsValue = null)
    {
        World = CoachingWorld.Create(settingsValue);
        OtherRep = Emulator.AddUser("Sofia Seller", Manager);
        AsManager = Emulator.Service(Manager);
    }

    public CoachingWorld World { get; }

    public XrmEmulator Emulator => World.Emulator;

    public Guid Manager => World.Manager;

    public Guid Rep => World.Rep;

    public Guid OtherRep { get; }

    public IOrganizationService AsManager { get; }

    public IOrganizationService AsRep => World.AsRep;

    public DateTime Now => World.Now;

    /// <summary>
    /// An open deal in Develop (the rep's unless another owner is given), its next interaction three days out
    /// with a goal; <paramref name="with"/> changes any column. (CoachingWorld.Opportunity creates the rep's deals only.)
    /// </summary>
    public Guid Deal(string name = "Contoso renewal", Guid? owner = null, Action<Entity>? with = null)
    {
        var deal = new Entity(OpportunityTable.Name)
        {
            [OpportunityTable.Topic] = name,
            [OpportunityTable.Owner] = new EntityReference(SystemUserTable.Name, owner ?? Rep),
            [OpportunityTable.SalesStage] = new OptionSetValue(1),
            [OpportunityTable.EstimatedValue] = new Money(50000m),
            [OpportunityTable.NextInteractionDate] = Now.AddDays(3),
            [OpportunityTable.NextInteractionGoal] = GoodGoal,
        };
        with?.Invoke(deal);
        return Emulator.Service(owner ?? Rep).Create(deal);
    }

    /// <summary>The rep closes the deal as the Close Opportunity dialog does (see <see cref="Deals.Close"/>).</summary>
    public void Close(Guid deal, bool won) => Deals.Close(Emulator.Service(Rep), deal, won);

    /// <summary>The manager starts a session from the opportunity form's button.</summary>
    public OrganizationResponse StartMicroCoaching(Guid deal) =>
        AsManager.Execute(new OrganizationRequest(StartMicroCoachingMessage.Name)
        {
            ["Target"] = new EntityReference(OpportunityTable.Name, deal),
        });

    public Guid StartSession(Guid deal) => ((EntityReference)StartMicroCoaching(deal)[StartMicroCoachingMessage.Session]).Id;

    public void MoveSession(Guid session, SessionStep step, string? actionItems = null)
    {
        var change = new Entity(SessionTable.Name, session) { [SessionTable.Step] = new OptionSetValue((int)step) };
        if (actionItems != null) change[SessionTable.ActionItems] = actionItems;
        AsManager.Update(change);
    }

    /// <summary>Walks a session from Compile through Conduct and Assign next steps to Follow up with these action items.</summary>
    public void AgreeNextSteps(Guid session, string actionItems)
    {
        MoveSession(session, SessionStep.Conduct);
        MoveSession(session, SessionStep.AssignNextSteps);
        MoveSession(session, SessionStep.FollowUp, actionItems);
    }

    public Entity Read(string table, Guid id, params string[] columns) => AsManager.Retrieve(table, id, new ColumnSet(columns));

    public Entity Session(Guid id) => Read(
        SessionTable.Name, id,
        SessionTable.Step, SessionTable.FollowUpDue, SessionTable.DurationMinutes, SessionTable.WentWell, SessionTable.NotAsExpected,
        SessionTable.CommitmentsKept, SessionTable.CommitmentsMissed, SessionTable.ExecutionConcern,
        ActivityColumns.ActualStart, ActivityColumns.ActualEnd, ActivityColumns.State, ActivityColumns.Status);

    /// <summary>The tasks in the deal's timeline, oldest first.</summary>
    public IReadOnlyList<Entity> Tasks(Guid deal, string? subcategory = null)
    {
        var query = new QueryExpression(TaskTable.Name)
        {
            ColumnSet = new ColumnSet(
                ActivityColumns.Subject, ActivityColumns.Description, ActivityColumns.Owner, ActivityColumns.Regarding, ActivityColumns.Due,
                TaskTable.Category, TaskTable.Subcategory, ActivityColumns.State),
        };
        query.Criteria.AddCondition(ActivityColumns.Regarding, ConditionOperator.Equal, deal);
        if (subcategory != null) query.Criteria.AddCondition(TaskTable.Subcategory, ConditionOperator.Equal, subcategory);
        query.AddOrder(ActivityColumns.CreatedOn, OrderType.Ascending);
        return AsManager.RetrieveMultiple(query).Entities;
    }

    /// <summary>The rep marks a task complete (the Mark Complete button: SetState to Completed).</summary>
    public void Complete(string table, Guid id, Guid? by = null) =>
        Emulator.Service(by ?? Rep).Execute(new SetStateRequest
        {
            EntityMoniker = new EntityReference(table, id),
            State = new OptionSetValue(ActivityState.Completed),
            Status = new OptionSetValue(-1),
        });

    /// <summary>The plugin's executions during <paramref name="action"/>, for call budgets.</summary>
    public MeterReading Measure(Action action) => Emulator.Meter.Measure(action);
}

internal static class MeterReadingExtensions
{
    /// <summary>
    /// Service calls of one plugin execution, leaving out the settings read: it happens at most once a
    /// minute per organization (the settings cache), not per execution.
    /// </summary>
    public static IReadOnlyList<ServiceCall> CallsBeyondSettings(this PluginExecution execution) =>
        execution.Calls.Where(c => c.Table != EnvironmentVariableTables.Definition).ToList();

    public static PluginExecution Single(this MeterReading reading, string pluginType, int stage) =>
        reading.For(pluginType).Single(e => e.Stage == stage);
}
