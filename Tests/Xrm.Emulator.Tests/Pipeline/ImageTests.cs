using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Pipeline;
using Xrm.Emulator.Tests.Support;

namespace Xrm.Emulator.Tests.Pipeline;

public class ImageTests
{
    private readonly XrmEmulator _emulator = new();

    private Guid CreateAccount() =>
        _emulator.Service().Create(new Entity("account") { ["name"] = "Contoso", ["telephone1"] = "555", ["revenue"] = new Money(10m) });

    [Fact]
    public void Pre_image_shows_the_record_before_the_change()
    {
        Entity? pre = null;
        _emulator.On("Update", "account", PipelineStage.PostOperation, p => pre = p.Context.PreEntityImages["PreImage"],
            images: ImageRegistration.Pre("PreImage", "name"));
        var id = CreateAccount();

        _emulator.Service().Update(new Entity("account", id) { ["name"] = "Contoso Ltd" });

        pre!["name"].Should().Be("Contoso");
        pre.Id.Should().Be(id);
    }

    [Fact]
    public void Post_image_shows_the_record_after_the_change()
    {
        Entity? post = null;
        _emulator.On("Update", "account", PipelineStage.PostOperation, p => post = p.Context.PostEntityImages["PostImage"],
            images: ImageRegistration.Post("PostImage"));
        var id = CreateAccount();

        _emulator.Service().Update(new Entity("account", id) { ["name"] = "Contoso Ltd" });

        post!["name"].Should().Be("Contoso Ltd");
        post["telephone1"].Should().Be("555");
    }

    [Fact]
    public void Images_carry_only_the_registered_columns()
    {
        Entity? pre = null;
        _emulator.On("Update", "account", PipelineStage.PreOperation, p => pre = p.Context.PreEntityImages["PreImage"],
            images: ImageRegistration.Pre("PreImage", "name", "revenue"));
        var id = CreateAccount();

        _emulator.Service().Update(new Entity("account", id) { ["name"] = "x" });

        pre!.Attributes.Keys.Should().BeEquivalentTo("name", "revenue", "accountid");
    }

    [Fact]
    public void An_image_with_no_columns_carries_all_columns()
    {
        Entity? pre = null;
        _emulator.On("Update", "account", PipelineStage.PreOperation, p => pre = p.Context.PreEntityImages["PreImage"],
            images: ImageRegistration.Pre("PreImage"));
        var id = CreateAccount();

        _emulator.Service().Update(new Entity("account", id) { ["name"] = "x" });

        pre!.Attributes.Keys.Should().Contain(new[] { "name", "telephone1", "revenue", "createdon", "ownerid" });
    }

    [Fact]
    public void Create_has_no_pre_image()
    {
        var images = new Dictionary<string, int>();
        _emulator.On("Create", "account", PipelineStage.PostOperation, p =>
        {
            images["pre"] = p.Context.PreEntityImages.Count;
            images["post"] = p.Context.PostEntityImages.Count;
        }, images: new ImageRegistration("Image", ImageType.Both));

        _emulator.Service().Create(new Entity("account"));

        images["pre"].Should().Be(0);
        images["post"].Should().Be(1);
    }

    [Fact]
    public void Delete_has_no_post_image()
    {
        var images = new Dictionary<string, int>();
        _emulator.On("Delete", "account", PipelineStage.PostOperation, p =>
        {
            images["pre"] = p.Context.PreEntityImages.Count;
            images["post"] = p.Context.PostEntityImages.Count;
        }, images: new ImageRegistration("Image", ImageType.Both));
        var id = CreateAccount();

        _emulator.Service().Delete("account", id);

        images["pre"].Should().Be(1);
        images["post"].Should().Be(0);
    }

    [Fact]
    public void Post_image_exists_only_at_post_operation()
    {
        var postImages = new Dictionary<int, int>();
        foreach (var stage in new[] { PipelineStage.PreValidation, PipelineStage.PreOperation, PipelineStage.PostOperation })
        {
            _emulator.On("Update", "account", stage, p => postImages[p.Context.Stage] = p.Context.PostEntityImages.Count,
                images: ImageRegistration.Post("PostImage"));
        }

        var id = CreateAccount();
        _emulator.Service().Update(new Entity("account", id) { ["name"] = "x" });

        postImages.Should().Equal(new Dictionary<int, int> { [10] = 0, [20] = 0, [40] = 1 });
    }

    [Fact]
    public void Pre_image_is_there_at_every_stage_of_an_update()
    {
        var preImages = new Dictionary<int, int>();
        foreach (var stage in new[] { PipelineStage.PreValidation, PipelineStage.PreOperation, PipelineStage.PostOperation })
        {
            _emulator.On("Update", "account", stage, p => preImages[p.Context.Stage] = p.Context.PreEntityImages.Count,
                images: ImageRegistration.Pre("PreImage"));
        }

        var id = CreateAccount();
        _emulator.Service().Update(new Entity("account", id) { ["name"] = "x" });

        preImages.Should().Equal(new Dictionary<int, int> { [10] = 1, [20] = 1, [40] = 1 });
    }

    [Fact]
    public void Images_are_copies_a_plugin_cannot_use_to_change_the_record()
    {
        _emulator.On("Update", "account", PipelineStage.PreOperation, p => p.Context.PreEntityImages["PreImage"]["telephone1"] = "hacked",
            images: ImageRegistration.Pre("PreImage"));
        var id = CreateAccount();

        _emulator.Service().Update(new Entity("account", id) { ["name"] = "x" });

        _emulator.Store.Find("account", id)!["telephone1"].Should().Be("555");
    }

    [Fact]
    public void Images_keep_the_record_as_it_was_when_a_stage_40_step_changes_it_again()
    {
        // The first stage-40 step writes the same record; the second still sees the images of the original update.
        _emulator.On("Update", "account", PipelineStage.PostOperation, p =>
        {
            if (p.Context.Depth == 1) p.Service.Update(new Entity("account", p.Context.PrimaryEntityId) { ["telephone1"] = "777" });
        }, rank: 1);
        Entity? pre = null;
        Entity? post = null;
        _emulator.On("Update", "account", PipelineStage.PostOperation, p =>
        {
            if (p.Context.Depth > 1) return;
            pre = p.Context.PreEntityImages["PreImage"];
            post = p.Context.PostEntityImages["PostImage"];
        }, rank: 2, images: new[] { ImageRegistration.Pre("PreImage", "name", "telephone1"), ImageRegistration.Post("PostImage", "name", "telephone1") });
        var id = CreateAccount();

        _emulator.Service().Update(new Entity("account", id) { ["name"] = "Contoso Ltd" });

        pre!["name"].Should().Be("Contoso");
        pre["telephone1"].Should().Be("555");
        post!["name"].Should().Be("Contoso Ltd");
        post["telephone1"].Should().Be("555", "the post-image is the record right after this update's core operation");
        _emulator.Store.Find("account", id)!["telephone1"].Should().Be("777");
    }

    [Fact]
    public void A_step_registered_after_messages_ran_gets_its_images_on_the_next_one()
    {
        var id = CreateAccount();
        _emulator.Service().Update(new Entity("account", id) { ["name"] = "first" });

        Entity? pre = null;
        _emulator.On("Update", "account", PipelineStage.PreOperation, p => pre = p.Context.PreEntityImages["PreImage"],
            images: ImageRegistration.Pre("PreImage", "name"));
        _emulator.Service().Update(new Entity("account", id) { ["name"] = "second" });

        pre!["name"].Should().Be("first");
    }
}
