using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Coaching.Analyzers
{
    internal static class SourceText
    {
        private static readonly Regex Whitespace = new Regex(@"\s+");

        /// <summary>The code from the node's start up to <paramref name="end"/>, on one line, to quote in a message.</summary>
        public static string Quote(SyntaxNode node, int end)
        {
            var text = node.SyntaxTree.GetText().ToString(TextSpan.FromBounds(node.SpanStart, end));
            return Whitespace.Replace(text, " ");
        }

        public static string Quote(SyntaxNode node) => Quote(node, node.Span.End);
    }
}
