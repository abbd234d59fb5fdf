using System;
using System.Text;

namespace Xrm.Emulator.Data;

/// <summary>
/// A longer stored text (a task's description, a session's snapshot, a deal's fit reasons) as UTF-8: half the bytes of a
/// .NET string for the mostly ASCII text the platform's activities hold. Each read decodes a fresh string, which is
/// cheap next to what the texts cost kept as strings (at 10x the sample: 70 MB of task descriptions alone); short texts,
/// which queries compare and rows repeat (subjects, names, stage names), stay strings and are shared.
/// </summary>
internal sealed class PackedText
{
    /// <summary>
    /// Texts at least this long are packed: at 10x the sample, 129 rather than 513 keeps about 80 MB less (task
    /// descriptions average about 480 characters, fit reasons about 280) for no measurable change in run time.
    /// </summary>
    public const int MinLength = 129;

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A text's lines after its first are shared with other rows' from this length on.</summary>
    public const int MinSharedTail = 64;

    private readonly byte[] _utf8;
    private readonly string? _sharedTail;

    private PackedText(byte[] utf8, string? sharedTail)
    {
        _utf8 = utf8;
        _sharedTail = sharedTail;
    }

    /// <summary>The kept instance of <paramref name="text"/>'s characters from <paramref name="from"/> on, or null.</summary>
    public delegate string? TailLookup(string text, int from);

    /// <summary>
    /// The packed form of <paramref name="text"/>, or the text itself when UTF-8 cannot hold it exactly (a lone surrogate).
    /// Generated texts often differ only in their first line (a task's description names its deal, then lists the same
    /// questions): when <paramref name="knownTail"/> has the text from its first line break on, that instance is kept
    /// and only the first line is packed.
    /// </summary>
    public static object Pack(string text, TailLookup knownTail)
    {
        try
        {
            var lineBreak = text.IndexOf('\n');
            if (lineBreak >= 0 && text.Length - lineBreak >= MinSharedTail && knownTail(text, lineBreak) is { } tail)
            {
                return new PackedText(Strict.GetBytes(text, 0, lineBreak), tail);
            }

            return new PackedText(Strict.GetBytes(text), null);
        }
        catch (EncoderFallbackException)
        {
            return text;
        }
    }

    public override string ToString()
    {
        if (_sharedTail == null) return Strict.GetString(_utf8);
        // Decoded straight into the whole text: no intermediate string for the first line.
        return string.Create(Strict.GetCharCount(_utf8) + _sharedTail.Length, this, static (chars, packed) =>
        {
            var written = Strict.GetChars(packed._utf8, chars);
            packed._sharedTail.AsSpan().CopyTo(chars.Slice(written));
        });
    }
}
