#if !NET5_0_OR_GREATER
namespace System.Runtime.CompilerServices
{
    // Lets records and init-only setters compile for net462 (the Dataverse sandbox).
    internal static class IsExternalInit
    {
    }
}
#endif
