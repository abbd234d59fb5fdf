using System;
using System.Collections.Concurrent;
using Coaching.Core.Settings;
using Coaching.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Coaching.Plugins.Infrastructure
{
    /// <summary>
    /// Reads coach_CoachingSettings (the current value when the environment has one, else the default value)
    /// with one query, and keeps the parsed settings per organization for <see cref="CacheLifetime"/>, so a
    /// busy pipeline reads them about once a minute and an admin's change applies within a minute.
    /// An invalid value is never cached: every operation fails with the path-precise message until it is fixed.
    /// </summary>
    public static class CoachingSettingsProvider
    {
        public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(60);

        // Thread-safe without a lock (the solution checker flags locks in plugins): entries are immutable and replaced whole;
        // two threads that miss at once both read and the last write wins, which is harmless.
        private static readonly ConcurrentDictionary<Guid, CachedSettings> Cache = new ConcurrentDictionary<Guid, CachedSettings>();

        public static CoachingSettings Get(IOperationContext context)
        {
            var organization = context.OrganizationId;
            var now = context.Now;
            if (Cache.TryGetValue(organization, out var cached) && now >= cached.ReadAt && now - cached.ReadAt < CacheLifetime)
            {
                return cached.Settings;
            }

            // Re-read after expiry; parse again only when the value changed.
            var json = ReadJson(context.SystemService);
            var settings = cached != null && cached.Json == json ? cached.Settings : CoachingSettingsParser.Parse(json);
            Cache[organization] = new CachedSettings(json, settings, now);

            context.Trace("Read {0} from the environment", CoachingSettingsException.VariableName);
            return settings;
        }

        /// <summary>The current value when one exists, else the default value; one RetrieveMultiple.</summary>
        public static string? ReadJson(IOrganizationService service)
        {
            var query = new QueryExpression(EnvironmentVariableTables.Definition)
            {
                ColumnSet = new ColumnSet(EnvironmentVariableTables.DefaultValue),
                TopCount = 1,
            };
            query.Criteria.AddCondition(EnvironmentVariableTables.SchemaName, ConditionOperator.Equal, CoachingSettingsException.VariableName);
            var value = query.AddLink(
                EnvironmentVariableTables.Value,
                EnvironmentVariableTables.DefinitionId,
                EnvironmentVariableTables.DefinitionId,
                JoinOperator.LeftOuter);
            value.EntityAlias = "current";
            value.Columns = new ColumnSet(EnvironmentVariableTables.ValueColumn);

            var rows = service.RetrieveMultiple(query).Entities;
            if (rows.Count == 0)
            {
                throw new CoachingSettingsException(string.Empty, "the environment variable is missing; import the CoachingPlugins solution again to restore it");
            }

            var current = rows[0].GetAttributeValue<AliasedValue>("current." + EnvironmentVariableTables.ValueColumn);
            return current?.Value as string ?? rows[0].GetAttributeValue<string>(EnvironmentVariableTables.DefaultValue);
        }

        private sealed class CachedSettings
        {
            public CachedSettings(string? json, CoachingSettings settings, DateTime readAt)
            {
                Json = json;
                Settings = settings;
                ReadAt = readAt;
            }

            public string? Json { get; }

            public CoachingSettings Settings { get; }

            public DateTime ReadAt { get; }
        }
    }
}
