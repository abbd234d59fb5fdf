using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xrm.Emulator.Pipeline;

namespace Xrm.Emulator.Messages;

/// <summary>
/// GrantAccess: shares a record with a user or team (the caller needs Share access to it); granting again to the same
/// principal widens the rights of the existing share (see <see cref="Shares"/>).
/// </summary>
internal sealed class GrantAccessHandler : EventMessageHandler
{
    public GrantAccessHandler(XrmEmulator emulator) : base(emulator)
    {
    }

    public override string Name => "GrantAccess";

    public override void Prepare(Operation operation) => Shares.Describe(Emulator, operation, Name);

    public override void Execute(Operation operation) => Shares.Write(Emulator, operation, widen: true);

    public override OrganizationResponse Respond(Operation operation) => Response<GrantAccessResponse>(Name);
}
