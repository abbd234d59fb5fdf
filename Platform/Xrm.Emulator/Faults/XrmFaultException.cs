using System;
using Microsoft.Xrm.Sdk;

namespace Xrm.Emulator.Faults;

/// <summary>
/// What the platform sends back as <c>FaultException&lt;OrganizationServiceFault&gt;</c>. System.ServiceModel is
/// not part of net10.0, so the emulator throws this instead; <see cref="Fault"/> carries the same detail.
/// </summary>
public sealed class XrmFaultException : Exception
{
    public XrmFaultException(OrganizationServiceFault fault, Exception? innerException = null)
        : base(fault.Message, innerException)
    {
        Fault = fault;
    }

    public OrganizationServiceFault Fault { get; }

    public int ErrorCode => Fault.ErrorCode;
}
