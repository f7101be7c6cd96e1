using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HelpPoint.NanoCheck;

/// <summary>
/// The nanoFramework libraries the device code is compiled against: the real mscorlib of package
/// nanoFramework.CoreLibrary (restored by NuGet, embedded in this program), and for the packages NuGet
/// does not serve, signature stubs (Stubs/{package id}/*.cs) compiled in memory against that mscorlib
/// into reference assemblies of the real assembly names. The stubs hold only what the firmware uses,
/// with the published namespaces, types and member signatures and bodies that throw. nanoFramework's
/// mscorlib stands in for the whole .NET base library, so no .NET type can sneak in.
/// </summary>
public sealed class StubLibrary
{
    /// <summary>The package whose real assembly (mscorlib) is used instead of a stub.</summary>
    public const string CoreLibraryPackage = "nanoFramework.CoreLibrary";

    /// <summary>Packages in build order (each may use the ones before it), with the assembly each stands for.</summary>
    public static readonly (string PackageId, string Assembly)[] Packages =
    [
        ("nanoFramework.CoreLibrary", "mscorlib"),
        ("nanoFramework.System.Text", "nanoFramework.System.Text"),
        ("nanoFramework.System.Collections", "nanoFramework.System.Collections"),
        ("nanoFramework.Runtime.Events", "nanoFramework.Runtime.Events"),
        ("nanoFramework.Runtime.Native", "nanoFramework.Runtime.Native"),
        ("nanoFramework.System.Threading", "System.Threading"),
        ("nanoFramework.System.Net", "System.Net"),
        ("nanoFramework.System.Device.Wifi", "System.Device.Wifi"),
        ("nanoFramework.M2Mqtt", "nanoFramework.M2Mqtt"),
        ("nanoFramework.System.IO.Streams", "System.IO.Streams"),
        ("nanoFramework.Json", "nanoFramework.Json"),
        ("nanoFramework.System.IO.FileSystem", "System.IO.FileSystem"),
        ("nanoFramework.Hardware.Esp32", "nanoFramework.Hardware.Esp32"),
        ("nanoFramework.System.Device.Gpio", "System.Device.Gpio"),
        ("nanoFramework.System.Device.I2c", "System.Device.I2c"),
        ("nanoFramework.System.Device.Pwm", "System.Device.Pwm"),
        ("nanoFramework.Iot.Device.Ssd13xx", "Iot.Device.Ssd13xx"),
        ("nanoFramework.Graphics", "nanoFramework.Graphics"),
        ("nanoFramework.TestFramework", "nanoFramework.TestFramework"),
    ];

    private readonly string _stubRoot;
    private readonly ConcurrentDictionary<string, MetadataReference> _built = new(StringComparer.Ordinal);
    private readonly object _buildLock = new();

    /// <summary>Uses the stub sources under <paramref name="stubRoot"/>.</summary>
    public StubLibrary(string stubRoot)
    {
        _stubRoot = stubRoot;
    }

    /// <summary>The folder of the stub sources.</summary>
    public string StubRoot => _stubRoot;

    /// <summary>The version of nanoFramework.CoreLibrary whose mscorlib this program embeds.</summary>
    public static string CoreLibraryVersion { get; } =
        typeof(StubLibrary).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .Single(a => a.Key == "NanoCoreLibraryVersion").Value!;

    /// <summary>The bytes of the real nanoFramework mscorlib.dll (package nanoFramework.CoreLibrary, lib/).</summary>
    public static byte[] RealMscorlib()
    {
        using Stream stream = typeof(StubLibrary).Assembly.GetManifestResourceStream("nanoFramework.CoreLibrary/mscorlib.dll")
            ?? throw new InvalidOperationException("the real mscorlib is not embedded: build HelpPoint.NanoCheck after a NuGet restore");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>True when the package has an assembly to compile against: the real mscorlib, or stubs (packages the firmware uses nothing from have none).</summary>
    public bool Has(string packageId) => packageId == CoreLibraryPackage || Directory.Exists(Path.Combine(_stubRoot, packageId));

    /// <summary>
    /// References for a project that lists <paramref name="packageIds"/>: the stubs of exactly those
    /// packages, so an API of a package the project does not reference fails to compile.
    /// </summary>
    public IReadOnlyList<MetadataReference> ReferencesFor(IEnumerable<string> packageIds)
    {
        var wanted = new HashSet<string>(packageIds, StringComparer.Ordinal);
        var result = new List<MetadataReference>();
        foreach ((string id, string _) in Packages)
        {
            if (wanted.Contains(id) && Has(id))
            {
                result.Add(Build(id));
            }
        }

        return result;
    }

    private MetadataReference Build(string packageId)
    {
        lock (_buildLock)
        {
            if (_built.TryGetValue(packageId, out MetadataReference? done))
            {
                return done;
            }

            if (packageId == CoreLibraryPackage)
            {
                MetadataReference mscorlib = MetadataReference.CreateFromImage(RealMscorlib(), filePath: "mscorlib.dll");
                _built[packageId] = mscorlib;
                return mscorlib;
            }

            // Each stub may use the stubs built before it in Packages order.
            var references = new List<MetadataReference>();
            string assembly = string.Empty;
            foreach ((string id, string name) in Packages)
            {
                if (id == packageId)
                {
                    assembly = name;
                    break;
                }

                if (Has(id))
                {
                    references.Add(Build(id));
                }
            }

            string folder = Path.Combine(_stubRoot, packageId);
            var parse = new CSharpParseOptions(LanguageVersion.Latest);
            SyntaxTree[] trees = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, f))
                .ToArray();
            var compilation = CSharpCompilation.Create(
                assembly,
                trees,
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable, allowUnsafe: false));
            using var stream = new MemoryStream();
            Microsoft.CodeAnalysis.Emit.EmitResult emitted = compilation.Emit(stream);
            if (!emitted.Success)
            {
                string errors = string.Join(Environment.NewLine, emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20));
                throw new InvalidOperationException($"the stubs of {packageId} do not compile:{Environment.NewLine}{errors}");
            }

            MetadataReference reference = MetadataReference.CreateFromImage(stream.ToArray());
            _built[packageId] = reference;
            return reference;
        }
    }
}
