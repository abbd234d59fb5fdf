using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Coaching.Analyzers
{
    /// <summary>
    /// What makes a type plugin code. Types are matched by metadata name, so the rules hold against the SDK
    /// stand-in and the official SDK assemblies alike.
    /// </summary>
    public static class PluginSymbols
    {
        public const string PluginInterface = "Microsoft.Xrm.Sdk.IPlugin";
        public const string CodeActivity = "System.Activities.CodeActivity";
        public const string CodeActivityOfT = "System.Activities.CodeActivity`1";
        public const string WorkflowArgument = "System.Activities.Argument";

        /// <summary>Implements IPlugin or derives from CodeActivity, directly or through a base class.</summary>
        public static bool IsPluginOrActivity(INamedTypeSymbol type)
        {
            if (type.TypeKind != TypeKind.Class) return false;
            if (type.AllInterfaces.Any(i => HasMetadataName(i, PluginInterface))) return true;
            for (var current = type.BaseType; current != null; current = current.BaseType)
            {
                if (HasMetadataName(current.OriginalDefinition, CodeActivity) || HasMetadataName(current.OriginalDefinition, CodeActivityOfT)) return true;
            }

            return false;
        }

        /// <summary>
        /// A class whose instance the platform caches and runs on many threads: a plugin or workflow activity, or
        /// any class in an EntryPoints folder (where the plugin catalogue lives).
        /// </summary>
        public static bool IsPluginClass(INamedTypeSymbol type) =>
            type.TypeKind == TypeKind.Class && (IsPluginOrActivity(type) || IsDeclaredIn(type, "EntryPoints"));

        /// <summary>True when one of the symbol's declarations is in a file under a folder of that name.</summary>
        public static bool IsDeclaredIn(ISymbol symbol, string folder) =>
            symbol.DeclaringSyntaxReferences.Any(r => IsUnderFolder(r.SyntaxTree.FilePath, folder));

        public static bool IsUnderFolder(string? path, string folder) =>
            path != null && path.Replace('\\', '/').IndexOf("/" + folder + "/", StringComparison.Ordinal) >= 0;

        public static bool HasMetadataName(ITypeSymbol? type, string metadataName)
        {
            if (type == null) return false;
            var containing = type.ContainingType != null
                ? FullMetadataName(type.ContainingType) + "+"
                : type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." : string.Empty;
            return string.Equals(containing + type.MetadataName, metadataName, StringComparison.Ordinal);
        }

        /// <summary>Namespace.Outer+Inner, the name the assembly metadata and the plugin registration use.</summary>
        public static string FullMetadataName(INamedTypeSymbol type)
        {
            if (type.ContainingType != null) return FullMetadataName(type.ContainingType) + "+" + type.MetadataName;
            return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + type.MetadataName : type.MetadataName;
        }

        /// <summary>Outer+Inner, without the namespace: how the rules name a member's type in their messages.</summary>
        public static string QualifiedName(INamedTypeSymbol type) =>
            type.ContainingType == null ? type.Name : QualifiedName(type.ContainingType) + "+" + type.Name;

        /// <summary>True when the type is, or derives from, the named type.</summary>
        public static bool IsOrDerivesFrom(ITypeSymbol? type, string metadataName)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                if (HasMetadataName(current.OriginalDefinition, metadataName)) return true;
            }

            return false;
        }
    }
}
