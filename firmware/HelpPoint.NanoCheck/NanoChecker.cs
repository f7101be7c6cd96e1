using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HelpPoint.NanoCheck;

/// <summary>
/// Checks everything that will run on a device and every device project file, on a machine without
/// the nanoFramework tools. See shared/design/firmware.md ("the compatibility check").
/// </summary>
public sealed class NanoChecker
{
    /// <summary>The help point app's project, relative to the repository root.</summary>
    public const string ButtonProject = "firmware/HelpPoint.Button/HelpPoint.Button.nfproj";

    /// <summary>The ticket display app's project.</summary>
    public const string BoardProject = "firmware/HelpPoint.Board/HelpPoint.Board.nfproj";

    /// <summary>The nanoFramework test project that runs firmware.Tests on a device or nanoCLR.</summary>
    public const string TestProject = "firmware.Tests/nano/HelpPoint.Firmware.Tests.Nano.nfproj";

    /// <summary>Core's folder.</summary>
    public const string CoreFolder = "firmware/HelpPoint.Core";

    /// <summary>The firmware tests' folder.</summary>
    public const string TestsFolder = "firmware.Tests";

    /// <summary>What Core may use: the base library and System.Text, nothing else.</summary>
    public static readonly string[] CorePackages = ["nanoFramework.CoreLibrary", "nanoFramework.System.Text"];

    /// <summary>The first line of a test source that only makes sense on .NET (not linked into the nano test project).</summary>
    public const string DotNetOnlyMarker = "#if !NANOFRAMEWORK_1_0";

    // Compiled stubs are shared by every checker of the same repository in a process (the tests make several).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, StubLibrary> StubsByRoot = new(StringComparer.Ordinal);

    private readonly string _root;
    private readonly StubLibrary _stubs;

    /// <summary>A checker for the repository at <paramref name="root"/>.</summary>
    public NanoChecker(string root)
    {
        _root = Path.GetFullPath(root);
        _stubs = StubsByRoot.GetOrAdd(_root, r => new StubLibrary(Path.Combine(r, "firmware", "HelpPoint.NanoCheck", "Stubs")));
    }

    /// <summary>The repository root.</summary>
    public string Root => _root;

    /// <summary>Finds the repository root (the folder holding nanoFramework.sln) at or above <paramref name="start"/>.</summary>
    public static string FindRepositoryRoot(string start)
    {
        for (DirectoryInfo? dir = new(start); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "nanoFramework.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("no nanoFramework.sln at or above " + start);
    }

    /// <summary>Runs every check: Core, both apps, the nano test project, and their project files.</summary>
    public IReadOnlyList<Finding> CheckAll() => CheckAll(compile: true);

    /// <summary>
    /// Runs the checks; with <paramref name="compile"/> false only the project files and packages are
    /// checked (fast), not the code.
    /// </summary>
    public IReadOnlyList<Finding> CheckAll(bool compile)
    {
        var findings = new List<Finding>();
        if (compile)
        {
            findings.AddRange(CheckSources("HelpPoint.Core", Paths.SourceFiles(Path.Combine(_root, CoreFolder)), CorePackages));
        }

        var projects = new List<NanoProject>();
        foreach (string rel in new[] { ButtonProject, BoardProject, TestProject })
        {
            NanoProject? project = NanoProject.Load(Path.Combine(_root, rel), _root, findings);
            if (project == null)
            {
                continue;
            }

            projects.Add(project);
            int before = findings.Count;
            CheckProjectFile(project, rel == TestProject, findings);
            if (compile && findings.Count == before)
            {
                // The project's own list of files, against the stubs of its own packages.
                findings.AddRange(CheckSources(
                    Path.GetFileNameWithoutExtension(rel),
                    project.Compile.Select(project.Resolve),
                    project.Packages.Select(p => p.Id)));
            }
        }

        CheckSameVersions(projects, findings);
        return findings;
    }

    /// <summary>Compiles one device project's own file list against the stubs of its own packages.</summary>
    public IReadOnlyList<Finding> CheckProjectSources(string relativeProjectPath)
    {
        var findings = new List<Finding>();
        NanoProject? project = NanoProject.Load(Path.Combine(_root, relativeProjectPath), _root, findings);
        if (project != null)
        {
            findings.AddRange(CheckSources(
                Path.GetFileNameWithoutExtension(relativeProjectPath),
                project.Compile.Select(project.Resolve),
                project.Packages.Select(p => p.Id)));
        }

        return findings;
    }

    /// <summary>
    /// Compiles <paramref name="files"/> as the device would (C# 9, NANOFRAMEWORK_1_0, only the stubs of
    /// <paramref name="packageIds"/>) and applies <see cref="NanoRules"/>. Compiler errors and warnings
    /// count as findings too: an API missing from the stubs is one the device does not have.
    /// </summary>
    public IReadOnlyList<Finding> CheckSources(string name, IEnumerable<string> files, IEnumerable<string> packageIds)
    {
        var findings = new List<Finding>();
        var parse = new CSharpParseOptions(LanguageVersion.CSharp9, preprocessorSymbols: ["NANOFRAMEWORK_1_0"]);
        var trees = new List<SyntaxTree>();
        foreach (string file in files)
        {
            if (!File.Exists(file))
            {
                findings.Add(new Finding(Paths.Relative(_root, file), 0, 0, "NANOPROJ", "source file does not exist"));
                continue;
            }

            trees.Add(CSharpSyntaxTree.ParseText(File.ReadAllText(file), parse, file, System.Text.Encoding.UTF8));
        }

        var compilation = CSharpCompilation.Create(
            name,
            trees,
            _stubs.ReferencesFor(packageIds),
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Disable,
                allowUnsafe: false,
                warningLevel: 4));

        foreach (Diagnostic d in compilation.GetDiagnostics())
        {
            if (d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning)
            {
                FileLinePositionSpan span = d.Location.GetLineSpan();
                string path = string.IsNullOrEmpty(span.Path) ? name : Paths.Relative(_root, span.Path);
                findings.Add(new Finding(path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, d.Id, d.GetMessage()));
            }
        }

        foreach (SyntaxTree tree in trees)
        {
            NanoRules.Check(tree, compilation.GetSemanticModel(tree), Paths.Relative(_root, tree.FilePath), findings);
        }

        return findings;
    }

