using System;
using System.Text;

namespace Xrm.Emulator.Data;

/// <summary>
/// A long stored text (a task's description, a session's snapshot) as UTF-8: half the bytes of a .NET string for the
/// mostly ASCII text the platform's activities hold. Such columns are written once and rarely read, so each read
/// decodes a fresh string; short texts, which queries compare and refreshes read every day, stay strings.
/// </summary>
internal sealed class PackedText
{
    /// <summary>Texts at least this long are packed.</summary>
    public const int MinLength = 513;

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly byte[] _utf8;

    private PackedText(byte[] utf8) => _utf8 = utf8;

    /// <summary>The packed form of <paramref name="text"/>, or the text itself when UTF-8 cannot hold it exactly (a lone surrogate).</summary>
    public static object Pack(string text)
    {
        try
        {
            return new PackedText(Strict.GetBytes(text));
        }
        catch (EncoderFallbackException)
        {
            return text;
        }
    }

    public override string ToString() => Strict.GetString(_utf8);
}
