using System.IO;

namespace Coach.Tests;

/// <summary>
/// A command's output that counts the writes reaching it: the real standard output flushes every write, so each one is
/// a system call.
/// </summary>
internal sealed class CountingWriter : StringWriter
{
    public int Writes { get; private set; }

    public override void Write(char value)
    {
        Writes++;
        base.Write(value);
    }

    public override void Write(string? value)
    {
        Writes++;
        base.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        Writes++;
        base.Write(buffer, index, count);
    }
}
