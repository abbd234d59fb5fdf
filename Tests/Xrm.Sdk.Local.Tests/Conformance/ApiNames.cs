using System.Collections.Generic;
using System.Text;

namespace Xrm.Sdk.Local.Tests.Conformance;

/// <summary>Small string helpers for names written in the listing format.</summary>
public static class ApiNames
{
    /// <summary>
    /// <c>A.B&lt;X,C&lt;Y&gt;&gt;+D&lt;Z&gt;</c> becomes <c>A.B`2+D`1</c>: the name reflection uses for the open type.
    /// </summary>
    public static string ToMetadataName(string listedName)
    {
        var result = new StringBuilder();
        var depth = 0;
        var arity = 0;
        foreach (var ch in listedName)
        {
            switch (ch)
            {
                case '<':
                    if (depth == 0) arity = 1;
                    depth++;
                    break;
                case '>':
                    depth--;
                    if (depth == 0) result.Append('`').Append(arity);
                    break;
                case ',' when depth == 1:
                    arity++;
                    break;
                default:
                    if (depth == 0) result.Append(ch);
                    break;
            }
        }
        return result.ToString();
    }

    /// <summary>Splits <c>A, B&lt;C,D&gt;, E</c> at the commas that are not inside angle brackets.</summary>
    public static IReadOnlyList<string> SplitTopLevel(string commaSeparated)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < commaSeparated.Length; i++)
        {
            var ch = commaSeparated[i];
            if (ch == '<') depth++;
            else if (ch == '>') depth--;
            else if (ch == ',' && depth == 0)
            {
                parts.Add(commaSeparated[start..i].Trim());
                start = i + 1;
            }
        }
        var last = commaSeparated[start..].Trim();
        if (last.Length > 0) parts.Add(last);
        return parts;
    }

    /// <summary>
    /// The member's name in a member line, used to point at same-named members of the real type:
    /// <c>Name { get; }</c>, <c>this[..]</c>, <c>Name&lt;T&gt;(..)</c>, <c>ctor(..)</c>, <c>field T Name</c>, <c>Name = 1</c>.
    /// </summary>
    public static string MemberName(string memberLine)
    {
        var line = memberLine.StartsWith("static ") ? memberLine["static ".Length..] : memberLine;
        if (line.StartsWith("ctor(")) return "ctor";
        var braces = line.IndexOf(" {");
        if (braces >= 0)
        {
            var declaration = line[..braces];
            var indexer = declaration.IndexOf(" this[");
            return indexer >= 0 ? "this[]" : LastWord(declaration);
        }
        var parenthesis = line.IndexOf('(');
        if (parenthesis >= 0)
        {
            var head = LastWord(line[..parenthesis]);
            var generic = head.IndexOf('<');
            return generic >= 0 ? head[..generic] : head;
        }
        var equals = line.IndexOf(" = ");
        if (equals >= 0) return line[..equals];
        return LastWord(line); // field or event
    }

    private static string LastWord(string text)
    {
        // A type before the name may itself contain spaces only after commas in parameter lists,
        // which never occur here; generic arguments are written without spaces.
        var space = text.LastIndexOf(' ');
        return space >= 0 ? text[(space + 1)..] : text;
    }
}
