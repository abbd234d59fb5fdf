using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Coach.Checks;

/// <summary>
/// A C# file read just well enough for the source rules: comments and the contents of string and char literals
/// are blanked out (line breaks kept, so offsets still map to lines), and type members are found by
/// walking braces. Not a compiler: it only has to be right on ordinary plugin code.
/// </summary>
public sealed class CSharpSource
{
    private readonly int[] _lineStarts;

    public CSharpSource(string path, string relativePath, string text)
    {
        Path = path;
        RelativePath = relativePath;
        Text = text;
        Code = Mask(text);
        _lineStarts = LineStarts(text);
        Lines = text.Split('\n');
    }

    public string Path { get; }

    public string RelativePath { get; }

    public string Text { get; }

    /// <summary>The text with comments and literal contents replaced by spaces.</summary>
    public string Code { get; }

    public IReadOnlyList<string> Lines { get; }

    public static CSharpSource Load(string path, string relativePath) => new(path, relativePath, File.ReadAllText(path));

    public int LineOf(int offset)
    {
        var index = Array.BinarySearch(_lineStarts, offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }

    /// <summary>Offsets in <see cref="Code"/> where the pattern matches (so never inside comments or strings).</summary>
    public IEnumerable<(int Line, string Match)> Find(Regex pattern) =>
        pattern.Matches(Code).Select(m => (LineOf(m.Index), m.Value));

    /// <summary>Fields and properties declared directly in a class, struct or record body.</summary>
    public IReadOnlyList<MemberDeclaration> Members() => MemberWalker.Walk(this);

    /// <summary>Type declarations with their base list: "class IcpFitPlugin : PluginBase" → (IcpFitPlugin, [PluginBase]).</summary>
    public IReadOnlyList<TypeDeclaration> Types() => MemberWalker.Types(this);

    /// <summary>The namespace the file declares (block or file-scoped); empty when none.</summary>
    public string Namespace => Regex.Match(Code, @"\bnamespace\s+([A-Za-z_][A-Za-z0-9_.]*)") is { Success: true } m ? m.Groups[1].Value : string.Empty;

    /// <summary>The comment text on the lines just above <paramref name="line"/> (1-based), up to the previous code line.</summary>
    public string CommentsAbove(int line)
    {
        var builder = new StringBuilder();
        for (var i = line - 2; i >= 0 && i >= line - 12; i--)
        {
            var trimmed = Lines[i].Trim();
            if (trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith("*", StringComparison.Ordinal) || trimmed.StartsWith("/*", StringComparison.Ordinal) || trimmed.StartsWith("[", StringComparison.Ordinal))
            {
                builder.Insert(0, trimmed + "\n");
                continue;
            }

            break;
        }

        return builder.ToString();
    }

    private static int[] LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n') starts.Add(i + 1);
        }

        return starts.ToArray();
    }

    /// <summary>Blanks comments and literal contents, keeping delimiters and newlines.</summary>
    public static string Mask(string text)
    {
        var output = text.ToCharArray();
        var i = 0;
        void Blank(int from, int to)
        {
            for (var k = from; k < to && k < output.Length; k++)
            {
                if (output[k] != '\n' && output[k] != '\r') output[k] = ' ';
            }
        }

        while (i < text.Length)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (c == '/' && next == '/')
            {
                var end = text.IndexOf('\n', i);
                end = end < 0 ? text.Length : end;
                Blank(i, end);
                i = end;
            }
            else if (c == '/' && next == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? text.Length : end + 2;
                Blank(i, end);
                i = end;
            }
            else if (c == '"' || ((c == '@' || c == '$') && (next == '"' || ((next == '@' || next == '$') && i + 2 < text.Length && text[i + 2] == '"'))))
            {
                var start = i;
                var verbatim = false;
                while (text[i] == '@' || text[i] == '$')
                {
                    verbatim |= text[i] == '@';
                    i++;
                }

                var quotes = 0;
                while (i < text.Length && text[i] == '"')
                {
                    quotes++;
                    i++;
                }

                if (quotes >= 3)
                {
                    var closing = new string('"', quotes);
                    var end = text.IndexOf(closing, i, StringComparison.Ordinal);
                    end = end < 0 ? text.Length : end;
                    Blank(i, end);
                    i = Math.Min(text.Length, end + quotes);
                }
                else if (quotes == 2)
                {
                    // Empty string "".
                }
                else
                {
                    var contentStart = i;
                    while (i < text.Length)
                    {
                        if (!verbatim && text[i] == '\\')
                        {
                            i += 2;
                            continue;
                        }

                        if (text[i] == '"')
                        {
                            if (verbatim && i + 1 < text.Length && text[i + 1] == '"')
                            {
                                i += 2;
                                continue;
                            }

                            break;
                        }

                        if (!verbatim && text[i] == '\n') break;
                        i++;
                    }

                    Blank(contentStart, i);
                    i++;
                }

                _ = start;
            }
            else if (c == '\'')
            {
                var end = i + 1;
                while (end < text.Length && text[end] != '\'' && text[end] != '\n')
                {
                    end += text[end] == '\\' ? 2 : 1;
                }

                Blank(i + 1, end);
                i = end + 1;
            }
            else
            {
                i++;
            }
        }

        return new string(output);
    }
}

