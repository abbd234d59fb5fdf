using System;

namespace Xrm.Emulator.Async;

/// <summary>asyncoperation.statuscode values the emulator uses.</summary>
public enum SystemJobStatus
{
    Waiting = 10,
    Succeeded = 30,
    Failed = 31,
}

/// <summary>An asynchronous step queued after its operation committed (an asyncoperation row in Dataverse).</summary>
public sealed class SystemJob
{
    internal SystemJob(Guid id, string name, string pluginType, string message, string table, Guid recordId, DateTime createdOn)
    {
        Id = id;
        Name = name;
        PluginType = pluginType;
        Message = message;
        Table = table;
        RecordId = recordId;
        CreatedOn = createdOn;
    }

    public Guid Id { get; }

    /// <summary>The step name, as the system job list shows it.</summary>
    public string Name { get; }

    public string PluginType { get; }

    public string Message { get; }

    public string Table { get; }

    public Guid RecordId { get; }

    public DateTime CreatedOn { get; }

    public SystemJobStatus Status { get; internal set; } = SystemJobStatus.Waiting;

    /// <summary>The error a failed job ended with (asyncoperation.message).</summary>
    public string? ErrorMessage { get; internal set; }

    public DateTime? CompletedOn { get; internal set; }

    public override string ToString() => $"{Name} [{Status}]{(ErrorMessage == null ? "" : ": " + ErrorMessage)}";
}

/// <summary>When queued asynchronous steps run.</summary>
public enum AsyncJobMode
{
    /// <summary>Default: after the user's request has committed, before the service call returns to the test.</summary>
    AfterEachRequest,

    /// <summary>Jobs wait in <see cref="XrmEmulator.PendingJobs"/> until the test calls <see cref="XrmEmulator.RunAsyncJobs"/>.</summary>
    Manual,
}
