// Stub of nanoFramework mscorlib: reflection, diagnostics and compiler-support types.
namespace System.Reflection
{
    public abstract class MemberInfo
    {
        public abstract string Name { get; }
    }

    public sealed class DefaultMemberAttribute : Attribute
    {
        public DefaultMemberAttribute(string memberName) => throw null;
    }

    public sealed class AssemblyTitleAttribute : Attribute
    {
        public AssemblyTitleAttribute(string title) => throw null;
    }

    public sealed class AssemblyDescriptionAttribute : Attribute
    {
        public AssemblyDescriptionAttribute(string description) => throw null;
    }

    public sealed class AssemblyProductAttribute : Attribute
    {
        public AssemblyProductAttribute(string product) => throw null;
    }

    public sealed class AssemblyCompanyAttribute : Attribute
    {
        public AssemblyCompanyAttribute(string company) => throw null;
    }

    public sealed class AssemblyCopyrightAttribute : Attribute
    {
        public AssemblyCopyrightAttribute(string copyright) => throw null;
    }

    public sealed class AssemblyVersionAttribute : Attribute
    {
        public AssemblyVersionAttribute(string version) => throw null;
    }

    public sealed class AssemblyFileVersionAttribute : Attribute
    {
        public AssemblyFileVersionAttribute(string version) => throw null;
    }
}

namespace System.Diagnostics
{
    public static class Debug
    {
        public static void Write(string message) => throw null;
        public static void WriteLine() => throw null;
        public static void WriteLine(string message) => throw null;
        public static void Assert(bool condition) => throw null;
    }

    public sealed class ConditionalAttribute : Attribute
    {
        public ConditionalAttribute(string conditionString) => throw null;
    }
}

namespace System.Diagnostics.CodeAnalysis
{
    [AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.ReturnValue)]
    public sealed class NotNullAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class NotNullWhenAttribute : Attribute
    {
        public NotNullWhenAttribute(bool returnValue) => throw null;
    }
}

namespace System.Runtime.CompilerServices
{
    public static class RuntimeHelpers
    {
        public static void InitializeArray(Array array, RuntimeFieldHandle fldHandle) => throw null;
        public static int OffsetToStringData => throw null;
    }

    public static class IsExternalInit { }

    public sealed class ExtensionAttribute : Attribute { }

    public sealed class IndexerNameAttribute : Attribute
    {
        public IndexerNameAttribute(string indexerName) => throw null;
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class CallerArgumentExpressionAttribute : Attribute
    {
        public CallerArgumentExpressionAttribute(string parameterName) => throw null;
    }

    public sealed class CallerMemberNameAttribute : Attribute { }

    public sealed class InternalsVisibleToAttribute : Attribute
    {
        public InternalsVisibleToAttribute(string assemblyName) => throw null;
    }

    public sealed class MethodImplAttribute : Attribute
    {
        public MethodImplAttribute(MethodImplOptions methodImplOptions) => throw null;
    }

    public enum MethodImplOptions
    {
        NoInlining = 0x0008,
        Synchronized = 0x0020,
        InternalCall = 0x1000
    }
}

namespace System.Runtime.InteropServices
{
    public sealed class ComVisibleAttribute : Attribute
    {
        public ComVisibleAttribute(bool visibility) => throw null;
    }
}
