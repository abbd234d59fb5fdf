namespace Xrm.Emulator.Metering;

/// <summary>
/// One call plugin code made through a service from IOrganizationServiceFactory.
/// Requests inside an ExecuteMultiple / ExecuteTransaction are recorded too, with <see cref="Batch"/> naming it.
/// </summary>
public sealed record ServiceCall(string Message, string? Table, string? Batch = null)
{
    private static readonly string[] WriteMessages =
        { "Create", "Update", "Delete", "Assign", "SetState", "WinOpportunity", "LoseOpportunity", "CreateMultiple", "UpdateMultiple", "Associate", "Disassociate" };

    public bool IsWrite => System.Array.IndexOf(WriteMessages, Message) >= 0;

    public override string ToString() => Batch == null ? $"{Message} {Table}" : $"{Message} {Table} (in {Batch})";
}
