using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Coach.SolutionSource;

namespace Coach.Checks;

/// <summary>A class of the plugin sources, and whether it is a plugin (IPlugin, CodeActivity, or derived from one).</summary>
public sealed record SourceClass(CSharpSource Source, TypeDeclaration Declaration, bool IsPluginClass, bool IsPluginEntry)
{
    public string FullName => Source.Namespace.Length == 0 ? Declaration.QualifiedName : Source.Namespace + "." + Declaration.QualifiedName;

    public bool IsAbstract => Declaration.IsAbstract;

    public int Line => Declaration.Line;
}

public static class SourceModel
{
    private static readonly string[] Roots = { "IPlugin", "CodeActivity" };

    /// <summary>
    /// Classes that are plugins: implementing IPlugin or deriving from CodeActivity, directly or through a base
    /// class of the same sources (PluginBase), plus every class in an EntryPoints folder.
    /// </summary>
    public static IReadOnlyList<SourceClass> PluginClasses(IEnumerable<CSharpSource> sources)
    {
        var all = sources.SelectMany(s => s.Types().Where(t => t.Kind is "class" or "record").Select(t => (Source: s, Type: t))).ToList();
        var pluginNames = new HashSet<string>(Roots, StringComparer.Ordinal);
        bool changed;
        do
        {
            changed = false;
            foreach (var (_, type) in all)
            {
                if (!pluginNames.Contains(type.Name) && type.BaseTypes.Any(b => pluginNames.Contains(SimpleName(b))))
                {
                    pluginNames.Add(type.Name);
                    changed = true;
                }
            }
        }
        while (changed);

        return all
            .Where(x => pluginNames.Contains(x.Type.Name) || IsInEntryPoints(x.Source))
            .Select(x => new SourceClass(x.Source, x.Type, true, x.Type.BaseTypes.Any(b => pluginNames.Contains(SimpleName(b))) && !x.Type.IsStatic))
            .ToList();
    }

    public static bool IsInEntryPoints(CSharpSource source) => source.RelativePath.Contains("/EntryPoints/", StringComparison.Ordinal);

    public static bool IsInInfrastructure(CSharpSource source) => source.RelativePath.Contains("/Infrastructure/", StringComparison.Ordinal);

    /// <summary>"Microsoft.Xrm.Sdk.IPlugin" → "IPlugin"; "Base&lt;T&gt;" → "Base".</summary>
    public static string SimpleName(string typeName)
    {
        var name = typeName.Trim();
        var generic = name.IndexOf('<');
        if (generic >= 0) name = name.Substring(0, generic);
        var dot = name.LastIndexOf('.');
        return dot >= 0 ? name.Substring(dot + 1) : name;
    }
}

/// <summary>The IL-style rules over plugin and workflow sources, and the stateless-plugin rule.</summary>
internal static class SourceRules
{
    private static readonly (string Rule, Severity Severity, Regex Pattern, string Message)[] Patterns =
    {
        (Rules.SpecifyColumns, Severity.Error, new Regex(@"new\s+(Microsoft\.Xrm\.Sdk\.Query\.)?ColumnSet\s*\(\s*(allColumns\s*:\s*)?true\s*\)", RegexOptions.Compiled),
            "retrieves all columns; name the columns the plugin reads (new ColumnSet(\"a\", \"b\"))."),
        (Rules.SpecifyColumns, Severity.Error, new Regex(@"\bAllColumns\s*=\s*true\b", RegexOptions.Compiled),
            "retrieves all columns; name the columns the plugin reads."),
        (Rules.BatchInPlugin, Severity.Error, new Regex(@"\b(ExecuteMultipleRequest|ExecuteTransactionRequest)\b", RegexOptions.Compiled),
            "batches requests inside a plugin: the platform already runs the plugin in a transaction and the batch only adds time towards the 2-minute limit. Send the requests one by one, or use CreateMultiple/UpdateMultiple."),
        (Rules.SpecializedUpdateOps, Severity.Error, new Regex(@"\b(SetStateRequest|SetStateDynamicEntityRequest|AssignRequest)\b", RegexOptions.Compiled),
            "uses a specialized update message; set statecode/statuscode or ownerid with an ordinary Update instead."),
        (Rules.ParallelInPlugin, Severity.Error, new Regex(@"\bParallel\s*\.\s*(For|ForEach|Invoke)\b|\.AsParallel\s*\(|\bTask\s*\.\s*(Run|Factory\s*\.\s*StartNew)\b|\bnew\s+Thread\s*\(|\bThreadPool\s*\.\s*QueueUserWorkItem\b", RegexOptions.Compiled),
            "runs work in parallel or on other threads; the sandbox expects plugin code on the calling thread."),
        (Rules.LockInPlugin, Severity.Warning, new Regex(@"\block\s*\(", RegexOptions.Compiled),
            "locks inside plugin code: every execution that reaches it waits for the others. Prefer immutable data or a concurrent collection."),
    };

    private static readonly Regex MutableCollection = new(
        @"^(System\.Collections\.(Generic\.|Concurrent\.|ObjectModel\.)?)?(List|Dictionary|HashSet|SortedDictionary|SortedList|SortedSet|Queue|Stack|LinkedList|ConcurrentDictionary|ConcurrentBag|ConcurrentQueue|ConcurrentStack|BlockingCollection|Collection|ObservableCollection|ArrayList|Hashtable|StringBuilder)\b",
        RegexOptions.Compiled);

