using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    public class OrganizationRequest : IExtensibleDataObject
    {
        public OrganizationRequest()
        {
        }

        public OrganizationRequest(string requestName)
        {
            RequestName = requestName;
        }

        public string RequestName { get; set; }

        public Guid? RequestId { get; set; }

        public ParameterCollection Parameters { get; set; } = new ParameterCollection();

        /// <summary>Reads and writes <see cref="Parameters"/>; reading an absent key throws, as the real SDK does.</summary>
        public object this[string parameterName]
        {
            get => Parameters[parameterName];
            set => Parameters[parameterName] = value;
        }

        public ExtensionDataObject ExtensionData { get; set; }

        // Typed requests read their properties through this: an absent parameter reads as null, as in the real SDK.
        internal T Parameter<T>(string name) where T : class => Parameters.TryGetValue(name, out T value) ? value : null;

        // ... and an absent value parameter as the real SDK's default for it.
        internal T Parameter<T>(string name, T absent) where T : struct => Parameters.TryGetValue(name, out T value) ? value : absent;
    }

    public class OrganizationResponse : IExtensibleDataObject
    {
        public string ResponseName { get; set; }

        public ParameterCollection Results { get; set; } = new ParameterCollection();

        public object this[string parameterName]
        {
            get => Results[parameterName];
            set => Results[parameterName] = value;
        }

        public ExtensionDataObject ExtensionData { get; set; }

        internal T Result<T>(string name) => Results.TryGetValue(name, out object value) && value is T typed ? typed : default;
    }

    public enum ConcurrencyBehavior
    {
        Default = 0,
        IfRowVersionMatches = 1,
        AlwaysOverwrite = 2,
    }

    public sealed class ExecuteMultipleSettings : IExtensibleDataObject
    {
        public bool ContinueOnError { get; set; }

        public bool ReturnResponses { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    public sealed class ExecuteMultipleResponseItem : IExtensibleDataObject
    {
        public int RequestIndex { get; set; }

        public OrganizationResponse Response { get; set; }

        public OrganizationServiceFault Fault { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    public abstract class BaseServiceFault : IExtensibleDataObject
    {
        public int ErrorCode { get; set; }

        public string Message { get; set; }

        public DateTime Timestamp { get; set; }

        public Guid ActivityId { get; set; }

        public string HelpLink { get; set; }

        public ErrorDetailCollection ErrorDetails { get; set; } = new ErrorDetailCollection();

        public ExtensionDataObject ExtensionData { get; set; }
    }

    /// <summary>The detail of the platform's FaultException for a failed request.</summary>
    public class OrganizationServiceFault : BaseServiceFault
    {
        public OrganizationServiceFault InnerFault { get; set; }

        public string TraceText { get; set; }

        public override string ToString() => Message;
    }
}
