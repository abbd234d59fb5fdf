using System;
using System.Linq;
using Coaching.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Coaching.Plugins.Tests.Support;

/// <summary>
/// The Opportunity Sales Process for one deal: its four stages (processstage rows of one process) and the
/// flow instance (opportunitysalesprocess). Moving a stage updates activestageid and traversedpath the way
/// the form's "Next stage" / "Set active" buttons do.
/// </summary>
public sealed class BusinessProcessFlow
{
    private readonly CoachingWorld _world;
    private readonly Guid _instanceId;

    private BusinessProcessFlow(CoachingWorld world, Guid opportunityId, Guid instanceId, Guid[] stages)
    {
        _world = world;
        OpportunityId = opportunityId;
        _instanceId = instanceId;
        Qualify = stages[0];
        Develop = stages[1];
        Propose = stages[2];
        Close = stages[3];
    }

    public Guid OpportunityId { get; }

    public Guid Qualify { get; }

    public Guid Develop { get; }

    public Guid Propose { get; }

    public Guid Close { get; }

    public static BusinessProcessFlow For(CoachingWorld world, Guid opportunityId)
    {
        var admin = world.Emulator.Service();
        var processId = admin.Create(new Entity("workflow") { ["name"] = "Opportunity Sales Process", ["category"] = new OptionSetValue(4) });
        var stages = new[] { "Qualify", "Develop", "Propose", "Close" }
            .Select((name, category) => admin.Create(new Entity(ProcessStageTable.Name)
            {
                [ProcessStageTable.StageName] = name,
                [ProcessStageTable.Category] = new OptionSetValue(category),
                [ProcessStageTable.Process] = new EntityReference("workflow", processId),
            }))
            .ToArray();
        var instance = world.AsRep.Create(new Entity(OpportunitySalesProcessTable.Name)
        {
            [OpportunitySalesProcessTable.Process] = new EntityReference("workflow", processId),
            [OpportunitySalesProcessTable.Opportunity] = new EntityReference(OpportunityTable.Name, opportunityId),
            [OpportunitySalesProcessTable.ActiveStage] = new EntityReference(ProcessStageTable.Name, stages[0]),
            [OpportunitySalesProcessTable.TraversedPath] = stages[0].ToString(),
        });
        return new BusinessProcessFlow(world, opportunityId, instance, stages);
    }

    public void MoveTo(Guid stage)
    {
        var path = Current().GetAttributeValue<string>(OpportunitySalesProcessTable.TraversedPath).Split(',').ToList();
        var at = path.IndexOf(stage.ToString());
        if (at >= 0) path = path.Take(at + 1).ToList();
        else path.Add(stage.ToString());

        _world.AsRep.Update(new Entity(OpportunitySalesProcessTable.Name, _instanceId)
        {
            [OpportunitySalesProcessTable.ActiveStage] = new EntityReference(ProcessStageTable.Name, stage),
            [OpportunitySalesProcessTable.TraversedPath] = string.Join(",", path),
        });
    }

    public Guid ActiveStage() => Current().GetAttributeValue<EntityReference>(OpportunitySalesProcessTable.ActiveStage).Id;

    private Entity Current() => _world.Emulator.Service().Retrieve(OpportunitySalesProcessTable.Name, _instanceId,
        new ColumnSet(OpportunitySalesProcessTable.ActiveStage, OpportunitySalesProcessTable.TraversedPath));
}
