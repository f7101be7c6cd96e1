namespace HelpPoint.Gateway.Tests.Support;

/// <summary>Finds files of the repository (golden vectors, docs) from the test's output directory.</summary>
public static class Repo
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "docs", "protocol", "vectors")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("repository root (with docs/protocol/vectors) not found above " + AppContext.BaseDirectory);
        }
    }

    public static string VectorsDir => Path.Combine(Root, "docs", "protocol", "vectors");
}
