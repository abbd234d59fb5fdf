namespace Xrm.Emulator.Pipeline;

/// <summary>SdkMessageProcessingStep.Stage. 30 (MainOperation) belongs to the platform and to custom API plugins.</summary>
public enum PipelineStage
{
    PreValidation = 10,
    PreOperation = 20,
    MainOperation = 30,
    PostOperation = 40,
}

/// <summary>SdkMessageProcessingStep.Mode.</summary>
public enum StepMode
{
    Synchronous = 0,
    Asynchronous = 1,
}

/// <summary>SdkMessageProcessingStepImage.ImageType.</summary>
public enum ImageType
{
    PreImage = 0,
    PostImage = 1,
    Both = 2,
}