    /// <summary>Checks one .nfproj and its packages.config; see firmware.md for why each rule exists.</summary>
    public void CheckProjectFile(NanoProject project, bool isTestProject, List<Finding> findings)
    {
        string rel = Paths.Relative(_root, project.FullPath);
        string packagesRel = Paths.Relative(_root, Path.Combine(project.Directory, "packages.config"));
        void Problem(string message) => findings.Add(new Finding(rel, 0, 0, "NANOPROJ", message));

        string? types = project.Property("ProjectTypeGuids");
        if (types == null || !types.Contains(NanoProject.NanoProjectType, StringComparison.OrdinalIgnoreCase))
        {
            Problem("ProjectTypeGuids lacks the nanoFramework project type " + NanoProject.NanoProjectType);
        }

        foreach (string import in new[] { "NFProjectSystem.Default.props", "NFProjectSystem.props", "NFProjectSystem.CSharp.targets" })
        {
            if (!project.Document.Descendants().Any(e => e.Name.LocalName == "Import" && ((string?)e.Attribute("Project") ?? string.Empty).EndsWith(import, StringComparison.Ordinal)))
            {
                Problem("does not import " + import);
            }
        }

        if (project.Property("LangVersion") is { } lang && lang != "9.0" && lang != "9")
        {
            Problem("LangVersion must be 9.0 at most, not " + lang);
        }

        string expectedOutput = isTestProject ? "Library" : "Exe";
        if (project.Property("OutputType") != expectedOutput)
        {
            Problem("OutputType must be " + expectedOutput);
        }

        // packages.config: pinned, for nanoFramework, once each.
        var packages = new Dictionary<string, PackageItem>(StringComparer.Ordinal);
        foreach (PackageItem package in project.Packages)
        {
            if (package.Id.Length == 0 || !System.Text.RegularExpressions.Regex.IsMatch(package.Version, @"^\d+\.\d+\.\d+$"))
            {
                findings.Add(new Finding(packagesRel, 0, 0, "NANOPROJ", $"package '{package.Id}' needs an exact version (x.y.z), has '{package.Version}'"));
            }

            if (package.TargetFramework != "netnano1.0")
            {
                findings.Add(new Finding(packagesRel, 0, 0, "NANOPROJ", $"package '{package.Id}' must target netnano1.0"));
            }

            if (!packages.TryAdd(package.Id, package))
            {
                findings.Add(new Finding(packagesRel, 0, 0, "NANOPROJ", $"package '{package.Id}' is listed twice"));
            }
        }

        if (!packages.TryGetValue(StubLibrary.CoreLibraryPackage, out PackageItem? coreLibrary))
        {
            findings.Add(new Finding(packagesRel, 0, 0, "NANOPROJ", "nanoFramework.CoreLibrary is missing"));
        }
        else if (coreLibrary.Version != StubLibrary.CoreLibraryVersion)
        {
            // The check compiles against the mscorlib of exactly one version: the one the devices get.
            findings.Add(new Finding(packagesRel, 0, 0, "NANOPROJ", $"nanoFramework.CoreLibrary {coreLibrary.Version} is not the version the check compiles against ({StubLibrary.CoreLibraryVersion}, HelpPoint.NanoCheck.csproj)"));
        }

        // Every reference points into a package of packages.config at its version, and every package is referenced.
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        foreach (ReferenceItem reference in project.References)
        {
            string hint = reference.HintPath.Replace('/', '\\');
            int at = hint.IndexOf("packages\\", StringComparison.Ordinal);
            string[] parts = at < 0 ? [] : hint[(at + 9)..].Split('\\');
            PackageItem? owner = parts.Length >= 3 && parts[1] == "lib"
                ? packages.Values.FirstOrDefault(p => parts[0] == p.Id + "." + p.Version)
                : null;
            if (owner == null)
            {
                Problem($"reference '{reference.Include}' has hint path '{reference.HintPath}', which is not packages\\{{id}}.{{version}}\\lib\\… of a package in packages.config at its pinned version");
                continue;
            }

            referenced.Add(owner.Id);
            if (!hint.StartsWith(Path.GetRelativePath(project.Directory, Path.Combine(_root, "packages")).Replace('/', '\\') + "\\", StringComparison.Ordinal))
            {
                Problem($"reference '{reference.Include}' must come from the solution's packages folder ({reference.HintPath})");
            }
        }

        foreach (string id in packages.Keys.Where(id => !referenced.Contains(id)))
        {
            Problem($"package '{id}' is in packages.config but no <Reference> uses it");
        }

        // Compile items: present, unique, linked when outside the project folder.
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (CompileItem item in project.Compile)
        {
            string full = project.Resolve(item);
            if (item.Include.Contains('*', StringComparison.Ordinal))
            {
                Problem($"'{item.Include}': list files one by one; wildcards hide what the device build compiles");
                continue;
            }

            if (!File.Exists(full))
            {
                Problem($"compiles '{item.Include}', which does not exist");
            }

            if (!listed.Add(full))
            {
                Problem($"compiles '{item.Include}' twice");
            }

            bool outside = !full.StartsWith(project.Directory + Path.DirectorySeparatorChar, StringComparison.Ordinal);
            if (outside && string.IsNullOrEmpty(item.Link))
            {
                Problem($"'{item.Include}' is outside the project folder and needs a <Link>");
            }
        }

        // Every Core source is in every project: a new Core file must reach the device too.
        foreach (string core in Paths.SourceFiles(Path.Combine(_root, CoreFolder)).Where(f => !listed.Contains(f)))
        {
            Problem($"does not compile Core's {Paths.Relative(_root, core)}");
        }

        if (isTestProject)
        {
            CheckTestProject(project, listed, Problem);
        }
        else
        {
            foreach (string own in Paths.SourceFiles(project.Directory).Where(f => !listed.Contains(f)))
            {
                Problem($"does not compile its own {Paths.Relative(_root, own)}");
            }
        }
    }

