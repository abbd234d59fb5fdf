using System.Runtime.CompilerServices;

// The emulator builds workflow contexts and reads response results through internal members, so the public
// surface stays exactly the real SDK's.
[assembly: InternalsVisibleTo("Xrm.Emulator")]
