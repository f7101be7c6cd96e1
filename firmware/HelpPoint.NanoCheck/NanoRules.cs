using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HelpPoint.NanoCheck;

/// <summary>
/// The rules for code that runs on the device (shared/design/firmware.md) that a compile against
/// stubs alone would not catch, or would catch with a less helpful message.
/// </summary>
public static partial class NanoRules
{
    /// <summary>Generic types or methods, declared or used.</summary>
    public const string Generics = "NANO001";

    /// <summary>LINQ query syntax.</summary>
    public const string Linq = "NANO002";

    /// <summary>async/await.</summary>
    public const string Async = "NANO003";

    /// <summary>Span, stackalloc, unsafe code, ranges.</summary>
    public const string Span = "NANO004";

    /// <summary>Records and tuples.</summary>
    public const string RecordsAndTuples = "NANO005";

    /// <summary>Enum.ToString (explicit or hidden in string concatenation/interpolation), Enum.GetValues and friends.</summary>
    public const string EnumNames = "NANO006";

    /// <summary>Numeric format strings other than D, F, G, N, X.</summary>
    public const string NumberFormat = "NANO007";

    /// <summary>Iterators (yield): the compiler builds them on generic interfaces.</summary>
    public const string Iterators = "NANO008";

    /// <summary>Default interface members.</summary>
    public const string DefaultInterfaceMembers = "NANO009";

    /// <summary>Nullable value types (Nullable&lt;T&gt; is generic).</summary>
    public const string NullableValueTypes = "NANO010";

    [GeneratedRegex(@"^[DdFfGgNnXx]\d{0,2}$")]
    private static partial Regex AllowedNumberFormat();

    [GeneratedRegex(@"\{\d+(,-?\d+)?(:(?<format>[^}]*))?\}")]
    private static partial Regex FormatItem();

    /// <summary>Checks one syntax tree of a compilation and adds what it finds.</summary>
    public static void Check(SyntaxTree tree, SemanticModel model, string path, List<Finding> findings)
    {
        new Walker(model, path, findings).Visit(tree.GetRoot());
    }

    private sealed class Walker(SemanticModel model, string path, List<Finding> findings) : CSharpSyntaxWalker
    {
        private void Report(SyntaxNode node, string rule, string message)
        {
            FileLinePositionSpan span = node.GetLocation().GetLineSpan();
            findings.Add(new Finding(path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, rule, message));
        }

        public override void VisitTypeParameterList(TypeParameterListSyntax node)
        {
            Report(node, Generics, "generic type or method declared: nanoFramework runs no generics; use object, ArrayList or a concrete type");
            base.VisitTypeParameterList(node);
        }

        public override void VisitGenericName(GenericNameSyntax node)
        {
            Report(node, Generics, $"generic type or method '{node}' used: nanoFramework runs no generics");
            base.VisitGenericName(node);
        }

        public override void VisitQueryExpression(QueryExpressionSyntax node)
        {
            Report(node, Linq, "LINQ query: nanoFramework has no LINQ; write the loop");
            base.VisitQueryExpression(node);
        }

        public override void VisitAwaitExpression(AwaitExpressionSyntax node)
        {
            Report(node, Async, "await: nanoFramework has no async/Task; use a Thread or the app loop");
            base.VisitAwaitExpression(node);
        }

        public override void VisitMethodDeclaration(MethodDeclarationSyntax node)
        {
            if (node.Modifiers.Any(SyntaxKind.AsyncKeyword))
            {
                Report(node.Identifier.Parent ?? node, Async, $"async method '{node.Identifier}': nanoFramework has no async/Task");
            }

            if (node.Parent is InterfaceDeclarationSyntax && (node.Body != null || node.ExpressionBody != null))
            {
                Report(node, DefaultInterfaceMembers, $"interface method '{node.Identifier}' has a body: default interface members need runtime support nanoFramework lacks");
            }

            base.VisitMethodDeclaration(node);
        }

        public override void VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node)
        {
            if (node.AsyncKeyword != default)
            {
                Report(node, Async, "async lambda: nanoFramework has no async/Task");
            }

            base.VisitParenthesizedLambdaExpression(node);
        }

        public override void VisitRecordDeclaration(RecordDeclarationSyntax node)
        {
            Report(node, RecordsAndTuples, $"record '{node.Identifier}': records need runtime support nanoFramework lacks; write a sealed class");
            base.VisitRecordDeclaration(node);
        }

        public override void VisitTupleType(TupleTypeSyntax node)
        {
            Report(node, RecordsAndTuples, "tuple type: tuples are generic ValueTuple; return a small class or use out parameters");
            base.VisitTupleType(node);
        }

        public override void VisitTupleExpression(TupleExpressionSyntax node)
        {
            Report(node, RecordsAndTuples, "tuple: tuples are generic ValueTuple; use separate variables");
            base.VisitTupleExpression(node);
        }

        public override void VisitStackAllocArrayCreationExpression(StackAllocArrayCreationExpressionSyntax node)
        {
            Report(node, Span, "stackalloc: no Span<T> or stack buffers on nanoFramework; reuse a byte[]");
            base.VisitStackAllocArrayCreationExpression(node);
        }

        public override void VisitUnsafeStatement(UnsafeStatementSyntax node)
        {
            Report(node, Span, "unsafe code: not supported on nanoFramework");
            base.VisitUnsafeStatement(node);
        }

