using System;
using System.Collections.Generic;
using System.Linq;
using Xrm.Emulator.Pipeline;

namespace Xrm.Emulator.Async;

/// <summary>An asynchronous step waiting to run, with the context captured when its operation completed.</summary>
internal sealed record QueuedJob(SystemJob Job, StepRegistration Step, PluginExecutionContext Context);

/// <summary>
/// The asynchronous service: runs queued steps outside any transaction, one after another (jobs they queue run
/// in the same pass). A failure marks the job Failed with the message and never undoes the operation that queued it.
/// </summary>
internal sealed class AsyncJobQueue
{
    private readonly Queue<QueuedJob> _pending = new();
    private readonly List<SystemJob> _all = new();
    private bool _running;

    public IReadOnlyList<SystemJob> All => _all;

    public IReadOnlyList<SystemJob> Pending => _pending.Select(j => j.Job).ToList();

    public void Enqueue(IEnumerable<QueuedJob> jobs)
    {
        foreach (var job in jobs)
        {
            _pending.Enqueue(job);
            _all.Add(job.Job);
        }
    }

    public int RunPending(PluginRunner runner, Func<DateTime> clock)
    {
        if (_running) return 0;
        _running = true;
        var count = 0;
        try
        {
            while (_pending.Count > 0)
            {
                var queued = _pending.Dequeue();
                count++;
                try
                {
                    runner.Run(queued.Step.Plugin, queued.Step.PluginTypeName, queued.Context);
                    queued.Job.Status = SystemJobStatus.Succeeded;
                }
                catch (Exception error)
                {
                    queued.Job.Status = SystemJobStatus.Failed;
                    queued.Job.ErrorMessage = error.Message;
                }

                queued.Job.CompletedOn = clock();
            }
        }
        finally
        {
            _running = false;
        }

        return count;
    }
}
