using System;
using System.Activities;
using System.Diagnostics;
using Coaching.Core.Settings;
using Microsoft.Xrm.Sdk;

namespace Coaching.Workflows.Infrastructure
{
    /// <summary>
    /// What every coaching activity shares, as PluginBase does for plugins: one context per execution, entry
    /// and exit tracing with the correlation id, and one clear InvalidPluginExecutionException for any failure,
    /// which the process shows as the step's error. Holds no state: the platform reuses activity instances.
    /// </summary>
    public abstract class CoachingActivity : CodeActivity
    {
        private string ActivityName => GetType().Name;

        protected sealed override void Execute(CodeActivityContext executionContext)
        {
            var context = new WorkflowActivityContext(executionContext);
            var watch = Stopwatch.StartNew();
            context.Trace("Entered {0}, depth {1}, correlation {2}", ActivityName, context.Workflow.Depth, context.Workflow.CorrelationId);
            try
            {
                ExecuteCore(executionContext, context);
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
                throw new InvalidPluginExecutionException(ActivityName + " could not complete: " + e.Message);
            }
            finally
            {
                context.Trace("Exited {0} after {1} ms", ActivityName, watch.ElapsedMilliseconds);
            }
        }

        protected abstract void ExecuteCore(CodeActivityContext activityContext, WorkflowActivityContext context);

        /// <summary>A required input, or a message naming it for the process author.</summary>
        protected T Required<T>(CodeActivityContext activityContext, InArgument<T> argument, string name)
            where T : class =>
            argument.Get(activityContext) ?? throw new InvalidPluginExecutionException(ActivityName + " needs the input '" + name + "'; set it in the process step.");
    }
}