public enum MemberKind
{
    Field,
    Property,
}

/// <summary>A field or property found in a type body.</summary>
public sealed record MemberDeclaration(
    MemberKind Kind,
    string TypeName,
    string DeclaringType,
    string Name,
    string MemberType,
    IReadOnlyCollection<string> Modifiers,
    bool HasSetter,
    int Line)
{
    public bool IsStatic => Modifiers.Contains("static");

    public bool IsReadOnly => Modifiers.Contains("readonly");

    public bool IsConst => Modifiers.Contains("const");
}

public sealed record TypeDeclaration(string Name, string QualifiedName, string Kind, IReadOnlyList<string> BaseTypes, int Line, bool IsAbstract, bool IsStatic);

internal static class MemberWalker
{
    private static readonly Regex TypeHeader = new(@"\b(?<kind>class|struct|record|interface)\s+(?<name>[A-Za-z_][A-Za-z0-9_]*)(?<rest>[^{]*)$", RegexOptions.Compiled);
    private static readonly HashSet<string> Modifiers = new(StringComparer.Ordinal)
    {
        "public", "private", "protected", "internal", "static", "readonly", "const", "volatile", "new", "unsafe", "required", "fixed", "sealed", "override", "virtual", "abstract", "extern", "partial", "file",
    };

    private enum Scope
    {
        Namespace,
        Type,
        Property,
        Other,
    }

    private sealed record Frame(Scope Scope, string? TypeName, int Start, MemberDeclaration? Property, int Resume = -1);

    public static IReadOnlyList<TypeDeclaration> Types(CSharpSource source)
    {
        var result = new List<TypeDeclaration>();
        Walk(source, result);
        return result;
    }

    public static IReadOnlyList<MemberDeclaration> Walk(CSharpSource source) => Walk(source, new List<TypeDeclaration>());

