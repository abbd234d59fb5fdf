using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Coach.Checks;

/// <summary>Reads the CoachingSettings.DefaultJson constant from its C# source, without compiling it.</summary>
public static class DefaultJsonReader
{
    /// <summary>The value of the DefaultJson constant: its string literals, concatenated; null when it is not made of literals.</summary>
    public static string? Read(string csharp)
    {
        var declarator = CSharpSyntaxTree.ParseText(csharp).GetRoot().DescendantNodes()
            .OfType<VariableDeclaratorSyntax>()
            .FirstOrDefault(v => v.Identifier.ValueText == "DefaultJson" && v.Initializer != null);
        return declarator == null ? null : Concatenated(declarator.Initializer!.Value);
    }

    private static string? Concatenated(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax literal when literal.Token.Value is string text => text,
        ParenthesizedExpressionSyntax inner => Concatenated(inner.Expression),
        BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } sum =>
            Concatenated(sum.Left) is { } left && Concatenated(sum.Right) is { } right ? left + right : null,
        _ => null,
    };
}
