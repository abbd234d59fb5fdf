namespace Xrm.Emulator.Queries;

/// <summary>
/// "table.column" (or "alias.column") for the messages of a refused query: kept as its two parts and written out only
/// when a message needs it, since compiling a query names its columns many times and almost never fails.
/// </summary>
internal readonly record struct ColumnName(string Table, string Column)
{
    public override string ToString() => Table + "." + Column;
}
