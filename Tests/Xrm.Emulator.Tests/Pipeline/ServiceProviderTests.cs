using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xrm.Emulator.Pipeline;
using Xrm.Emulator.Tests.Support;

namespace Xrm.Emulator.Tests.Pipeline;

public class ServiceProviderTests
{
    private readonly XrmEmulator _emulator = new();

    [Fact]
    public void Service_provider_gives_the_execution_context_in_all_its_versions_the_factory_and_tracing()
    {
        var services = new Dictionary<Type, object?>();
        _emulator.On("Create", "account", PipelineStage.PreOperation, p =>
        {
            foreach (var type in new[]
                     {
                         typeof(IExecutionContext), typeof(IPluginExecutionContext), typeof(IPluginExecutionContext2), typeof(IPluginExecutionContext3),
                         typeof(IPluginExecutionContext4), typeof(IOrganizationServiceFactory), typeof(ITracingService), typeof(IOrganizationService),
                     })
            {
                services[type] = p.Provider.GetService(type);
            }
        });

        _emulator.Service().Create(new Entity("account"));

        services[typeof(IPluginExecutionContext4)].Should().NotBeNull()
            .And.BeSameAs(services[typeof(IPluginExecutionContext)])
            .And.BeSameAs(services[typeof(IPluginExecutionContext2)])
            .And.BeSameAs(services[typeof(IPluginExecutionContext3)])
            .And.BeSameAs(services[typeof(IExecutionContext)]);
        services[typeof(IOrganizationServiceFactory)].Should().NotBeNull();
        services[typeof(ITracingService)].Should().NotBeNull();
        services[typeof(IOrganizationService)].Should().BeNull("plugins get services from the factory");
    }

    [Fact]
    public void Factory_null_user_is_SYSTEM_empty_guid_is_the_context_user_and_an_id_is_that_user()
    {
        var rep = _emulator.AddUser("Rita Rep");
        var manager = _emulator.AddUser("Mona Manager");
        var creators = new Dictionary<string, Guid>();
        _emulator.On("Create", "account", PipelineStage.PostOperation, p =>
        {
            foreach (var (label, user) in new[] { ("null", (Guid?)null), ("empty", Guid.Empty), ("manager", manager) })
            {
                var id = p.Factory.CreateOrganizationService(user).Create(new Entity("task"));
                creators[label] = p.Service.Retrieve("task", id, new ColumnSet("createdby")).GetAttributeValue<EntityReference>("createdby").Id;
            }
        });

        _emulator.Service(rep).Create(new Entity("account"));

        creators["null"].Should().Be(_emulator.SystemUserId);
        creators["empty"].Should().Be(rep);
        creators["manager"].Should().Be(manager);
    }
}
