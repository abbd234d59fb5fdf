using System;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xrm.Emulator.Faults;
using Xrm.Emulator.Pipeline;
using Xrm.Emulator.Security;

namespace Xrm.Emulator.Messages;

/// <summary>
/// WinOpportunity / LoseOpportunity: the only way an opportunity closes. Runs the steps of Win / Lose (primary table
/// opportunity) around the platform's own work, all in one transaction: it creates the opportunityclose activity, completed,
/// for the opportunity (actualend defaults to the operation's date; a win without actualrevenue records the estimated value),
/// then updates the opportunity's statecode/statuscode, actualclosedate (actualend's date) and actualvalue through an Update (so Update steps
/// filtered on statecode run too). Status -1 means the state's default status (Won 3, Canceled 4).
/// </summary>
internal sealed class CloseOpportunityHandler : EventMessageHandler
{
    private const string CloseTable = "opportunityclose";
    private const int CloseCompleted = 1, CloseCompletedStatus = 2;

    private readonly bool _won;

    public CloseOpportunityHandler(XrmEmulator emulator, bool won) : base(emulator) => _won = won;

    public override string Name => _won ? "WinOpportunity" : "LoseOpportunity";

    /// <summary>The message steps are registered on (SdkMessage "Win" / "Lose").</summary>
    private string EventMessage => _won ? "Win" : "Lose";

    private int State => _won ? StateModel.OpportunityWon : StateModel.OpportunityLost;

    public override void Prepare(Operation operation)
    {
        var close = Required<Entity>(operation, "OpportunityClose");
        if (!string.Equals(close.LogicalName, CloseTable, StringComparison.OrdinalIgnoreCase))
        {
            throw Fault.InvalidArgument($"{Name}: OpportunityClose must be an {CloseTable} entity, not '{close.LogicalName}'.");
        }

        var opportunity = close.GetAttributeValue<EntityReference>("opportunityid");
        if (opportunity == null || !StateRules.IsOpportunity(opportunity.LogicalName))
        {
            throw Fault.InvalidArgument($"{Name}: OpportunityClose.opportunityid must reference the opportunity to close.");
        }

        var id = RecordWrites.RequireExisting(Emulator, "opportunity", opportunity.Id, Name);
        var model = Emulator.StatesOf("opportunity")!;
        var status = StatusOf(operation, model);
        if (!model.Allows(State, status)) throw Fault.InvalidStateStatus(model.NameOf(State), status, "opportunity", id);
        if (StateRules.StateIn(Emulator.Store.Find("opportunity", id)!) is { } current && current != StateModel.OpportunityOpen)
        {
            throw Fault.OpportunityAlreadyClosed(id);
        }

        operation.DescribeEvent(EventMessage, "opportunity", new OperationItem(id, null));
    }

    public override void Execute(Operation operation)
    {
        var id = operation.Items[0].Id;
        AccessCheck.RequireAccess(Emulator, operation.Origin.UserId, "opportunity", id, AccessRight.Write);
        var opportunity = Emulator.Store.Find("opportunity", id)!;
        var close = new Entity(CloseTable);
        foreach (var pair in Required<Entity>(operation, "OpportunityClose").Attributes) close[pair.Key] = pair.Value;
        close.Id = Required<Entity>(operation, "OpportunityClose").Id;
        close["opportunityid"] = new EntityReference("opportunity", id);
        close["statecode"] = new OptionSetValue(CloseCompleted);
        close["statuscode"] = new OptionSetValue(CloseCompletedStatus);
        if (close.GetAttributeValue<DateTime?>("actualend") == null) close["actualend"] = DateTime.SpecifyKind(operation.CreatedOn.Date, DateTimeKind.Utc);
        if (_won && close.GetAttributeValue<Money>("actualrevenue") == null && opportunity.GetAttributeValue<Money>("estimatedvalue") is { } estimated)
        {
            close["actualrevenue"] = new Money(estimated.Value);
        }

        Emulator.Pipeline.ExecuteInner(new CreateRequest { Target = close }, operation);

        var change = new Entity("opportunity", id)
        {
            ["statecode"] = new OptionSetValue(State),
            ["statuscode"] = new OptionSetValue(StatusOf(operation, Emulator.StatesOf("opportunity")!)),
            ["actualclosedate"] = DateTime.SpecifyKind(((DateTime)close["actualend"]).Date, DateTimeKind.Utc), // a date-only column
        };
        if (close.GetAttributeValue<Money>("actualrevenue") is { } revenue) change["actualvalue"] = new Money(revenue.Value);
        Emulator.Pipeline.ExecuteInner(new UpdateRequest { Target = change }, operation);
    }

    public override OrganizationResponse Respond(Operation operation) =>
        _won ? Response<WinOpportunityResponse>(Name) : Response<LoseOpportunityResponse>(Name);

    private int StatusOf(Operation operation, StateModel model) =>
        Required<OptionSetValue>(operation, "Status") is { Value: >= 0 } given ? given.Value : StateModel.DefaultStatus(model, State);
}