    private void CheckTestProject(NanoProject project, HashSet<string> listed, Action<string> problem)
    {
        if (!string.Equals(project.Property("IsTestProject"), "true", StringComparison.OrdinalIgnoreCase))
        {
            problem("IsTestProject must be true");
        }

        if (!project.Document.Descendants().Any(e => e.Name.LocalName == "ProjectCapability" && (string?)e.Attribute("Include") == "TestContainer"))
        {
            problem("needs <ProjectCapability Include=\"TestContainer\" /> so Test Explorer finds the tests");
        }

        if (!project.Packages.Any(p => p.Id == "nanoFramework.TestFramework"))
        {
            problem("packages.config lacks nanoFramework.TestFramework");
        }

        string? settings = project.Property("RunSettingsFilePath");
        string runsettings = Path.Combine(project.Directory, "nano.runsettings");
        if (settings == null || !settings.EndsWith("nano.runsettings", StringComparison.Ordinal))
        {
            problem("RunSettingsFilePath must point at nano.runsettings");
        }
        else if (!File.Exists(runsettings))
        {
            problem("nano.runsettings is missing");
        }
        else
        {
            try
            {
                XDocument doc = XDocument.Load(runsettings);
                if (doc.Root?.Name != "RunSettings" || doc.Root.Element("nanoFrameworkAdapter") == null)
                {
                    problem("nano.runsettings needs <RunSettings> with a <nanoFrameworkAdapter> section");
                }
            }
            catch (System.Xml.XmlException e)
            {
                problem("nano.runsettings is not valid XML: " + e.Message);
            }
        }

        // The same tests on both frameworks: every test source that is not .NET-only is linked.
        foreach (string source in Paths.SourceFiles(Path.Combine(_root, TestsFolder), "nano"))
        {
            bool dotNetOnly = File.ReadAllText(source).TrimStart('\uFEFF', ' ', '\r', '\n', '\t').StartsWith(DotNetOnlyMarker, StringComparison.Ordinal);
            if (!dotNetOnly && !listed.Contains(source))
            {
                problem($"does not link the test source {Paths.Relative(_root, source)} (mark .NET-only files with a first line {DotNetOnlyMarker})");
            }
            else if (dotNetOnly && listed.Contains(source))
            {
                problem($"links {Paths.Relative(_root, source)}, which is .NET-only");
            }
        }
    }

    private void CheckSameVersions(List<NanoProject> projects, List<Finding> findings)
    {
        var seen = new Dictionary<string, (string Version, string Where)>(StringComparer.Ordinal);
        foreach (NanoProject project in projects)
        {
            string where = Paths.Relative(_root, Path.Combine(project.Directory, "packages.config"));
            foreach (PackageItem package in project.Packages)
            {
                if (seen.TryGetValue(package.Id, out var first) && first.Version != package.Version)
                {
                    findings.Add(new Finding(where, 0, 0, "NANOPROJ", $"{package.Id} {package.Version} differs from {first.Version} in {first.Where}: pin one version everywhere"));
                }
                else
                {
                    seen.TryAdd(package.Id, (package.Version, where));
                }
            }
        }
    }
}
