using System;
using System.Collections.Generic;
using System.Linq;
using Coaching.Core.Opportunities;
using Coaching.Plugins.EntryPoints;
using Coaching.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator;

namespace Coaching.Plugins.Tests.Support;

/// <summary>
/// A fresh Dataverse per test, built from Solution/src with the real plugin assembly: a manager, a rep
/// reporting to them, and helpers to arrange accounts and opportunities the way a rep would create them.
/// </summary>
public sealed class CoachingWorld
{
    public static readonly DateTime Monday = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private CoachingWorld(XrmEmulator emulator)
    {
        Emulator = emulator;
        Manager = emulator.AddUser("Mona Manager");
        Rep = emulator.AddUser("Rick Rep", managerId: Manager);
    }

    public XrmEmulator Emulator { get; }

    public Guid Manager { get; }

    public Guid Rep { get; }

    /// <summary>The organization service as the rep who owns the deals.</summary>
    public IOrganizationService AsRep => Emulator.Service(Rep);

    public DateTime Now => Emulator.UtcNow;

    public static CoachingWorld Create(string? settingsValue = null)
    {
        var emulator = XrmEmulator.FromSolution(RepoPaths.SolutionSource, typeof(IcpFitPlugin).Assembly);
        emulator.UtcNow = Monday;
        if (settingsValue != null)
        {
            emulator.SetEnvironmentVariable("coach_CoachingSettings", Coaching.Core.Settings.CoachingSettings.DefaultJson, settingsValue);
        }

        return new CoachingWorld(emulator);
    }

    /// <summary>
    /// What an admin with an environment does to serve a batch in one execution (README, "Deploy"): moves the
    /// plugin's Create/Update steps to CreateMultiple/UpdateMultiple, keeping everything else of the registration.
    /// </summary>
    public void MoveStepsToBulkMessages(Type pluginType)
    {
        var single = Emulator.Steps.All.Where(s => s.PluginTypeName == pluginType.FullName && s.Message is "Create" or "Update").ToList();
        foreach (var step in single)
        {
            Emulator.Steps.Unregister(step);
            Emulator.RegisterStep(new Xrm.Emulator.Pipeline.StepRegistration(step.Message + "Multiple", step.PrimaryEntity, step.Stage, step.Plugin)
            {
                Mode = step.Mode,
                Rank = step.Rank,
                FilteringAttributes = step.FilteringAttributes,
                Images = step.Images,
                Configuration = step.Configuration,
                PluginTypeName = step.PluginTypeName,
            });
        }
    }

    /// <summary>Wholesale, 1,200 employees, 80M revenue, Germany: meets every default ICP criterion.</summary>
    public EntityReference FittingAccount(string name = "Contoso Wholesale") =>
        Account(name, industry: "Wholesale", employees: 1200, revenue: 80_000_000m, country: "Germany");

    /// <summary>Retail, 12 employees, 400k revenue, Brazil: misses every default ICP criterion.</summary>
    public EntityReference NonFittingAccount(string name = "Tiny Retail") =>
        Account(name, industry: "Vehicle Retail", employees: 12, revenue: 400_000m, country: "Brazil");

    public EntityReference Account(string name, string? industry, int? employees, decimal? revenue, string? country)
    {
        var account = new Entity(AccountTable.Name) { ["name"] = name };
        var code = AccountIndustries.CodeOf(industry);
        if (code.HasValue) account[AccountTable.Industry] = new OptionSetValue(code.Value);
        if (employees.HasValue) account[AccountTable.Employees] = employees.Value;
        if (revenue.HasValue) account[AccountTable.Revenue] = new Money(revenue.Value);
        if (country != null) account[AccountTable.Country] = country;
        return new EntityReference(AccountTable.Name, Emulator.Service().Create(account));
    }

    /// <summary>The rep creates a deal, optionally with the next interaction already planned.</summary>
    public Guid Opportunity(
        string name,
        EntityReference account,
        decimal value = 50_000m,
        SalesStage stage = SalesStage.Qualify,
        string? goal = null,
        DateTime? nextInteraction = null,
        DateTime? closeDate = null)
    {
        var opportunity = new Entity(OpportunityTable.Name)
        {
            [OpportunityTable.Topic] = name,
            [OpportunityTable.Customer] = account,
            [OpportunityTable.ParentAccount] = account,
            [OpportunityTable.EstimatedValue] = new Money(value),
            [OpportunityTable.SalesStage] = new OptionSetValue((int)stage),
            [OpportunityTable.EstimatedCloseDate] = closeDate ?? Now.Date.AddDays(90),
        };
        if (goal != null) opportunity[OpportunityTable.NextInteractionGoal] = goal;
        if (nextInteraction != null) opportunity[OpportunityTable.NextInteractionDate] = nextInteraction.Value;
        return AsRep.Create(opportunity);
    }

    /// <summary>What the rep sees on the form.</summary>
    public Entity Read(Guid opportunityId) => Emulator.Service().Retrieve(OpportunityTable.Name, opportunityId, new ColumnSet(
        OpportunityTable.Topic, OpportunityTable.SalesStage, OpportunityTable.IcpFitScore, OpportunityTable.IcpFitBand,
        OpportunityTable.IcpFitReasons, OpportunityTable.ReviewFlag, OpportunityTable.ReviewReasons,
        OpportunityTable.NextInteractionGoal, OpportunityTable.NextInteractionDate));

    public void MoveToStage(Guid opportunityId, SalesStage stage, string? goal = null, DateTime? nextInteraction = null)
    {
        var update = new Entity(OpportunityTable.Name, opportunityId) { [OpportunityTable.SalesStage] = new OptionSetValue((int)stage) };
        if (goal != null) update[OpportunityTable.NextInteractionGoal] = goal;
        if (nextInteraction != null) update[OpportunityTable.NextInteractionDate] = nextInteraction.Value;
        AsRep.Update(update);
    }

    public IReadOnlyList<Entity> Sessions(Guid opportunityId) => Regarding(SessionTable.Name, opportunityId,
        ActivityColumns.Subject, ActivityColumns.Owner, SessionTable.Rep, SessionTable.Step, SessionTable.Trigger,
        SessionTable.OpportunitySnapshot, SessionTable.BuyerSnapshot, SessionTable.RepSnapshot, ActivityColumns.State);

    public IReadOnlyList<Entity> Tasks(Guid opportunityId) => Regarding(TaskTable.Name, opportunityId,
        ActivityColumns.Subject, ActivityColumns.Description, ActivityColumns.Owner, ActivityColumns.Due, TaskTable.Category, ActivityColumns.State);

    private IReadOnlyList<Entity> Regarding(string table, Guid opportunityId, params string[] columns)
    {
        var query = new QueryExpression(table) { ColumnSet = new ColumnSet(columns) };
        query.Criteria.AddCondition(ActivityColumns.Regarding, ConditionOperator.Equal, opportunityId);
        query.AddOrder(ActivityColumns.CreatedOn, OrderType.Ascending);
        return Emulator.Service().RetrieveMultiple(query).Entities.ToList();
    }
}
