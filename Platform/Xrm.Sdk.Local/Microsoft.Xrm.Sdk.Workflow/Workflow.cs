using System;

namespace Microsoft.Xrm.Sdk.Workflow
{
    public interface IWorkflowContext : IExecutionContext
    {
        string StageName { get; }

        int WorkflowCategory { get; }

        int WorkflowMode { get; }

        IWorkflowContext ParentContext { get; }
    }

    public interface IWorkflowArgument
    {
        object ArgumentValue { get; }
    }

    public abstract class ParameterAttribute : Attribute
    {
        internal ParameterAttribute(string name)
        {
            Name = name;
        }

        public string Name { get; }
    }

    /// <summary>Names a workflow activity input as the process designer shows it.</summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class InputAttribute : ParameterAttribute
    {
        public InputAttribute(string name) : base(name)
        {
        }
    }

    [AttributeUsage(AttributeTargets.Property)]
    public sealed class OutputAttribute : ParameterAttribute
    {
        public OutputAttribute(string name) : base(name)
        {
        }
    }

    [AttributeUsage(AttributeTargets.Property)]
    public sealed class ReferenceTargetAttribute : Attribute
    {
        public ReferenceTargetAttribute(string entityName)
        {
            EntityName = entityName;
        }

        public string EntityName { get; }
    }

    [AttributeUsage(AttributeTargets.Property)]
    public sealed class DefaultAttribute : Attribute
    {
        public DefaultAttribute(string value)
        {
            Value = value;
        }

        public DefaultAttribute(string value, string entityName)
        {
            Value = value;
            EntityName = entityName;
        }

        public string Value { get; }

        public string EntityName { get; }
    }

    [AttributeUsage(AttributeTargets.Property)]
    public sealed class ArgumentRequiredAttribute : Attribute, IWorkflowArgument
    {
        public ArgumentRequiredAttribute()
        {
            Value = true;
        }

        public ArgumentRequiredAttribute(bool value)
        {
            Value = value;
        }

        public bool Value { get; set; }

        public object ArgumentValue => Value;
    }
}