    private static IReadOnlyList<MemberDeclaration> Walk(CSharpSource source, List<TypeDeclaration> types)
    {
        var code = source.Code;
        var members = new List<MemberDeclaration>();
        var stack = new Stack<Frame>();
        stack.Push(new Frame(Scope.Namespace, null, 0, null));
        var statementStart = 0;
        var parenDepth = 0;

        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '(' || c == '[') parenDepth++;
            else if (c == ')' || c == ']') parenDepth = Math.Max(0, parenDepth - 1);
            else if (c == '{')
            {
                var header = Clean(code.Substring(statementStart, i - statementStart));
                var top = stack.Peek();
                Frame frame;
                if ((top.Scope == Scope.Namespace || top.Scope == Scope.Type) && parenDepth == 0 && TypeHeader.Match(header) is { Success: true } typeMatch && !header.Contains("=>", StringComparison.Ordinal) && !header.Contains('=', StringComparison.Ordinal))
                {
                    var name = typeMatch.Groups["name"].Value;
                    var qualified = top.TypeName == null ? name : top.TypeName + "+" + name;
                    types.Add(new TypeDeclaration(
                        name,
                        qualified,
                        typeMatch.Groups["kind"].Value,
                        BaseTypesOf(typeMatch.Groups["rest"].Value),
                        source.LineOf(statementStart + LeadingWhitespace(code, statementStart, i)),
                        Regex.IsMatch(header, @"\babstract\b"),
                        Regex.IsMatch(header, @"\bstatic\b")));
                    frame = new Frame(Scope.Type, qualified, i, null);
                }
                else if (header.StartsWith("namespace ", StringComparison.Ordinal) || header == "namespace")
                {
                    frame = new Frame(Scope.Namespace, null, i, null);
                }
                else if (top.Scope == Scope.Type && parenDepth == 0 && header.Length > 0 && !header.Contains('(', StringComparison.Ordinal) && !header.Contains('=', StringComparison.Ordinal) && !header.StartsWith("enum ", StringComparison.Ordinal) && !Regex.IsMatch(header, @"\benum\b"))
                {
                    var property = Declaration(source, header, top.TypeName!, statementStart, i, MemberKind.Property);
                    frame = new Frame(Scope.Property, top.TypeName, i, property);
                }
                else if (top.Scope == Scope.Type && IsInitializer(header))
                {
                    // "= new List<int> { 1 }" or "= x => { ... }": part of the member declaration, which ends at the ';'.
                    frame = new Frame(Scope.Other, top.TypeName, i, null, statementStart);
                }
                else
                {
                    frame = new Frame(Scope.Other, top.TypeName, i, null);
                }

                stack.Push(frame);
                statementStart = frame.Resume >= 0 ? frame.Resume : i + 1;
            }
            else if (c == '}')
            {
                if (stack.Count > 1)
                {
                    var closed = stack.Pop();
                    if (closed.Scope == Scope.Property && closed.Property != null)
                    {
                        var body = code.Substring(closed.Start + 1, i - closed.Start - 1);
                        var hasSetter = Regex.IsMatch(body, @"\bset\b");
                        var isAccessorBody = Regex.IsMatch(body, @"\b(get|set|init)\b");
                        if (isAccessorBody)
                        {
                            members.Add(closed.Property with { HasSetter = hasSetter });
                        }
                    }

                    if (closed.Resume >= 0)
                    {
                        statementStart = closed.Resume;
                        continue;
                    }
                }

                statementStart = i + 1;
            }
            else if (c == ';' && parenDepth == 0)
            {
                var top = stack.Peek();
                if (top.Scope == Scope.Type)
                {
                    var statement = Clean(code.Substring(statementStart, i - statementStart));
                    if (IsFieldDeclaration(statement))
                    {
                        var field = Declaration(source, statement, top.TypeName!, statementStart, i, MemberKind.Field);
                        if (field != null) members.Add(field);
                    }
                }

                statementStart = i + 1;
            }
        }

        return members;
    }

    private static int LeadingWhitespace(string code, int from, int to)
    {
        var k = from;
        while (k < to && char.IsWhiteSpace(code[k])) k++;
        return k - from;
    }

    private static IReadOnlyList<string> BaseTypesOf(string rest)
    {
        var colon = rest.IndexOf(':');
        if (colon < 0) return Array.Empty<string>();
        var list = rest.Substring(colon + 1);
        var where = Regex.Match(list, @"\bwhere\b");
        if (where.Success) list = list.Substring(0, where.Index);
        var result = new List<string>();
        var depth = 0;
        var current = new StringBuilder();
        foreach (var ch in list)
        {
            if (ch == '<') depth++;
            if (ch == '>') depth--;
            if (ch == ',' && depth == 0)
            {
                result.Add(current.ToString().Trim());
                current.Clear();
                continue;
            }

            current.Append(ch);
        }

        if (current.ToString().Trim().Length > 0) result.Add(current.ToString().Trim());
        return result.Select(r => Regex.Replace(r, @"\(.*$", string.Empty).Trim()).Where(r => r.Length > 0).ToList();
    }

    private static string Clean(string text)
    {
        var withoutAttributes = StripAttributes(text);
        return Regex.Replace(withoutAttributes, @"\s+", " ").Trim();
    }

    /// <summary>Removes leading [Attribute(...)] lists.</summary>
    private static string StripAttributes(string text)
    {
        var s = text.TrimStart();
        while (s.StartsWith("[", StringComparison.Ordinal))
        {
            var depth = 0;
            var k = 0;
            for (; k < s.Length; k++)
            {
                if (s[k] == '[') depth++;
                else if (s[k] == ']')
                {
                    depth--;
                    if (depth == 0) break;
                }
            }

            s = k + 1 < s.Length ? s.Substring(k + 1).TrimStart() : string.Empty;
        }

        return s;
    }

    /// <summary>True when the header's first '=' is an assignment, not the arrow of an expression body.</summary>
    private static bool IsInitializer(string header)
    {
        var equals = header.IndexOf('=');
        return equals >= 0 && !(equals + 1 < header.Length && header[equals + 1] == '>');
    }

    private static bool IsFieldDeclaration(string statement)
    {
        if (statement.Length == 0) return false;
        var firstEquals = statement.IndexOf('=');
        if (firstEquals >= 0 && firstEquals + 1 < statement.Length && statement[firstEquals + 1] == '>') return false;
        if (statement.StartsWith("using ", StringComparison.Ordinal) || statement.StartsWith("#", StringComparison.Ordinal)) return false;
        if (Regex.IsMatch(statement, @"\b(event|delegate|enum|namespace|operator)\b")) return false;
        var equals = statement.IndexOf('=');
        var head = equals < 0 ? statement : statement.Substring(0, equals);
        if (head.Contains('(', StringComparison.Ordinal)) return false;
        return head.Trim().Split(' ').Length >= 2;
    }

    private static MemberDeclaration? Declaration(CSharpSource source, string text, string typeName, int start, int end, MemberKind kind)
    {
        var equals = text.IndexOf('=');
        var head = (equals < 0 ? text : text.Substring(0, equals)).Trim();
        var comma = FirstTopLevelComma(head);
        if (comma >= 0) head = head.Substring(0, comma).Trim();
        var tokens = Tokens(head);
        if (tokens.Count < 2) return null;
        var modifiers = tokens.TakeWhile(t => Modifiers.Contains(t)).ToList();
        var rest = tokens.Skip(modifiers.Count).ToList();
        if (rest.Count < 2) return null;
        var name = rest[^1];
        var memberType = string.Join(" ", rest.Take(rest.Count - 1));
        var offset = start + LeadingWhitespace(source.Code, start, end);
        return new MemberDeclaration(kind, memberType, typeName, name, memberType, modifiers, false, source.LineOf(offset));
    }

    private static int FirstTopLevelComma(string text)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '<' || text[i] == '(' || text[i] == '[') depth++;
            else if (text[i] == '>' || text[i] == ')' || text[i] == ']') depth--;
            else if (text[i] == ',' && depth == 0) return i;
        }

        return -1;
    }

    /// <summary>Splits on spaces outside generic brackets: "static readonly Dictionary&lt;Guid, X&gt; Cache" → [static, readonly, Dictionary&lt;Guid, X&gt;, Cache].</summary>
    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var depth = 0;
        foreach (var ch in text)
        {
            if (ch == '<' || ch == '(' || ch == '[') depth++;
            if (ch == '>' || ch == ')' || ch == ']') depth--;
            if (ch == ' ' && depth == 0)
            {
                if (current.Length > 0) tokens.Add(current.ToString());
                current.Clear();
                continue;
            }

            current.Append(ch);
        }

        if (current.Length > 0) tokens.Add(current.ToString());

        // Re-attach "?" and array brackets separated by spaces, e.g. "int []" or "string ?".
        for (var i = tokens.Count - 1; i > 0; i--)
        {
            if (tokens[i].StartsWith("[", StringComparison.Ordinal) || tokens[i] == "?" || tokens[i].StartsWith("<", StringComparison.Ordinal))
            {
                tokens[i - 1] += tokens[i];
                tokens.RemoveAt(i);
            }
        }

        return tokens;
    }
}
