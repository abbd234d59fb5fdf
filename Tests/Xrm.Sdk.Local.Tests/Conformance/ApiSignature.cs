using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Xrm.Sdk.Local.Tests.Conformance;

/// <summary>
/// Renders a reflected type the way the *.api.txt listings (xrm-sdk-api) write it: header pieces
/// (kind, name, base type, flattened interfaces) and one line per declared public member, sorted ordinally.
/// </summary>
public static class ApiSignature
{
    private const BindingFlags DeclaredPublic =
        BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    // ---- Type header --------------------------------------------------------------------------------------------

    /// <summary>The whole type line, e.g. <c>sealed class A.B : A.Base, A.IFoo</c>.</summary>
    public static string Header(Type type)
    {
        var supertypes = new[] { BaseTypeName(type) }.OfType<string>().Concat(Interfaces(type)).ToList();
        var head = Kind(type) + " " + TypeName(type);
        return supertypes.Count == 0 ? head : head + " : " + string.Join(", ", supertypes);
    }

    public static string Kind(Type type)
    {
        if (type.IsInterface) return "interface";
        if (type.IsEnum) return "enum";
        if (type.IsValueType) return "struct";
        if (type.IsAbstract && type.IsSealed) return "static class"; // how C# compiles `static class`
        if (type.IsSealed) return "sealed class";
        return type.IsAbstract ? "abstract class" : "class";
    }

    /// <summary>The base type as listed: null for System.Object and for structs, enums and interfaces.</summary>
    public static string? BaseTypeName(Type type)
    {
        if (type.IsInterface || type.IsValueType) return null;
        var baseType = type.BaseType;
        return baseType is null || baseType == typeof(object) ? null : TypeName(baseType);
    }

    /// <summary>All implemented interfaces, inherited ones included (also for interfaces), sorted ordinally.</summary>
    public static IReadOnlyList<string> Interfaces(Type type) =>
        type.GetInterfaces().Select(TypeName).OrderBy(n => n, StringComparer.Ordinal).ToList();

    // ---- Type names ---------------------------------------------------------------------------------------------

