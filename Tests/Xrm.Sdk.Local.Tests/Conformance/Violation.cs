namespace Xrm.Sdk.Local.Tests.Conformance;

/// <summary>One way a stand-in type differs from the real SDK.</summary>
/// <param name="TypeName">The stand-in type, in listing format.</param>
/// <param name="Member">The member line, interface or header part concerned; null when the whole type is.</param>
/// <param name="Message">Full text, e.g. <c>Microsoft.Xrm.Sdk.Entity: member 'System.String Foo { get; }' is not in the real SDK (xrm-sdk-api/Microsoft.Xrm.Sdk.api.txt)</c>.</param>
public sealed record Violation(string TypeName, string? Member, string Message)
{
    public override string ToString() => Message;
}
