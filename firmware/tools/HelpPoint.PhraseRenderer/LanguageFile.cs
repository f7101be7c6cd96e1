using System.Text.Json;
using HelpPoint.Core;

namespace HelpPoint.PhraseRenderer;

/// <summary>One language as a library edits it: <c>firmware/languages/{code}.json</c>.</summary>
public sealed class LanguageFile
{
    /// <summary>ISO 639-1 code, the file's name.</summary>
    public required string Code { get; init; }

    /// <summary>The language's name in English (docs only).</summary>
    public required string EnglishName { get; init; }

    /// <summary>True for right-to-left scripts.</summary>
    public required bool RightToLeft { get; init; }

    /// <summary>Font file (in the Noto font folder) for the phrases.</summary>
    public required string Font { get; init; }

    /// <summary>Pixel size of the phrases on the help point's OLED.</summary>
    public required float HelpPointSize { get; init; }

    /// <summary>Pixel size of the phrases on the ticket board's TFT.</summary>
    public required float BoardSize { get; init; }

    /// <summary>Who translated and how (shown in docs/languages.md).</summary>
    public required string Translation { get; init; }

    /// <summary>Phrase keys a native speaker has checked.</summary>
    public required IReadOnlySet<string> Reviewed { get; init; }

    /// <summary>The texts by phrase id.</summary>
    public required string[] Texts { get; init; }

    /// <summary>The file's bytes, for the input digest.</summary>
    public required byte[] Source { get; init; }

    /// <summary>Reads and checks a language file; throws <see cref="FormatException"/> naming the file and what is wrong.</summary>
    public static LanguageFile Load(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        string code = Path.GetFileNameWithoutExtension(path);
        string where = Path.GetFileName(path);
        if (!Languages.IsValidCode(code))
        {
            throw new FormatException($"{where}: the file name must be a two-letter ISO 639-1 code");
        }

        JsonElement root;
        try
        {
            root = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }).RootElement;
        }
        catch (JsonException e)
        {
            throw new FormatException($"{where}: not valid JSON ({e.Message})");
        }

        string Text(JsonElement parent, string name)
        {
            if (!parent.TryGetProperty(name, out JsonElement value) || value.ValueKind != JsonValueKind.String || value.GetString()!.Trim().Length == 0)
            {
                throw new FormatException($"{where}: \"{name}\" is missing or empty");
            }

            return value.GetString()!;
        }

        float Size(JsonElement parent, string name)
        {
            if (!parent.TryGetProperty(name, out JsonElement value) || value.ValueKind != JsonValueKind.Number || value.GetDouble() < 6 || value.GetDouble() > 64)
            {
                throw new FormatException($"{where}: \"size.{name}\" must be a pixel size between 6 and 64");
            }

            return (float)value.GetDouble();
        }

        if (Text(root, "code") != code)
        {
            throw new FormatException($"{where}: \"code\" must be \"{code}\", like the file name");
        }

        string direction = Text(root, "direction");
        if (direction != "ltr" && direction != "rtl")
        {
            throw new FormatException($"{where}: \"direction\" must be \"ltr\" or \"rtl\"");
        }

        if (!root.TryGetProperty("size", out JsonElement size) || size.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{where}: \"size\" must be {{\"helppoint\": px, \"board\": px}}");
        }

        if (!root.TryGetProperty("phrases", out JsonElement phrases) || phrases.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{where}: \"phrases\" is missing");
        }

        var texts = new string[Phrases.Count];
        var known = new HashSet<string>();
        for (int id = 0; id < Phrases.Count; id++)
        {
            string key = Phrases.Key(id);
            known.Add(key);
            string text = Text(phrases, key);
            string? placeholder = Phrases.Placeholder(id);
            int count = CountOf(text, Phrases.NumberPlaceholder) + CountOf(text, Phrases.HostPlaceholder);
            if (placeholder != null && (CountOf(text, placeholder) != 1 || count != 1))
            {
                throw new FormatException($"{where}: \"{key}\" must contain {placeholder} exactly once");
            }

            if (placeholder == null && count != 0)
            {
                throw new FormatException($"{where}: \"{key}\" takes no placeholder");
            }

            texts[id] = text;
        }

        foreach (JsonProperty p in phrases.EnumerateObject())
        {
            if (!known.Contains(p.Name))
            {
                throw new FormatException($"{where}: unknown phrase \"{p.Name}\" (the keys are listed in docs/languages.md)");
            }
        }

        var reviewed = new HashSet<string>();
        if (root.TryGetProperty("reviewed", out JsonElement list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in list.EnumerateArray())
            {
                string key = item.GetString() ?? string.Empty;
                if (!known.Contains(key))
                {
                    throw new FormatException($"{where}: \"reviewed\" names unknown phrase \"{key}\"");
                }

                reviewed.Add(key);
            }
        }

        return new LanguageFile
        {
            Code = code,
            EnglishName = Text(root, "englishName"),
            RightToLeft = direction == "rtl",
            Font = Text(root, "font"),
            HelpPointSize = Size(size, "helppoint"),
            BoardSize = Size(size, "board"),
            Translation = Text(root, "translation"),
            Reviewed = reviewed,
            Texts = texts,
            Source = bytes,
        };
    }

    /// <summary>Every language file in <paramref name="folder"/>, by code.</summary>
    public static IReadOnlyList<LanguageFile> LoadAll(string folder)
    {
        return Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(Load).ToList();
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
