using System;
using System.Collections.Generic;
using Xrm.Emulator.Pipeline;

namespace Xrm.Emulator.Tests.Support;

/// <summary>Registers lambda steps: <c>emulator.On("Update", "account", PipelineStage.PreOperation, p =&gt; ...)</c>.</summary>
public static class EmulatorSteps
{
    public static StepRegistration On(
        this XrmEmulator emulator,
        string message,
        string? table,
        PipelineStage stage,
        Action<PluginScope> body,
        string? name = null,
        int rank = 1,
        StepMode mode = StepMode.Synchronous,
        IReadOnlyCollection<string>? filteringAttributes = null,
        params ImageRegistration[] images) =>
        emulator.RegisterStep(new StepRegistration(message, table, stage, new DelegatePlugin(body))
        {
            PluginTypeName = name ?? $"Test.{message}{(int)stage}{(mode == StepMode.Asynchronous ? "Async" : "")}",
            Rank = rank,
            Mode = mode,
            FilteringAttributes = filteringAttributes ?? Array.Empty<string>(),
            Images = images,
        });
}
