using HelpPoint.PhraseRenderer;

// dotnet run --project firmware/tools/HelpPoint.PhraseRenderer [-- --check]
// Renders firmware/languages/*.json into firmware/phrases/*.phr, docs/images/languages/*.png and the
// generated part of docs/languages.md. With --check it writes nothing and exits 1 when any of them is stale.
bool check = args.Contains("--check");
string root;
try
{
    root = PhraseBuild.FindRepository(Directory.GetCurrentDirectory());
}
catch (DirectoryNotFoundException e)
{
    Console.Error.WriteLine("phrase-renderer: " + e.Message);
    return 2;
}

PhraseBuildOutput output;
try
{
    output = PhraseBuild.Run(root);
}
catch (Exception e) when (e is FormatException or FileNotFoundException or InvalidOperationException)
{
    Console.Error.WriteLine("phrase-renderer: " + e.Message);
    return 2;
}

if (args.Contains("--metrics"))
{
    foreach (var (display, resource) in output.Compiled.OrderBy(c => c.Key))
    {
        foreach (CompiledLanguage language in resource.Languages)
        {
            Console.WriteLine($"display {display} {language.Code}: line {language.LineHeight} px (baseline {language.Baseline}), space {language.SpaceWidth}; " +
                string.Join(", ", Enumerable.Range(0, HelpPoint.Core.Phrases.Count).Where(id => language.Parts[id * 2].Lines > 1).Select(id => $"{HelpPoint.Core.Phrases.Key(id)} {language.Parts[id * 2].Lines} lines")));
        }

        Console.WriteLine($"display {display}: text font line {resource.TextFont.LineHeight}, digits line {resource.DigitFont.LineHeight}");
    }

    return 0;
}

var stale = new List<string>();
foreach (var (path, bytes) in output.Files.OrderBy(f => f.Key, StringComparer.Ordinal))
{
    string full = Path.Combine(root, path);
    bool same = File.Exists(full) && File.ReadAllBytes(full).AsSpan().SequenceEqual(bytes);
    if (same)
    {
        continue;
    }

    stale.Add(path);
    if (!check)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }
}

foreach (string path in PhraseBuild.StalePictures(root, output))
{
    stale.Add(path + " (no longer produced)");
    if (!check)
    {
        File.Delete(Path.Combine(root, path));
    }
}

foreach (var (display, sizes) in output.LanguageBytes.OrderBy(d => d.Key))
{
    Console.WriteLine($"display {display}: {output.ResourceBytes[display]} bytes; " + string.Join(", ", sizes.Select(s => $"{s.Key} {s.Value}")));
}

if (check)
{
    foreach (string path in stale)
    {
        Console.WriteLine("stale: " + path);
    }

    Console.WriteLine(stale.Count == 0 ? "phrase resources are up to date" : "run: dotnet run --project firmware/tools/HelpPoint.PhraseRenderer");
    return stale.Count == 0 ? 0 : 1;
}

Console.WriteLine(stale.Count == 0 ? "nothing changed" : $"wrote {stale.Count} file(s)");
return 0;
