using System;
using System.Collections.Generic;
using System.Linq;
using Coach.SolutionSource;

namespace Coach.Checks;

/// <summary>Plugin step registrations: message, stage, filtering attributes, duplicates, plugin types, columns and images.</summary>
internal static class RegistrationRules
{
    public static IEnumerable<Finding> Run(CheckContext context)
    {
        var tree = context.Tree;
        var registeredTypes = tree.PluginAssemblies.SelectMany(a => a.Types.Select(t => (Assembly: a, Type: t))).ToList();

        foreach (var duplicate in tree.Steps.Where(s => s.Id != null).GroupBy(s => s.Id).Where(g => g.Count() > 1))
        {
            foreach (var step in duplicate.Skip(1))
            {
                yield return new Finding(Rules.StepStage, Severity.Error, step.Location, $"SdkMessageProcessingStepId {{{step.Id:D}}} is also used by {duplicate.First().Location.File}.");
            }
        }

        foreach (var step in tree.Steps)
        {
            if (step.Id == null)
            {
                yield return new Finding(Rules.StepStage, Severity.Error, step.Location, $"Step {step.Describe()} has no SdkMessageProcessingStepId.");
            }

            foreach (var finding in Message(step)) yield return finding;
            foreach (var finding in Stage(step)) yield return finding;
            foreach (var finding in Filtering(step)) yield return finding;
            foreach (var finding in PluginType(context, step, registeredTypes)) yield return finding;
            foreach (var finding in Columns(context, step)) yield return finding;
            foreach (var finding in Images(step)) yield return finding;
        }

        foreach (var finding in Duplicates(tree.Steps)) yield return finding;
    }

    private static IEnumerable<Finding> Message(StepDefinition step)
    {
        if (step.Message == null)
        {
            yield return new Finding(Rules.StepMessage, Severity.Error, step.Location,
                $"Cannot tell the message of step {step.Describe()}: SdkMessageId is not a known platform message and the name is not '<plugin type>: <Message> of <table>'.");
            yield break;
        }

        if (step.MessageFromId != null && step.MessageFromName != null && !string.Equals(step.MessageFromId, step.MessageFromName, StringComparison.OrdinalIgnoreCase))
        {
            yield return new Finding(Rules.StepMessage, Severity.Error, step.Location,
                $"Step {step.Describe()}: SdkMessageId is the {step.MessageFromId} message but the name says {step.MessageFromName}.");
        }

        if (step.MessageIdText == null)
        {
            yield return new Finding(Rules.StepMessage, Severity.Error, step.Location,
                $"Step {step.Describe()} has an empty SdkMessageId, which fails the schema's GUID pattern on import. Fill in the id of {step.Message} " +
                $"(GET <environment>/api/data/v9.2/sdkmessages?$select=sdkmessageid&$filter=name eq '{step.Message}'), or register on Create/Update, whose ids are the same everywhere.");
        }
        else if (SolutionSource.XmlSourceGuid.Parse(step.MessageIdText) == null)
        {
            yield return new Finding(Rules.StepMessage, Severity.Error, step.Location, $"Step {step.Describe()}: SdkMessageId '{step.MessageIdText}' is not a GUID.");
        }

        if (step.PrimaryEntity == null && !string.Equals(step.Message, "Associate", StringComparison.OrdinalIgnoreCase) && !string.Equals(step.Message, "Disassociate", StringComparison.OrdinalIgnoreCase))
        {
            yield return new Finding(Rules.StepMessage, Severity.Error, step.Location, $"Step {step.Describe()} names no PrimaryEntity: it would run for every table.");
        }

        if (SdkMessages.IsRetrieveLike(step.Message))
        {
            yield return new Finding(Rules.RetrieveRegistration, Severity.Warning, step.Location,
                $"Step {step.Describe()} runs on {step.Message}: every read pays for it. Keep such steps rare and fast.");
        }
    }

    private static IEnumerable<Finding> Stage(StepDefinition step)
    {
        if (step.Stage is not (10 or 20 or 40))
        {
            yield return new Finding(Rules.StepStage, Severity.Error, step.Location,
                $"Step {step.Describe()} has stage {step.Stage?.ToString() ?? "(none)"}; register on 10 (PreValidation), 20 (PreOperation) or 40 (PostOperation).");
        }

        if (step.Mode is not (0 or 1))
        {
            yield return new Finding(Rules.StepStage, Severity.Error, step.Location, $"Step {step.Describe()} has mode {step.Mode?.ToString() ?? "(none)"}; use 0 (synchronous) or 1 (asynchronous).");
        }
        else if (step.Mode == 1 && step.Stage != 40)
        {
            yield return new Finding(Rules.StepStage, Severity.Error, step.Location, $"Step {step.Describe()} is asynchronous at stage {step.Stage}: asynchronous steps run only at stage 40 (PostOperation).");
        }

        if (step.Rank is null or < 1)
        {
            yield return new Finding(Rules.StepStage, Severity.Warning, step.Location, $"Step {step.Describe()} has no rank; give it an execution order (1 or more).");
        }

        if (step.SupportedDeployment is not (null or 0))
        {
            yield return new Finding(Rules.StepStage, Severity.Error, step.Location, $"Step {step.Describe()} has SupportedDeployment {step.SupportedDeployment}; Dataverse runs server steps only (0).");
        }
    }

