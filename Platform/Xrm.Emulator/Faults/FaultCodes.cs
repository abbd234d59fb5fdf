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

    /// <summary>
    /// 0x80041102 QueryBuilderNoEntity: a request names a table the organization does not have
    /// ("The entity with a name = 'x' with namemapping = 'Logical' was not found in the MetadataCache.").
    /// </summary>
    public const int QueryBuilderNoEntity = -2147217150;

    /// <summary>0x80041103 QueryBuilderNoAttribute: "'table' entity doesn't contain attribute with Name = 'column'".</summary>
    public const int QueryBuilderNoAttribute = -2147217149;

    /// <summary>0x8004431A: a choice value the column does not define ("… is outside the valid range. Accepted Values: …").</summary>
    public const int PicklistValueOutOfRange = -2147204326;

    /// <summary>0x8004432F: a whole number outside the column's MinValue..MaxValue.</summary>
    public const int IntegerValueOutOfRange = -2147204305;

    /// <summary>0x80044330: a money or decimal value outside the column's MinValue..MaxValue.</summary>
    public const int MoneyValueOutOfRange = -2147204304;

    /// <summary>0x80044331: a text longer than the column's MaxLength ("The length of the 'x' attribute of the 'y' entity exceeded …").</summary>
    public const int StringLengthTooLong = -2147204303;
}

public static partial class FaultCodes
{
    /// <summary>0x80040220 PrivilegeDenied: a missing privilege ("Principal user … is missing prv… privilege") or no access to the record ("SecLib::AccessCheckEx failed").</summary>
    public const int PrivilegeDenied = -2147220960;

    /// <summary>0x8004F507 AttributePermissionUpdateIsMissingDuringUpdate: an Update sets a secured column the caller may not update.</summary>
    public const int AttributePermissionUpdateIsMissingDuringUpdate = -2147158777;

    /// <summary>0x8004F502 AttributePrivilegeCreateIsMissing: a Create sets a secured column the caller may not set.</summary>
    public const int AttributePrivilegeCreateIsMissing = -2147158782;
}

/// <summary>Field sharing (principalobjectattributeaccess): the platform's refusals.</summary>
public static partial class FaultCodes
{
    /// <summary>0x8004F508 AttributeNotSecured: a field share names a column without column security.</summary>
    public const int AttributeNotSecured = -2147158776;

    /// <summary>0x8004F509 AttributeSharingCreateShouldSetReadOrAndUpdateAccess: a field share that grants neither read nor update.</summary>
    public const int AttributeSharingCreateShouldSetReadOrAndUpdateAccess = -2147158775;

    /// <summary>0x8004F50A AttributeSharingUpdateInvalid: an update leaving a field share with neither read nor update.</summary>
    public const int AttributeSharingUpdateInvalid = -2147158774;

    /// <summary>0x8004F50B AttributeSharingCreateDuplicate: the column of that record is already shared with that principal.</summary>
    public const int AttributeSharingCreateDuplicate = -2147158773;

    /// <summary>0x8004F504 AttributePermissionReadIsMissing: sharing read access to a secured column the caller may not read.</summary>
    public const int AttributePermissionReadIsMissing = -2147158780;

    /// <summary>0x8004F503 AttributePermissionUpdateIsMissingDuringShare: sharing update access to a secured column the caller may not update.</summary>
    public const int AttributePermissionUpdateIsMissingDuringShare = -2147158781;
}