        public override void VisitPointerType(PointerTypeSyntax node)
        {
            Report(node, Span, "pointer type: not supported on nanoFramework");
            base.VisitPointerType(node);
        }

        public override void VisitRangeExpression(RangeExpressionSyntax node)
        {
            Report(node, Span, "range expression: needs System.Range and Span, which nanoFramework lacks; use Substring or Array.Copy");
            base.VisitRangeExpression(node);
        }

        public override void VisitIdentifierName(IdentifierNameSyntax node)
        {
            if (node.Identifier.ValueText is "Span" or "ReadOnlySpan" && model.GetSymbolInfo(node).Symbol is null or ITypeSymbol)
            {
                Report(node, Span, $"'{node.Identifier.ValueText}': nanoFramework has no Span<T>");
            }

            base.VisitIdentifierName(node);
        }

        public override void VisitYieldStatement(YieldStatementSyntax node)
        {
            Report(node, Iterators, "iterator (yield): the compiler implements it with generic IEnumerable<T>; fill an ArrayList instead");
            base.VisitYieldStatement(node);
        }

        public override void VisitNullableType(NullableTypeSyntax node)
        {
            ITypeSymbol? type = model.GetTypeInfo(node.ElementType).Type;
            if (type is { IsValueType: true } || type is null)
            {
                Report(node, NullableValueTypes, $"nullable value type '{node}': Nullable<T> is generic; use a sentinel value (e.g. -1) or a flag");
            }

            base.VisitNullableType(node);
        }

        public override void VisitInvocationExpression(InvocationExpressionSyntax node)
        {
            if (node.Expression is MemberAccessExpressionSyntax access)
            {
                string name = access.Name.Identifier.ValueText;
                ITypeSymbol? target = model.GetTypeInfo(access.Expression).Type;
                if (name == "ToString" && IsEnum(target))
                {
                    Report(node, EnumNames, $"ToString() on enum '{target}': the device returns the number, not the name; map the value explicitly");
                }
                else if (name is "GetValues" or "GetNames" or "GetName" or "Parse" or "TryParse" or "IsDefined"
                    && target?.SpecialType == SpecialType.System_Enum)
                {
                    Report(node, EnumNames, $"Enum.{name}: nanoFramework has no enum metadata at run time; map values explicitly");
                }
                else if (name == "ToString" && node.ArgumentList.Arguments.Count >= 1 && IsNumeric(target))
                {
                    CheckFormat(node.ArgumentList.Arguments[0].Expression, "ToString");
                }
                else if (name == "Format" && target?.SpecialType == SpecialType.System_String && node.ArgumentList.Arguments.Count >= 1)
                {
                    Optional<object?> value = model.GetConstantValue(node.ArgumentList.Arguments[0].Expression);
                    if (value.HasValue && value.Value is string format)
                    {
                        foreach (Match item in FormatItem().Matches(format))
                        {
                            Group spec = item.Groups["format"];
                            if (spec.Success && !AllowedNumberFormat().IsMatch(spec.Value))
                            {
                                Report(node, NumberFormat, $"format '{spec.Value}' in string.Format: the device formats only D, F, G, N and X");
                            }
                        }
                    }
                }
            }

            base.VisitInvocationExpression(node);
        }

        public override void VisitBinaryExpression(BinaryExpressionSyntax node)
        {
            if (node.IsKind(SyntaxKind.AddExpression))
            {
                ITypeSymbol? left = model.GetTypeInfo(node.Left).Type;
                ITypeSymbol? right = model.GetTypeInfo(node.Right).Type;
                bool stringConcat = left?.SpecialType == SpecialType.System_String || right?.SpecialType == SpecialType.System_String;
                if (stringConcat && (IsEnum(left) || IsEnum(right)))
                {
                    Report(node, EnumNames, "enum value joined to a string: that calls Enum.ToString, which gives the number on the device; map it explicitly");
                }
            }

            base.VisitBinaryExpression(node);
        }

        public override void VisitInterpolation(InterpolationSyntax node)
        {
            if (IsEnum(model.GetTypeInfo(node.Expression).Type))
            {
                Report(node, EnumNames, "enum value in an interpolated string: that calls Enum.ToString, which gives the number on the device");
            }

            if (node.FormatClause != null && !AllowedNumberFormat().IsMatch(node.FormatClause.FormatStringToken.ValueText))
            {
                Report(node, NumberFormat, $"format '{node.FormatClause.FormatStringToken.ValueText}' in an interpolated string: the device formats only D, F, G, N and X");
            }

            base.VisitInterpolation(node);
        }

        private void CheckFormat(ExpressionSyntax formatArgument, string where)
        {
            Optional<object?> value = model.GetConstantValue(formatArgument);
            if (value.HasValue && value.Value is string format && format.Length > 0 && !AllowedNumberFormat().IsMatch(format))
            {
                Report(formatArgument, NumberFormat, $"numeric format \"{format}\" in {where}: the device formats only D, F, G, N and X (e.g. \"D6\", \"F1\")");
            }
        }

        private static bool IsEnum(ITypeSymbol? type) => type?.TypeKind == TypeKind.Enum;

        private static bool IsNumeric(ITypeSymbol? type) => type?.SpecialType is SpecialType.System_Byte or SpecialType.System_SByte
            or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32
            or SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_Single or SpecialType.System_Double;
    }
}
