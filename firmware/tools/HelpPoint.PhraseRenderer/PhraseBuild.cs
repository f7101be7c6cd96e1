using HelpPoint.Core;

namespace HelpPoint.PhraseRenderer;

/// <summary>Everything the renderer produces, by path relative to the repository root.</summary>
public sealed class PhraseBuildOutput
{
    /// <summary>Files to write (resources, pictures, docs/languages.md).</summary>
    public required IReadOnlyDictionary<string, byte[]> Files { get; init; }

    /// <summary>Bytes per language, per display id.</summary>
    public required IReadOnlyDictionary<int, IReadOnlyDictionary<string, int>> LanguageBytes { get; init; }

    /// <summary>Whole resource sizes per display id.</summary>
    public required IReadOnlyDictionary<int, int> ResourceBytes { get; init; }

    /// <summary>The compiled resources, per display id.</summary>
    public required IReadOnlyDictionary<int, CompiledResource> Compiled { get; init; }

    /// <summary>The languages read.</summary>
    public required IReadOnlyList<LanguageFile> Languages { get; init; }
}

/// <summary>Runs the whole renderer: language files in, resources, pictures and docs out.</summary>
public static class PhraseBuild
{
    /// <summary>Folder of the language files.</summary>
    public const string LanguagesFolder = "firmware/languages";

    /// <summary>Folder of the resources.</summary>
    public const string ResourceFolder = "firmware/phrases";

    /// <summary>Folder of the pictures.</summary>
    public const string PictureFolder = "docs/images/languages";

    /// <summary>The languages page.</summary>
    public const string LanguagesDocPath = "docs/languages.md";

    /// <summary>The repository root: the nearest folder upwards from <paramref name="start"/> holding nanoFramework.sln.</summary>
    public static string FindRepository(string start)
    {
        for (DirectoryInfo? dir = new(start); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "nanoFramework.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no nanoFramework.sln above {start}");
    }

    /// <summary>Renders everything from the repository at <paramref name="root"/> (nothing is written).</summary>
    public static PhraseBuildOutput Run(string root, string? fontFolder = null)
    {
        IReadOnlyList<LanguageFile> languages = LanguageFile.LoadAll(Path.Combine(root, LanguagesFolder));
        if (!languages.Any(l => l.Code == Core.Languages.Swedish) || !languages.Any(l => l.Code == Core.Languages.English))
        {
            throw new FormatException("firmware/languages needs at least sv.json and en.json");
        }

        using var compiler = new PhraseCompiler(fontFolder);
        var files = new Dictionary<string, byte[]>();
        var sizes = new Dictionary<int, IReadOnlyDictionary<string, int>>();
        var totals = new Dictionary<int, int>();
        var compiled = new Dictionary<int, CompiledResource>();
        var bytes = new Dictionary<int, byte[]>();
        foreach (DisplayProfile display in DisplayProfile.All)
        {
            CompiledResource resource = compiler.Compile(display, languages);
            var (data, languageBytes) = ResourceWriter.Write(resource);
            files[$"{ResourceFolder}/{display.ResourceFile}"] = data;
            sizes[display.Id] = languageBytes;
            totals[display.Id] = data.Length;
            compiled[display.Id] = resource;
            bytes[display.Id] = data;
        }

        PhraseResource helpPoint = PhraseResource.Open(new ByteArrayPhraseSource(bytes[Phrases.HelpPointDisplay]))
            ?? throw new InvalidOperationException("the help point resource does not read back");
        PhraseResource board = PhraseResource.Open(new ByteArrayPhraseSource(bytes[Phrases.BoardDisplay]))
            ?? throw new InvalidOperationException("the board resource does not read back");
        foreach (LanguageFile language in languages)
        {
            foreach (var (file, png) in ScreenGallery.Pictures(helpPoint, board, language.Code))
            {
                files[$"{PictureFolder}/{file}"] = png;
            }
        }

        string docPath = Path.Combine(root, LanguagesDocPath);
        string doc = File.Exists(docPath) ? File.ReadAllText(docPath).Replace("\r\n", "\n", StringComparison.Ordinal) : throw new FileNotFoundException("docs/languages.md is missing", docPath);
        files[LanguagesDocPath] = System.Text.Encoding.UTF8.GetBytes(LanguagesDoc.Update(doc, LanguagesDoc.Generate(languages, sizes, totals, compiler.FontDigests)));

        return new PhraseBuildOutput { Files = files, LanguageBytes = sizes, ResourceBytes = totals, Compiled = compiled, Languages = languages };
    }

    /// <summary>The files under the picture folder that the build would not produce (to delete when writing).</summary>
    public static IEnumerable<string> StalePictures(string root, PhraseBuildOutput output)
    {
        string folder = Path.Combine(root, PictureFolder);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.GetFiles(folder, "*.png")
            .Select(f => $"{PictureFolder}/{Path.GetFileName(f)}")
            .Where(f => !output.Files.ContainsKey(f))
            .ToList();
    }
}
