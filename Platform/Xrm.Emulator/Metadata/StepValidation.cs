using Xrm.Emulator.Pipeline;

namespace Xrm.Emulator.Metadata;

/// <summary>A step on a table must name the table's columns in its filtering attributes and image definitions, as registration checks.</summary>
internal static class StepValidation
{
    public static void Check(StepRegistration step, MetadataCatalog catalog)
    {
        if (step.PrimaryEntity == null) return;
        var table = catalog.Require(step.PrimaryEntity);
        foreach (var column in step.FilteringAttributes) catalog.RequireColumn(table, column.ToLowerInvariant());
        foreach (var image in step.Images)
        {
            foreach (var column in image.Attributes) catalog.RequireColumn(table, column);
        }
    }
}
