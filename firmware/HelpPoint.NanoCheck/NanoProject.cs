using System.Xml.Linq;

namespace HelpPoint.NanoCheck;

/// <summary>A nanoFramework project (.nfproj) and its packages.config, as far as the check needs them.</summary>
public sealed class NanoProject
{
    /// <summary>The project type GUID of nanoFramework projects.</summary>
    public const string NanoProjectType = "{11A8DD76-328B-46DF-9F39-F559912D0360}";

    private static readonly XNamespace Msbuild = "http://schemas.microsoft.com/developer/msbuild/2003";

    private NanoProject(string path, XDocument project, XDocument packages)
    {
        FullPath = path;
        Directory = System.IO.Path.GetDirectoryName(path)!;
        Document = project;
        Compile = project.Descendants(Msbuild + "Compile")
            .Select(e => new CompileItem((string?)e.Attribute("Include") ?? string.Empty, (string?)e.Element(Msbuild + "Link")))
            .ToList();
        References = project.Descendants(Msbuild + "Reference")
            .Select(e => new ReferenceItem((string?)e.Attribute("Include") ?? string.Empty, (string?)e.Element(Msbuild + "HintPath") ?? string.Empty))
            .ToList();
        Packages = packages.Root!.Elements("package")
            .Select(e => new PackageItem((string?)e.Attribute("id") ?? string.Empty, (string?)e.Attribute("version") ?? string.Empty, (string?)e.Attribute("targetFramework") ?? string.Empty))
            .ToList();
    }

    /// <summary>The .nfproj file.</summary>
    public string FullPath { get; }

    /// <summary>Its folder.</summary>
    public string Directory { get; }

    /// <summary>The project XML.</summary>
    public XDocument Document { get; }

    /// <summary>Compile items in file order.</summary>
    public IReadOnlyList<CompileItem> Compile { get; }

    /// <summary>Assembly references.</summary>
    public IReadOnlyList<ReferenceItem> References { get; }

    /// <summary>packages.config entries.</summary>
    public IReadOnlyList<PackageItem> Packages { get; }

    /// <summary>A property's value, or null.</summary>
    public string? Property(string name) => Document.Descendants(Msbuild + name).Select(e => e.Value).FirstOrDefault();

    /// <summary>The full path of a compile item (the project uses Windows separators).</summary>
    public string Resolve(CompileItem item) =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(Directory, item.Include.Replace('\\', System.IO.Path.DirectorySeparatorChar)));

    /// <summary>Loads the project and the packages.config beside it; null with a finding when either is missing or not XML.</summary>
    public static NanoProject? Load(string path, string root, List<Finding> findings)
    {
        string rel = Paths.Relative(root, path);
        string packagesPath = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!, "packages.config");
        if (!File.Exists(path))
        {
            findings.Add(new Finding(rel, 0, 0, "NANOPROJ", "project file is missing"));
            return null;
        }

        if (!File.Exists(packagesPath))
        {
            findings.Add(new Finding(Paths.Relative(root, packagesPath), 0, 0, "NANOPROJ", "packages.config is missing"));
            return null;
        }

        try
        {
            var project = XDocument.Load(path, LoadOptions.SetLineInfo);
            var packages = XDocument.Load(packagesPath, LoadOptions.SetLineInfo);
            if (packages.Root?.Name != "packages")
            {
                findings.Add(new Finding(Paths.Relative(root, packagesPath), 1, 1, "NANOPROJ", "packages.config has no <packages> root"));
                return null;
            }

            return new NanoProject(path, project, packages);
        }
        catch (System.Xml.XmlException e)
        {
            findings.Add(new Finding(rel, e.LineNumber, e.LinePosition, "NANOPROJ", "not valid XML: " + e.Message));
            return null;
        }
    }
}

/// <summary>A &lt;Compile Include&gt; item.</summary>
public sealed record CompileItem(string Include, string? Link);

/// <summary>A &lt;Reference&gt; item.</summary>
public sealed record ReferenceItem(string Include, string HintPath);

/// <summary>A packages.config entry.</summary>
public sealed record PackageItem(string Id, string Version, string TargetFramework);

/// <summary>Path helpers.</summary>
public static class Paths
{
    /// <summary><paramref name="path"/> relative to <paramref name="root"/>, with forward slashes.</summary>
    public static string Relative(string root, string path) => System.IO.Path.GetRelativePath(root, path).Replace('\\', '/');

    /// <summary>Every .cs file under <paramref name="folder"/>, leaving out build output and the named sub-folders.</summary>
    public static IEnumerable<string> SourceFiles(string folder, params string[] skip) =>
        System.IO.Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f =>
            {
                string first = System.IO.Path.GetRelativePath(folder, f).Split(System.IO.Path.DirectorySeparatorChar)[0];
                return first is not ("bin" or "obj") && !skip.Contains(first);
            })
            .Select(System.IO.Path.GetFullPath)
            .OrderBy(f => f, StringComparer.Ordinal);
}