    private static IEnumerable<Finding> Filtering(StepDefinition step)
    {
        if (step.IsUpdate && step.FilteringAttributes.Count == 0)
        {
            yield return new Finding(Rules.FilteringAttributes, Severity.Error, step.FilteringAttributesLocation,
                $"{step.Message} step {step.Describe()} has no filtering attributes, so it runs on every save of {step.PrimaryEntity}. Name the columns it reacts to in <FilteringAttributes>.");
        }
        else if (!step.IsUpdate && step.FilteringAttributes.Count > 0)
        {
            yield return new Finding(Rules.FilteringAttributes, Severity.Warning, step.FilteringAttributesLocation,
                $"Step {step.Describe()} has filtering attributes, but they apply to Update and UpdateMultiple only; {step.Message} ignores them.");
        }

        foreach (var repeated in step.FilteringAttributes.GroupBy(a => a).Where(g => g.Count() > 1))
        {
            yield return new Finding(Rules.FilteringAttributes, Severity.Warning, step.FilteringAttributesLocation, $"Step {step.Describe()} lists filtering attribute '{repeated.Key}' {repeated.Count()} times.");
        }
    }

    private static IEnumerable<Finding> Duplicates(IReadOnlyList<StepDefinition> steps)
    {
        var groups = steps
            .Where(s => s.Message != null && s.PluginTypeName != null)
            .GroupBy(s => (Type: s.PluginTypeName!, Event: SdkMessages.EventKey(s.Message), Table: s.PrimaryEntity ?? string.Empty, s.Stage, s.Mode, Config: s.Configuration?.Trim() ?? string.Empty));
        foreach (var group in groups.Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var other in group.Skip(1))
            {
                var merged = !string.Equals(first.Message, other.Message, StringComparison.OrdinalIgnoreCase)
                    ? $" The pipeline runs a step on {first.Message} also for {other.Message} (single and bulk messages are one event), so {group.Key.Type} would run twice."
                    : $" {group.Key.Type} would run twice on every {other.Message}.";
                yield return new Finding(Rules.DuplicateRegistration, Severity.Error, other.Location,
                    $"Step {other.Describe()} duplicates {first.Location.File} ({first.Describe()}): same plugin, event, table, stage and mode.{merged}");
            }
        }
    }

    private static IEnumerable<Finding> PluginType(CheckContext context, StepDefinition step, IReadOnlyList<(PluginAssemblyDefinition Assembly, PluginTypeDefinition Type)> registered)
    {
        if (step.PluginTypeName == null && step.PluginTypeId == null)
        {
            yield return new Finding(Rules.StepPluginType, Severity.Error, step.Location, $"Step {step.Describe()} names neither PluginTypeName nor PluginTypeId.");
            yield break;
        }

        var byId = step.PluginTypeId is { } id ? registered.Where(r => r.Type.Id == id).ToList() : new();
        var byName = step.PluginTypeName is { } name ? registered.Where(r => string.Equals(r.Type.TypeName, name, StringComparison.Ordinal)).ToList() : new();

        if (step.PluginTypeId != null && byId.Count == 0)
        {
            yield return new Finding(Rules.StepPluginType, Severity.Error, step.Location,
                $"Step {step.Describe()}: PluginTypeId {{{step.PluginTypeId:D}}} is not a PluginType of any PluginAssemblies/*/*.dll.data.xml.");
        }

        if (step.PluginTypeName != null && byName.Count == 0)
        {
            yield return new Finding(Rules.StepPluginType, Severity.Error, step.Location,
                $"Step {step.Describe()}: plugin type '{step.PluginTypeName}' is not registered in any PluginAssemblies/*/*.dll.data.xml.");
        }

        if (byId.Count > 0 && byName.Count > 0 && byId[0].Type != byName[0].Type)
        {
            yield return new Finding(Rules.StepPluginType, Severity.Error, step.Location,
                $"Step {step.Describe()}: PluginTypeId {{{step.PluginTypeId:D}}} is '{byId[0].Type.TypeName}' but PluginTypeName is '{step.PluginTypeName}'.");
        }

        var match = byId.Concat(byName).FirstOrDefault();
        if (match.Type == null) yield break;
        var built = context.BuiltFor(match.Assembly);
        if (built == null) yield break;
        var type = built.FindType(match.Type.TypeName);
        if (type == null)
        {
            yield return new Finding(Rules.StepPluginType, Severity.Error, step.Location,
                $"Step {step.Describe()}: '{match.Type.TypeName}' is not in the built {built.Name} ({context.Layout.Relative(built.Path)}).");
        }
        else if (!type.IsPlugin || type.IsAbstract || !type.IsPublic)
        {
            yield return new Finding(Rules.StepPluginType, Severity.Error, step.Location,
                $"Step {step.Describe()}: '{match.Type.TypeName}' is not a public, non-abstract IPlugin class in the built {built.Name}.");
        }
    }

    private static IEnumerable<Finding> Columns(CheckContext context, StepDefinition step)
    {
        if (step.PrimaryEntity == null || string.Equals(step.PrimaryEntity, "none", StringComparison.OrdinalIgnoreCase)) yield break;
        var table = step.PrimaryEntity;
        if (!context.Columns.KnowsTable(table))
        {
            yield return new Finding(Rules.StepColumns, Severity.Error, step.Location,
                $"Step {step.Describe()} is on table '{table}', which is neither defined in Solution/src/Entities nor listed in the tool's standard-columns.txt.");
            yield break;
        }

        foreach (var attribute in step.FilteringAttributes.Where(a => !context.Columns.Has(table, a)))
        {
            yield return new Finding(Rules.StepColumns, Severity.Error, step.FilteringAttributesLocation,
                $"Step {step.Describe()}: filtering attribute '{attribute}' is not a column of {table}.");
        }

        foreach (var image in step.Images)
        {
            foreach (var attribute in image.Attributes.Where(a => !context.Columns.Has(table, a)))
            {
                yield return new Finding(Rules.StepColumns, Severity.Error, image.Location,
                    $"Step {step.Describe()}, image '{image.EntityAlias ?? image.Name}': '{attribute}' is not a column of {table}.");
            }
        }
    }

    private static IEnumerable<Finding> Images(StepDefinition step)
    {
        var message = step.Message ?? string.Empty;
        var isCreate = message.Equals("Create", StringComparison.OrdinalIgnoreCase) || message.Equals("CreateMultiple", StringComparison.OrdinalIgnoreCase);
        var isDelete = message.Equals("Delete", StringComparison.OrdinalIgnoreCase);
        var expectedProperty = SdkMessages.ExpectedImageProperty(step.Message);

        foreach (var alias in step.Images.Where(i => i.EntityAlias != null).GroupBy(i => i.EntityAlias, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            yield return new Finding(Rules.StepImages, Severity.Error, alias.Skip(1).First().Location, $"Step {step.Describe()} has two images named '{alias.Key}'.");
        }

        foreach (var image in step.Images)
        {
            var label = $"Step {step.Describe()}, image '{image.EntityAlias ?? image.Name}'";
            if (image.EntityAlias == null)
            {
                yield return new Finding(Rules.StepImages, Severity.Error, image.Location, $"{label} has no EntityAlias: the plugin finds images by it.");
            }

            if (image.ImageType is not (0 or 1 or 2))
            {
                yield return new Finding(Rules.StepImages, Severity.Error, image.Location, $"{label} has ImageType {image.ImageType}; use 0 (pre), 1 (post) or 2 (both).");
                continue;
            }

            var hasPre = image.ImageType is 0 or 2;
            var hasPost = image.ImageType is 1 or 2;
            if (hasPre && isCreate)
            {
                yield return new Finding(Rules.StepImages, Severity.Error, image.Location, $"{label} is a pre-image on {message}: a record being created has no pre-image.");
            }

            if (hasPost && isDelete)
            {
                yield return new Finding(Rules.StepImages, Severity.Error, image.Location, $"{label} is a post-image on Delete: a deleted record has no post-image.");
            }

            if (hasPost && step.Stage != 40)
            {
                yield return new Finding(Rules.StepImages, Severity.Error, image.Location, $"{label} is a post-image at stage {step.Stage}: post-images exist only at stage 40.");
            }

            if (expectedProperty != null && !string.Equals(image.MessagePropertyName, expectedProperty, StringComparison.OrdinalIgnoreCase))
            {
                yield return new Finding(Rules.StepImages, Severity.Error, image.Location,
                    $"{label} has MessagePropertyName '{image.MessagePropertyName ?? "(none)"}'; {message} images use '{expectedProperty}'.");
            }

            if (image.Attributes.Count == 0)
            {
                yield return new Finding(Rules.StepImages, Severity.Warning, image.Location, $"{label} lists no columns, so it carries every column; name the ones the plugin reads.");
            }
        }
    }
}
