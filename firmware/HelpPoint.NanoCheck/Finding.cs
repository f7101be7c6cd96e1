namespace HelpPoint.NanoCheck;

/// <summary>One thing the device could not run, or a project file that is wrong: where and why.</summary>
/// <param name="Path">File path relative to the repository root, with forward slashes.</param>
/// <param name="Line">1-based line, 0 when the finding is about a whole file.</param>
/// <param name="Column">1-based column, 0 when unknown.</param>
/// <param name="Rule">A rule id such as NANO001 (device rules), NANOPROJ (project files) or a compiler id (CS0246).</param>
/// <param name="Message">What is wrong, in a sentence.</param>
public sealed record Finding(string Path, int Line, int Column, string Rule, string Message)
{
    /// <summary>The compiler's format, so editors and CI logs link to the place: <c>path(line,col): rule: message</c>.</summary>
    public override string ToString() =>
        Line > 0 ? $"{Path}({Line},{Column}): {Rule}: {Message}" : $"{Path}: {Rule}: {Message}";
}
