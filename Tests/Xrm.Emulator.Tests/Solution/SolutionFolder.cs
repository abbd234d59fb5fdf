using System;
using System.IO;

namespace Xrm.Emulator.Tests.Solution;

/// <summary>A throw-away Solution/src folder written file by file in SolutionPackager layout.</summary>
public sealed class SolutionFolder : IDisposable
{
    public SolutionFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "xrm-emulator-solution-" + Guid.NewGuid().ToString("N"));

    public SolutionFolder Write(string relativePath, string content)
    {
        var file = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);
        return this;
    }

    public SolutionFolder Step(string name, string? messageId, string pluginType, string table, int stage, int mode = 0, int rank = 1,
        string filtering = "", string configuration = "", string images = "") =>
        Write($"SdkMessageProcessingSteps/{{{Guid.NewGuid()}}}.xml", $$"""
            <?xml version="1.0" encoding="utf-8"?>
            <SdkMessageProcessingStep Name="{{name}}" SdkMessageProcessingStepId="{{{Guid.NewGuid()}}}">
              <SdkMessageId>{{messageId}}</SdkMessageId>
              <PluginTypeName>{{pluginType}}, Xrm.Emulator.Tests, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null</PluginTypeName>
              <PluginTypeId>{{{Guid.NewGuid()}}}</PluginTypeId>
              <PrimaryEntity>{{table}}</PrimaryEntity>
              <AsyncAutoDelete>0</AsyncAutoDelete>
              <Configuration>{{configuration}}</Configuration>
              <Description>test step</Description>
              <FilteringAttributes>{{filtering}}</FilteringAttributes>
              <InvocationSource>0</InvocationSource>
              <Mode>{{mode}}</Mode>
              <Rank>{{rank}}</Rank>
              <EventHandlerTypeCode>4602</EventHandlerTypeCode>
              <Stage>{{stage}}</Stage>
              <IsCustomizable>1</IsCustomizable>
              <IsHidden>0</IsHidden>
              <SupportedDeployment>0</SupportedDeployment>
              <IntroducedVersion>1.0.0.0</IntroducedVersion>
              <SdkMessageProcessingStepImages>{{images}}</SdkMessageProcessingStepImages>
            </SdkMessageProcessingStep>
            """);

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
