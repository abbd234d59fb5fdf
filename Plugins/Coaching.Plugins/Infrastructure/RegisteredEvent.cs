using System;
using Microsoft.Xrm.Sdk;

namespace Coaching.Plugins.Infrastructure
{
    /// <summary>A message, table and stage an entry point is written for.</summary>
    public sealed class RegisteredEvent
    {
        public const int PreValidation = 10;
        public const int PreOperation = 20;

        /// <summary>The core operation: where a custom API's plugin runs.</summary>
        public const int MainOperation = 30;

        /// <summary>The table of a message bound to none, such as a global custom API.</summary>
        public const string NoTable = "none";
        public const int PostOperation = 40;

        public RegisteredEvent(string message, string table, int stage)
        {
            Message = message;
            Table = table;
            Stage = stage;
        }

        public string Message { get; }

        public string Table { get; }

        public int Stage { get; }

        /// <summary>
        /// Create and Update of a table, single and bulk: a step on CreateMultiple/UpdateMultiple also runs for
        /// single saves, and the platform may hand either message to the plugin.
        /// </summary>
        public static RegisteredEvent[] Saves(string table, int stage) => new[]
        {
            new RegisteredEvent("CreateMultiple", table, stage),
            new RegisteredEvent("UpdateMultiple", table, stage),
            new RegisteredEvent("Create", table, stage),
            new RegisteredEvent("Update", table, stage),
        };

        public bool Matches(IPluginExecutionContext context) =>
            string.Equals(context.MessageName, Message, StringComparison.OrdinalIgnoreCase)
            && string.Equals(context.PrimaryEntityName, Table, StringComparison.OrdinalIgnoreCase)
            && context.Stage == Stage;

        public override string ToString() => $"{Message} of {Table} at stage {Stage}";
    }
}