    /// <summary>
    /// <c>System.Collections.Generic.Dictionary&lt;System.String,System.Nullable&lt;System.Int32&gt;&gt;</c>,
    /// <c>System.String[]</c>, <c>ref T</c>, <c>Outer&lt;T&gt;+Inner</c>, or a generic parameter's own name.
    /// </summary>
    public static string TypeName(Type type)
    {
        if (type.IsByRef) return "ref " + TypeName(type.GetElementType()!);
        if (type.IsPointer) return TypeName(type.GetElementType()!) + "*";
        if (type.IsArray) return TypeName(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        if (type.IsGenericParameter) return type.Name;
        var definition = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        return NamedTypeName(definition, type.GetGenericArguments());
    }

    /// <param name="genericArguments">All arguments of the type, the enclosing types' ones first (as reflection has them).</param>
    private static string NamedTypeName(Type definition, Type[] genericArguments)
    {
        string prefix;
        var outerArgumentCount = 0;
        if (definition.DeclaringType is { } outer)
        {
            outerArgumentCount = outer.GetGenericArguments().Length;
            prefix = NamedTypeName(outer, genericArguments.Take(outerArgumentCount).ToArray()) + "+";
        }
        else
        {
            prefix = definition.Namespace is null ? string.Empty : definition.Namespace + ".";
        }

        var ownArguments = genericArguments.Skip(outerArgumentCount).ToList();
        var tick = definition.Name.IndexOf('`');
        var simpleName = tick >= 0 ? definition.Name[..tick] : definition.Name;
        return ownArguments.Count == 0
            ? prefix + simpleName
            : prefix + simpleName + "<" + string.Join(",", ownArguments.Select(TypeName)) + ">";
    }

    // ---- Members ------------------------------------------------------------------------------------------------

    /// <summary>Declared public members, one line each, sorted ordinally like the listing.</summary>
    public static IReadOnlyList<string> MemberLines(Type type) =>
        PublicMembers(type).Select(MemberLine).OrderBy(l => l, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Public, declared (not inherited) members, without property/event accessors (the property or event stands
    /// for them), without compiler-generated members, and without nested types (listed as types of their own).
    /// </summary>
    public static IEnumerable<MemberInfo> PublicMembers(Type type)
    {
        var accessors = new HashSet<MethodInfo>(
            type.GetProperties(DeclaredPublic | BindingFlags.NonPublic).SelectMany(p => p.GetAccessors(nonPublic: true))
                .Concat(type.GetEvents(DeclaredPublic | BindingFlags.NonPublic).SelectMany(EventAccessors)));

        return type.GetMembers(DeclaredPublic)
            .Where(m => m is not Type)
            .Where(m => m is not MethodInfo method || !accessors.Contains(method))
            .Where(m => !IsCompilerGenerated(m))
            .Where(m => !IsEnumValueStorage(m));
    }

    public static string MemberLine(MemberInfo member) => member switch
    {
        ConstructorInfo constructor => "ctor(" + Parameters(constructor.GetParameters()) + ")",
        MethodInfo method => Static(method) + MethodLine(method),
        PropertyInfo property => PropertyLine(property),
        EventInfo @event => Static(@event.AddMethod!) + "event " + TypeName(@event.EventHandlerType!) + " " + @event.Name,
        FieldInfo field when field.DeclaringType!.IsEnum => field.Name + " = " + EnumValue(field),
        FieldInfo field => (field.IsStatic ? "static " : string.Empty) + "field " + TypeName(field.FieldType) + " " + field.Name,
        _ => throw new NotSupportedException($"{member.MemberType} {member.Name} has no listing format."),
    };

    private static string MethodLine(MethodInfo method)
    {
        var genericParameters = method.IsGenericMethodDefinition
            ? "<" + string.Join(",", method.GetGenericArguments().Select(a => a.Name)) + ">"
            : string.Empty;
        return TypeName(method.ReturnType) + " " + method.Name + genericParameters
            + "(" + Parameters(method.GetParameters()) + ")";
    }

    private static string PropertyLine(PropertyInfo property)
    {
        // Only public accessors count: `{ get; private set; }` is listed as `{ get; }`.
        var getter = property.GetGetMethod(nonPublic: false);
        var setter = property.GetSetMethod(nonPublic: false);
        var anyAccessor = (getter ?? setter)!;
        var indexParameters = property.GetIndexParameters();
        var name = indexParameters.Length == 0
            ? property.Name
            : "this[" + string.Join(", ", indexParameters.Select(p => TypeName(p.ParameterType))) + "]";
        var accessors = (getter is null ? string.Empty : " get;") + (setter is null ? string.Empty : " set;");
        return Static(anyAccessor) + TypeName(property.PropertyType) + " " + name + " {" + accessors + " }";
    }

    /// <summary><c>out</c> and <c>ref</c> parameters are both written <c>ref T</c>; <c>params</c> and default values are not written.</summary>
    private static string Parameters(IEnumerable<ParameterInfo> parameters) =>
        string.Join(", ", parameters.Select(p => TypeName(p.ParameterType) + " " + p.Name));

    private static string Static(MethodInfo method) => method.IsStatic ? "static " : string.Empty;

    private static string EnumValue(FieldInfo field) =>
        Convert.ToString(field.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)!;

    private static IEnumerable<MethodInfo> EventAccessors(EventInfo @event) =>
        new[] { @event.AddMethod, @event.RemoveMethod, @event.RaiseMethod }.OfType<MethodInfo>();

    private static bool IsCompilerGenerated(MemberInfo member) =>
        member.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) || member.Name.Contains('<');

    /// <summary>The hidden <c>value__</c> field that holds an enum's value.</summary>
    private static bool IsEnumValueStorage(MemberInfo member) =>
        member is FieldInfo { IsStatic: false } field && field.DeclaringType!.IsEnum;
}
