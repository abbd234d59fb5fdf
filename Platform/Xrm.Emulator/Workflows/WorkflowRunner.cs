using System;
using System.Activities;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using Xrm.Emulator.Metering;
using Xrm.Emulator.Pipeline;

namespace Xrm.Emulator.Workflows;

/// <summary>
/// Runs a CodeActivity as a background workflow step would: [Input] arguments from a dictionary (else the
/// argument's constant, else its [Default]), the workflow context and services as extensions, [Output] arguments back.
/// </summary>
internal sealed class WorkflowRunner
{
    private readonly XrmEmulator _emulator;

    public WorkflowRunner(XrmEmulator emulator) => _emulator = emulator;

    public IReadOnlyDictionary<string, object?> Run(CodeActivity activity, IDictionary<string, object?> inputs, EntityReference? primaryEntity, Guid userId)
    {
        if (activity == null) throw new ArgumentNullException(nameof(activity));
        inputs ??= new Dictionary<string, object?>();
        _emulator.RequireUser(userId);

        var activityType = activity.GetType();
        var context = new WorkflowContext("ExecuteWorkflow", primaryEntity?.LogicalName ?? "none", primaryEntity?.Id ?? Guid.Empty)
        {
            UserId = userId,
            InitiatingUserId = userId,
            BusinessUnitId = _emulator.BusinessUnitId,
            OrganizationId = _emulator.OrganizationId,
            OrganizationName = _emulator.OrganizationName,
            OperationCreatedOn = _emulator.UtcNow,
        };
        if (primaryEntity != null) context.InputParameters["Target"] = new EntityReference(primaryEntity.LogicalName, primaryEntity.Id);

        var execution = new PluginExecution(activityType.FullName!, context.MessageName, context.PrimaryEntityName, 0, StepMode.Asynchronous, context.Depth, context.PrimaryEntityId);
        _emulator.Meter.Add(execution);
        var activityContext = new CodeActivityContext(new Dictionary<Type, object>
        {
            [typeof(IWorkflowContext)] = context,
            [typeof(IOrganizationServiceFactory)] = new OrganizationServiceFactory(_emulator, context, execution, transaction: null, alwaysContextUser: true),
            [typeof(ITracingService)] = new TracingService(execution),
        });

        var arguments = Arguments(activityType);
        var unknown = inputs.Keys.FirstOrDefault(name => !arguments.Any(a => a.IsInput && a.Name == name));
        if (unknown != null)
        {
            throw new ArgumentException($"{activityType.Name} has no [Input(\"{unknown}\")]. Inputs: {string.Join(", ", arguments.Where(a => a.IsInput).Select(a => a.Name))}.");
        }

        foreach (var argument in arguments.Where(a => a.IsInput)) SetInput(activity, activityContext, argument, inputs);
        var outputs = arguments.Where(a => !a.IsInput).Select(a => (a, Instance(activity, a))).ToList();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            activity.InvokeExecute(activityContext);
        }
        catch (Exception error)
        {
            execution.Error = error.Message;
            throw;
        }
        finally
        {
            execution.Elapsed = clock.Elapsed;
        }

