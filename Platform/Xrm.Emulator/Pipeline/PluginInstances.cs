using System;
using System.Collections.Concurrent;
using Microsoft.Xrm.Sdk;

namespace Xrm.Emulator.Pipeline;

/// <summary>
/// Plugin instances shared by several emulators, as the platform shares one instance per step configuration across
/// the threads (and organizations) a server runs: emulators loaded with the same cache run the very same objects, so a
/// test can run them on many threads at once and catch state that leaks between executions.
/// </summary>
public sealed class PluginInstances
{
    private readonly ConcurrentDictionary<(string TypeName, string? Configuration), Lazy<IPlugin>> _instances = new();

    /// <summary>How many distinct instances exist (one per plugin type and unsecure configuration).</summary>
    public int Count => _instances.Count;

    internal IPlugin GetOrCreate(string typeName, string? configuration, Func<IPlugin> create) =>
        _instances.GetOrAdd((typeName, configuration), _ => new Lazy<IPlugin>(create)).Value;
}
