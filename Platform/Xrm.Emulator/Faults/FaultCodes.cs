namespace Xrm.Emulator.Faults;

/// <summary>The platform's error codes for the faults the emulator raises (Dataverse "Web service error codes").</summary>
public static partial class FaultCodes
{
    /// <summary>0x80040203 InvalidArgument: also used for what the emulator refuses (unknown message, bad parameter).</summary>
    public const int InvalidArgument = -2147220989;

    /// <summary>0x80040217 ObjectDoesNotExist: "&lt;table&gt; With Id = &lt;id&gt; Does Not Exist".</summary>
    public const int ObjectDoesNotExist = -2147220969;

    /// <summary>0x80040237 DuplicateRecord: a Create with an id that is taken.</summary>
    public const int DuplicateRecord = -2147220937;

    /// <summary>0x80040265 IsvAborted: a plugin threw InvalidPluginExecutionException.</summary>
    public const int IsvAborted = -2147220891;

    /// <summary>0x80040224 IsvUnExpected: a plugin threw anything else.</summary>
    public const int IsvUnexpected = -2147220956;

    /// <summary>0x80044182 SdkCorrelationTokenDepthTooHigh: the depth limit (8) was exceeded.</summary>
    public const int InfiniteLoop = -2147204734;

    /// <summary>A plugin swallowed a failed service call made inside the transaction and carried on.</summary>
    public const int IsvReducedOpenTransactionCount = -2146893812;

    /// <summary>A service call was made on a transaction that a failed call had already ended.</summary>
    public const int NoActiveTransaction = -2147220911;
}
