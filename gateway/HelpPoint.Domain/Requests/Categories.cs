namespace HelpPoint.Domain.Requests;

/// <summary>The help categories of protocol v1, in the order help points show them.</summary>
public static class Categories
{
    public static readonly IReadOnlyList<string> All = ["bankid", "swish", "print", "email", "phone", "forms", "other"];

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    public static bool IsKnown(string? category) => category is not null && Known.Contains(category);
}
