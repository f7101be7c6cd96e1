namespace HelpPoint.NanoCheck;

/// <summary>Runs the compatibility check on the repository and prints what it found, compiler-style.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        string root = args.Length > 0 ? args[0] : NanoChecker.FindRepositoryRoot(AppContext.BaseDirectory);
        IReadOnlyList<Finding> findings = new NanoChecker(root).CheckAll();
        foreach (Finding finding in findings)
        {
            Console.WriteLine(finding);
        }

        Console.WriteLine(findings.Count == 0
            ? "nanoFramework check: Core, HelpPoint.Button, HelpPoint.Board and the nano test project are fine."
            : $"nanoFramework check: {findings.Count} problem(s).");
        return findings.Count == 0 ? 0 : 1;
    }
}