        return outputs.ToDictionary(o => o.a.Name, o => (object?)activityContext.GetValue(o.Item2));
    }

    private static void SetInput(CodeActivity activity, CodeActivityContext context, ActivityArgument argument, IDictionary<string, object?> inputs)
    {
        var instance = Instance(activity, argument);
        object? value;
        if (inputs.TryGetValue(argument.Name, out var given))
        {
            value = Convert(given, argument);
        }
        else if (ConstValue(instance) is (true, var constant))
        {
            value = constant;
        }
        else if (argument.Property.GetCustomAttribute<DefaultAttribute>() is { } defaultValue)
        {
            value = ParseDefault(defaultValue, argument);
        }
        else if (argument.Property.GetCustomAttribute<ArgumentRequiredAttribute>() is { Value: true })
        {
            throw new ArgumentException($"{activity.GetType().Name} requires the input '{argument.Name}' ({argument.ValueType.Name}); it was not given and has no default.");
        }
        else
        {
            return;
        }

        context.SetValue(instance, value);
    }

    /// <summary>The argument object on the property, created when the activity left it null (as the designer would).</summary>
    private static Argument Instance(CodeActivity activity, ActivityArgument argument)
    {
        if (argument.Property.GetValue(activity) is Argument existing) return existing;
        if (!argument.Property.CanWrite)
        {
            throw new InvalidOperationException($"{activity.GetType().Name}.{argument.Property.Name} is null and has no setter.");
        }

        var created = (Argument)Activator.CreateInstance(argument.Property.PropertyType)!;
        argument.Property.SetValue(activity, created);
        return created;
    }

    private static (bool, object?) ConstValue(Argument argument)
    {
        var type = argument.GetType();
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(InArgument<>)) return (false, null);
        var flags = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;
        var has = (bool)type.GetProperty("HasConstValue", flags)!.GetValue(argument)!;
        return has ? (true, type.GetProperty("ConstValue", flags)!.GetValue(argument)) : (false, null);
    }

    private static object? Convert(object? given, ActivityArgument argument)
    {
        if (given == null || argument.ValueType.IsInstanceOfType(given)) return given;
        var target = Nullable.GetUnderlyingType(argument.ValueType) ?? argument.ValueType;
        try
        {
            if (given is IConvertible && typeof(IConvertible).IsAssignableFrom(target)) return System.Convert.ChangeType(given, target, CultureInfo.InvariantCulture);
        }
        catch (Exception error) when (error is InvalidCastException or FormatException or OverflowException)
        {
        }

        throw new ArgumentException($"The input '{argument.Name}' is {argument.ValueType.Name}; {given.GetType().Name} was given.");
    }

    /// <summary>[Default] values are strings, as in the process designer.</summary>
    private static object? ParseDefault(DefaultAttribute attribute, ActivityArgument argument)
    {
        var text = attribute.Value;
        var type = Nullable.GetUnderlyingType(argument.ValueType) ?? argument.ValueType;
        if (type == typeof(string)) return text;
        if (type == typeof(bool)) return text == "1" || bool.Parse(text);
        if (type == typeof(int)) return int.Parse(text, CultureInfo.InvariantCulture);
        if (type == typeof(decimal)) return decimal.Parse(text, CultureInfo.InvariantCulture);
        if (type == typeof(double)) return double.Parse(text, CultureInfo.InvariantCulture);
        if (type == typeof(DateTime)) return DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        if (type == typeof(Money)) return new Money(decimal.Parse(text, CultureInfo.InvariantCulture));
        if (type == typeof(OptionSetValue)) return new OptionSetValue(int.Parse(text, CultureInfo.InvariantCulture));
        if (type == typeof(EntityReference)) return new EntityReference(attribute.EntityName, Guid.Parse(text));
        throw new ArgumentException($"The [Default] of input '{argument.Name}' cannot be read as {type.Name}.");
    }

    private static IReadOnlyList<ActivityArgument> Arguments(Type activityType)
    {
        var result = new List<ActivityArgument>();
        foreach (var property in activityType.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            if (!typeof(Argument).IsAssignableFrom(property.PropertyType) || !property.PropertyType.IsGenericType) continue;
            var valueType = property.PropertyType.GetGenericArguments()[0];
            if (property.GetCustomAttribute<InputAttribute>() is { } input) result.Add(new ActivityArgument(input.Name, property, valueType, IsInput: true));
            if (property.GetCustomAttribute<OutputAttribute>() is { } output) result.Add(new ActivityArgument(output.Name, property, valueType, IsInput: false));
        }

        return result;
    }

    private sealed record ActivityArgument(string Name, PropertyInfo Property, Type ValueType, bool IsInput);
}