    private static readonly Regex ArgumentType = new(@"^(System\.Activities\.)?(InArgument|OutArgument|InOutArgument)\b", RegexOptions.Compiled);

    public static IEnumerable<Finding> Run(CheckContext context, List<string> notes)
    {
        foreach (var source in context.Sources)
        {
            foreach (var (rule, severity, pattern, message) in Patterns)
            {
                foreach (var (line, match) in source.Find(pattern))
                {
                    yield return new Finding(rule, severity, new SourceLocation(source.RelativePath, line), $"'{Regex.Replace(match, @"\s+", " ")}' {message}");
                }
            }
        }

        var pluginClasses = SourceModel.PluginClasses(context.Sources);
        var pluginClassNames = pluginClasses.Select(p => (p.Source.RelativePath, p.Declaration.QualifiedName)).ToHashSet();
        notes.Add($"{pluginClasses.Count(p => p.IsPluginEntry)} plugin classes found in the sources");

        foreach (var source in context.Sources)
        {
            foreach (var member in source.Members())
            {
                var inPluginClass = pluginClassNames.Contains((source.RelativePath, member.DeclaringType));
                foreach (var finding in Stateless(source, member, inPluginClass)) yield return finding;
            }
        }
    }

    private static IEnumerable<Finding> Stateless(CSharpSource source, MemberDeclaration member, bool inPluginClass)
    {
        var location = new SourceLocation(source.RelativePath, member.Line);
        var where = $"{member.DeclaringType}.{member.Name}";
        if (member.Kind == MemberKind.Property)
        {
            if (!member.HasSetter || ArgumentType.IsMatch(member.MemberType)) yield break;
            if (member.IsStatic)
            {
                yield return new Finding(Rules.StatelessPlugin, Severity.Error, location,
                    $"Static property {where} has a setter: every plugin execution in the process shares it. Make it get-only and set it once, or pass the value through the execution.");
            }
            else if (inPluginClass)
            {
                yield return new Finding(Rules.StatelessPlugin, Severity.Error, location,
                    $"Plugin class property {where} has a setter: the platform caches one plugin instance and runs it on many threads at once. Keep per-execution values in locals.");
            }

            yield break;
        }

        if (member.IsConst) yield break;

        if (!member.IsReadOnly)
        {
            if (member.IsStatic)
            {
                yield return new Finding(Rules.StatelessPlugin, Severity.Error, location,
                    $"Static field {where} is not readonly: every plugin execution in the process shares and can overwrite it. Make it readonly or const, or keep the value in the execution.");
            }
            else if (inPluginClass)
            {
                yield return new Finding(Rules.StatelessPlugin, Severity.Error, location,
                    $"Plugin class field {where} is not readonly: the platform caches one plugin instance and runs it on many threads at once. Make it readonly (set in the constructor) or keep the value in locals.");
            }

            yield break;
        }

        var isArray = member.MemberType.EndsWith("]", StringComparison.Ordinal);
        var isCollection = MutableCollection.IsMatch(member.MemberType);
        if (!isArray && !isCollection) yield break;
        if (!inPluginClass && !member.IsStatic) yield break;

        var documentedCache = SourceModel.IsInInfrastructure(source) && DocumentsThreadSafety(source, member);
        if (documentedCache) yield break;

        var mutated = IsMutated(source, member.Name);
        if (inPluginClass && isCollection)
        {
            yield return new Finding(Rules.StatelessPlugin, Severity.Error, location,
                $"Plugin class field {where} is a readonly {member.MemberType}: the reference is fixed but the contents are shared, mutable state. Use an immutable or read-only collection, or keep the data in the execution.");
        }
        else if (mutated)
        {
            yield return new Finding(Rules.StatelessPlugin, Severity.Error, location,
                $"{(member.IsStatic ? "Static" : "Plugin class")} field {where} ({member.MemberType}) is changed after construction: state shared by every execution. " +
                "Only a cache in Infrastructure/ whose thread safety is documented next to it may do this.");
        }
        else if (inPluginClass && isArray)
        {
            yield return new Finding(Rules.StatelessPlugin, Severity.Warning, location,
                $"Plugin class field {where} is an array: its elements can be overwritten by any execution. Prefer IReadOnlyList<T>.");
        }
    }

    private static bool DocumentsThreadSafety(CSharpSource source, MemberDeclaration member)
    {
        var comments = source.CommentsAbove(member.Line);
        return Regex.IsMatch(comments, @"thread[- ]safe", RegexOptions.IgnoreCase);
    }

    private static bool IsMutated(CSharpSource source, string name)
    {
        var escaped = Regex.Escape(name);
        var pattern = new Regex(
            $@"\b{escaped}\s*\[[^\]]*\]\s*(=[^=]|\+=|-=)|\b{escaped}\s*\.\s*(Add|AddRange|Remove|RemoveAt|RemoveAll|Clear|Insert|TryAdd|TryRemove|AddOrUpdate|GetOrAdd|Enqueue|Dequeue|Push|Pop|Append|Sort|Reverse)\s*\(");
        return pattern.IsMatch(source.Code);
    }
}
