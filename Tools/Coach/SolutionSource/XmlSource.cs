using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace Coach.SolutionSource;

/// <summary>Small helpers over LINQ to XML with line numbers, tolerant of missing elements.</summary>
internal static class XmlSource
{
    public static XDocument Load(string path) => XDocument.Load(path, LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace);

    public static int Line(XObject? node) => node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    public static XElement? Child(XElement? parent, string name) =>
        parent?.Elements().FirstOrDefault(e => string.Equals(e.Name.LocalName, name, StringComparison.OrdinalIgnoreCase));

    public static string? Text(XElement? parent, string name)
    {
        var element = Child(parent, name);
        if (element == null) return null;
        var value = element.Value.Trim();
        return value.Length == 0 ? null : value;
    }

    public static string? Attr(XElement? element, string name)
    {
        var attribute = element?.Attributes().FirstOrDefault(a => string.Equals(a.Name.LocalName, name, StringComparison.OrdinalIgnoreCase));
        var value = attribute?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public static int? Int(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static Guid? Guid(string? text) =>
        System.Guid.TryParse(text?.Trim().Trim('{', '}'), out var value) ? value : null;

    public static bool Bool(string? text) =>
        text != null && (text.Trim() == "1" || text.Trim().Equals("true", StringComparison.OrdinalIgnoreCase));

    public static string[] SplitList(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? Array.Empty<string>()
            : text.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0).ToArray();

    public static string FolderName(string file) => Path.GetFileName(Path.GetDirectoryName(file)!)!;
}

/// <summary>Public GUID parsing with or without braces, for the checks.</summary>
public static class XmlSourceGuid
{
    public static Guid? Parse(string? text) => XmlSource.Guid(text);
}
