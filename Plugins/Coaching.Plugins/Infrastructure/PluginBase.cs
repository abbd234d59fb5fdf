using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Linq;
using Coaching.Core.Settings;
using Microsoft.Xrm.Sdk;

namespace Coaching.Plugins.Infrastructure
{
    /// <summary>
    /// What every entry point shares: the registration guard, one local context per execution, entry/exit
    /// tracing with the correlation id and elapsed time, and turning unexpected failures into
    /// <see cref="InvalidPluginExecutionException"/> so the user sees one clear message.
    /// Holds no state that changes after construction: the platform shares instances across threads.
    /// </summary>
    public abstract class PluginBase : IPlugin
    {
        private readonly IReadOnlyList<RegisteredEvent> _handles;

        protected PluginBase(params RegisteredEvent[] handles)
        {
            _handles = new ReadOnlyCollection<RegisteredEvent>(handles);
        }

        private string PluginName => GetType().FullName ?? GetType().Name;

        public void Execute(IServiceProvider serviceProvider)
        {
            if (serviceProvider == null) throw new InvalidPluginExecutionException("The plug-in was called without a service provider.");

            var context = new LocalPluginContext(serviceProvider);
            var execution = context.Execution;
            var watch = Stopwatch.StartNew();
            context.Trace(
                "Entered {0}: {1} of {2}, stage {3}, depth {4}, correlation {5}",
                PluginName, execution.MessageName, execution.PrimaryEntityName, execution.Stage, execution.Depth, execution.CorrelationId);
            try
            {
                GuardRegistration(execution);
                ExecuteCore(context);
            }
            catch (InvalidPluginExecutionException)
            {
                throw;
            }
            catch (CoachingSettingsException e)
            {
                context.Trace("Settings rejected: {0}", e.Message);
                throw new InvalidPluginExecutionException(e.Message);
            }
            catch (Exception e)
            {
                context.Trace("Failed: {0}", e);
                throw new InvalidPluginExecutionException($"{PluginName} could not complete {execution.MessageName} of {execution.PrimaryEntityName}: {e.Message}");
            }
            finally
            {
                context.Trace("Exited {0} after {1} ms", PluginName, watch.ElapsedMilliseconds);
            }
        }

        protected abstract void ExecuteCore(LocalPluginContext context);

        private void GuardRegistration(IPluginExecutionContext execution)
        {
            if (_handles.Any(h => h.Matches(execution))) return;
            var supported = string.Join("; ", _handles.Select(h => h.ToString()));
            throw new InvalidPluginExecutionException(
                $"{PluginName} is registered on {execution.MessageName} of {execution.PrimaryEntityName} at stage {execution.Stage}, " +
                $"but it handles only: {supported}. Correct the step registration.");
        }
    }
}
