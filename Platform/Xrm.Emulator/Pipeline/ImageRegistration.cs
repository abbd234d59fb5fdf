using System;
using System.Collections.Generic;
using System.Linq;

namespace Xrm.Emulator.Pipeline;

/// <summary>An entity image registered on a step: the alias plugins read it by and the columns it carries (none = all).</summary>
public sealed class ImageRegistration
{
    public ImageRegistration(string alias, ImageType type, params string[] attributes)
    {
        if (string.IsNullOrWhiteSpace(alias)) throw new ArgumentException("An image needs an alias (EntityAlias).", nameof(alias));
        Alias = alias;
        Type = type;
        Attributes = attributes.Select(a => a.Trim().ToLowerInvariant()).Where(a => a.Length > 0).ToArray();
    }

    public static ImageRegistration Pre(string alias, params string[] attributes) => new(alias, ImageType.PreImage, attributes);

    public static ImageRegistration Post(string alias, params string[] attributes) => new(alias, ImageType.PostImage, attributes);

    public string Alias { get; }

    public ImageType Type { get; }

    /// <summary>Columns the image carries; empty means all columns, as an empty Attributes element does.</summary>
    public IReadOnlyList<string> Attributes { get; }

    public bool IsPre => Type is ImageType.PreImage or ImageType.Both;

    public bool IsPost => Type is ImageType.PostImage or ImageType.Both;
}
