using System;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Metadata;
using Xrm.Emulator.Pipeline;

namespace Xrm.Emulator.Benchmarks;

/// <summary>
/// Three steps shaped like the solution's: a stage-10 guard reading a pre-image, a stage-20 step writing into the
/// Target, and a stage-40 step reading the post-image. None calls the service: this measures the pipeline itself.
/// </summary>
internal static class ThreeStepPipeline
{
    public static void Register(XrmEmulator emulator)
    {
        // The score column is the solution's (Solution/src/Entities/Opportunity); a bare emulator learns it here.
        var opportunity = emulator.Metadata.Require("opportunity");
        emulator.Metadata.Add(opportunity.With(new[] { new ColumnMetadata("coach_icpfitscore", ColumnType.Integer) { MinValue = 0, MaxValue = 100 } }));

        foreach (var message in new[] { "Create", "Update" })
        {
            emulator.RegisterStep(new StepRegistration(message, "opportunity", PipelineStage.PreValidation, new Guard())
            {
                Images = message == "Update" ? new[] { ImageRegistration.Pre("PreImage", "salesstage", "stepname") } : Array.Empty<ImageRegistration>(),
            });
            emulator.RegisterStep(new StepRegistration(message, "opportunity", PipelineStage.PreOperation, new Scorer()));
            emulator.RegisterStep(new StepRegistration(message, "opportunity", PipelineStage.PostOperation, new Follower())
            {
                Images = new[] { ImageRegistration.Post("PostImage", "coach_icpfitscore", "ownerid") },
            });
        }
    }

    private sealed class Guard : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
            var target = (Entity)context.InputParameters["Target"];
            if (context.PreEntityImages.TryGetValue("PreImage", out var pre) && pre.GetAttributeValue<OptionSetValue>("salesstage")?.Value > 3)
            {
                throw new InvalidPluginExecutionException("Unknown stage.");
            }

            context.SharedVariables["guarded"] = target.Contains("salesstage");
        }
    }

    private sealed class Scorer : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
            var target = (Entity)context.InputParameters["Target"];
            var value = target.GetAttributeValue<Money>("estimatedvalue")?.Value ?? 0m;
            target["coach_icpfitscore"] = value > 25_000m ? 80 : 40;
        }
    }

    private sealed class Follower : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
            var tracing = (ITracingService)serviceProvider.GetService(typeof(ITracingService))!;
            var post = context.PostEntityImages["PostImage"];
            tracing.Trace("score {0}", post.GetAttributeValue<int>("coach_icpfitscore"));
        }
    }
}
