using System;
using System.Collections.Generic;

namespace Coach.SolutionSource;

/// <summary>
/// Platform sdkmessage ids that are the same in every environment, and how the pipeline relates messages.
/// Step files name their message by SdkMessageId; the step name "&lt;type&gt;: &lt;Message&gt; of &lt;table&gt;" says it too.
/// </summary>
public static class SdkMessages
{
    /// <summary>The message a well-known sdkmessage id stands for (the one list the emulator loads steps with).</summary>
    public static string? NameOf(Guid id) => Xrm.Emulator.Solution.SdkMessageIds.NameOf(id);

    /// <summary>Update and UpdateMultiple: the messages filtering attributes apply to.</summary>
    public static bool IsUpdateLike(string? message) =>
        string.Equals(message, "Update", StringComparison.OrdinalIgnoreCase)
        || string.Equals(message, "UpdateMultiple", StringComparison.OrdinalIgnoreCase);

    public static bool IsRetrieveLike(string? message) =>
        string.Equals(message, "Retrieve", StringComparison.OrdinalIgnoreCase)
        || string.Equals(message, "RetrieveMultiple", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The pipeline merges single and bulk registrations (a step on Update also runs for every record of
    /// UpdateMultiple, and one on UpdateMultiple also runs for a single Update), so both count as one event.
    /// </summary>
    public static string EventKey(string? message)
    {
        var m = message ?? string.Empty;
        if (string.Equals(m, "CreateMultiple", StringComparison.OrdinalIgnoreCase)) return "create";
        if (string.Equals(m, "UpdateMultiple", StringComparison.OrdinalIgnoreCase)) return "update";
        return m.ToLowerInvariant();
    }

    /// <summary>The image MessagePropertyName a message expects: Id for Create, Targets for the bulk messages, Target otherwise.</summary>
    public static string? ExpectedImageProperty(string? message)
    {
        if (message == null) return null;
        if (message.Equals("Create", StringComparison.OrdinalIgnoreCase)) return "Id";
        if (message.Equals("CreateMultiple", StringComparison.OrdinalIgnoreCase) || message.Equals("UpdateMultiple", StringComparison.OrdinalIgnoreCase)) return "Targets";
        if (message.Equals("Update", StringComparison.OrdinalIgnoreCase) || message.Equals("Delete", StringComparison.OrdinalIgnoreCase)) return "Target";
        if (message.Equals("SetState", StringComparison.OrdinalIgnoreCase) || message.Equals("SetStateDynamicEntity", StringComparison.OrdinalIgnoreCase)) return "EntityMoniker";
        return null;
    }
}
