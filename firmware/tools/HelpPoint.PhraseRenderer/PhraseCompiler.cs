using System.Security.Cryptography;
using System.Text;
using HelpPoint.Core;
using SkiaSharp;

namespace HelpPoint.PhraseRenderer;

/// <summary>
/// Turns the language files into <see cref="CompiledResource"/>s: wraps each phrase to its display's
/// text area, renders it, and refuses (with a message naming language, phrase and display) anything
/// that would not fit or would be clipped.
/// </summary>
public sealed class PhraseCompiler : IDisposable
{
    /// <summary>Bump when the rendering itself changes, so the digest of old resources no longer matches.</summary>
    public const string RendererVersion = "helppoint-phrase-renderer 1";

    /// <summary>Where Debian's fonts-noto-core puts the fonts.</summary>
    public const string DefaultFontFolder = "/usr/share/fonts/truetype/noto";

    /// <summary>The fallback for characters a language's font lacks (digits, punctuation, Latin).</summary>
    public const string FallbackFont = "NotoSans-Regular.ttf";

    private readonly string _fontFolder;
    private readonly Dictionary<string, SKTypeface> _typefaces = [];
    private readonly Dictionary<string, string> _fontDigests = [];

    /// <summary>A compiler loading fonts from <paramref name="fontFolder"/> (default: the environment variable HELPPOINT_FONTS, else Debian's folder).</summary>
    public PhraseCompiler(string? fontFolder = null)
    {
        _fontFolder = fontFolder ?? Environment.GetEnvironmentVariable("HELPPOINT_FONTS") ?? DefaultFontFolder;
    }

    /// <summary>The fonts used so far, with the SHA-256 of each file.</summary>
    public IReadOnlyDictionary<string, string> FontDigests => _fontDigests;

    /// <summary>The font files every build needs besides the languages' own.</summary>
    public static IEnumerable<string> CommonFonts(IEnumerable<DisplayProfile> displays) =>
        displays.SelectMany(d => new[] { d.TextFont, d.DigitFont }).Append(FallbackFont).OfType<string>().Distinct();

    /// <summary>The digest of everything a display's resource is made from (first 16 bytes of SHA-256).</summary>
    public byte[] InputDigest(DisplayProfile display, IReadOnlyList<LanguageFile> languages)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => sha.AppendData(Encoding.UTF8.GetBytes(text + "\n"));
        Add(RendererVersion);
        Add(display.Describe());
        foreach (LanguageFile language in languages)
        {
            Add("language " + language.Code);
            sha.AppendData(Normalise(language.Source));
        }

        foreach (string font in CommonFonts([display]).Concat(languages.Select(l => l.Font)).Distinct().Order(StringComparer.Ordinal))
        {
            Add("font " + font + " " + FontDigest(font));
        }

        return sha.GetHashAndReset()[..PhraseResourceFormat.DigestBytes];
    }

    /// <summary>Compiles one display's resource.</summary>
    public CompiledResource Compile(DisplayProfile display, IReadOnlyList<LanguageFile> languages)
    {
        byte[] digest = InputDigest(display, languages);
        CompiledFont textFont = CompileFont(display.TextFont, display.TextFontSize, DisplayProfile.RuntimeCharacters());
        CompiledFont digitFont = display.DigitFont == null
            ? new CompiledFont(0, 0, [])
            : CompileFont(display.DigitFont, display.DigitFontSize, "0123456789");
        var problems = new List<string>();
        var compiled = new List<CompiledLanguage>();
        foreach (LanguageFile language in languages)
        {
            try
            {
                compiled.Add(CompileLanguage(display, language, textFont, digitFont));
            }
            catch (FormatException e)
            {
                problems.Add(e.Message);
            }
        }

        if (problems.Count > 0)
        {
            throw new FormatException(string.Join(Environment.NewLine, problems));
        }

        return new CompiledResource(display, digest, compiled, textFont, digitFont);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (SKTypeface typeface in _typefaces.Values)
        {
            typeface.Dispose();
        }
    }

    private static byte[] Normalise(byte[] source) => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(source).Replace("\r\n", "\n", StringComparison.Ordinal));

    private SKTypeface Typeface(string file)
    {
        if (!_typefaces.TryGetValue(file, out SKTypeface? typeface))
        {
            string path = Path.Combine(_fontFolder, file);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"font {path} not found: install Debian's fonts-noto-core (apt-get install fonts-noto-core) or set HELPPOINT_FONTS", path);
            }

            typeface = SKTypeface.FromFile(path) ?? throw new InvalidOperationException($"font {path} could not be read");
            _typefaces[file] = typeface;
        }

        return typeface;
    }

    private string FontDigest(string file)
    {
        if (!_fontDigests.TryGetValue(file, out string? digest))
        {
            string path = Path.Combine(_fontFolder, file);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"font {path} not found: install Debian's fonts-noto-core (apt-get install fonts-noto-core) or set HELPPOINT_FONTS", path);
            }

            digest = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
            _fontDigests[file] = digest;
        }

        return digest;
    }

    private CompiledFont CompileFont(string file, float size, IEnumerable<char> characters)
    {
        using var renderer = new TextRenderer(Typeface(file), Typeface(file), size, "en");
        var glyphs = new List<(char Code, Ink Ink, int Advance)>();
        foreach (char c in characters)
        {
            if (renderer.CanDraw(c))
            {
                var (ink, advance) = renderer.RenderChar(c);
                glyphs.Add((c, ink, advance));
            }
        }

        int baseline = glyphs.Max(g => g.Ink.Ascent);
        int height = baseline + glyphs.Max(g => g.Ink.Descent);
        var compiled = glyphs.Select(g => new CompiledGlyph(
            g.Code,
            PackedBitmap.Pack(g.Ink.Width, g.Ink.Height, (x, y) => g.Ink[x, y]),
            baseline + g.Ink.Top,
            g.Ink.Left,
            g.Advance)).ToList();
        return new CompiledFont(height, baseline, compiled);
    }

    private CompiledLanguage CompileLanguage(DisplayProfile display, LanguageFile language, CompiledFont textFont, CompiledFont digitFont)
    {
        using var renderer = new TextRenderer(Typeface(language.Font), Typeface(FallbackFont), display.PhraseSize(language), language.Code);
        string where = $"{language.Code}.json, {display.Name}";
        var problems = new List<string>();
        int space = Math.Max(1, renderer.SpaceWidth);

        // Render every line first: the language's line box must hold the ink of all of them.
        var rendered = new Dictionary<int, (List<Ink> Lines, bool[] Spaces)>();
        for (int id = 0; id < Phrases.Count; id++)
        {
            int maxHeight = display.MaxHeight(id);
            if (maxHeight == 0)
            {
                continue;
            }

            string text = language.Texts[id];
            string key = Phrases.Key(id);
            if (language.RightToLeft && text.IndexOfAny(['(', ')', '[', ']', '{', '}', '<', '>'], 0) >= 0 && Phrases.Placeholder(id) == null)
            {
                throw new FormatException($"{where}: \"{key}\" has brackets, which the renderer does not mirror in right-to-left text");
            }

            string? placeholder = Phrases.Placeholder(id);
            if (placeholder != null)
            {
                int at = text.IndexOf(placeholder, StringComparison.Ordinal);
                string before = text[..at];
                string after = text[(at + placeholder.Length)..];
                var lines = new List<Ink> { renderer.Render(before.Trim(), language.RightToLeft), renderer.Render(after.Trim(), language.RightToLeft) };
                bool[] spaces = [before.Length > 0 && char.IsWhiteSpace(before[^1]), after.Length > 0 && char.IsWhiteSpace(after[0])];
                rendered[id] = (lines, spaces);
            }
            else
            {
                List<Ink> lines;
                try
                {
                    lines = Wrap(renderer, text, language.RightToLeft, display.ContentWidth);
                }
                catch (FormatException e)
                {
                    problems.Add($"{where}: \"{key}\": {e.Message}");
                    continue;
                }


                rendered[id] = (lines, [false, false]);
            }
        }

        int baseline = Math.Max(rendered.Values.SelectMany(r => r.Lines).Max(i => i.Ascent), textFont.Baseline);
        int descent = Math.Max(rendered.Values.SelectMany(r => r.Lines).Max(i => i.Descent), textFont.LineHeight - textFont.Baseline);
        int lineHeight = baseline + descent;
        if (lineHeight > 255)
        {
            throw new FormatException($"{where}: lines are {lineHeight} px high");
        }

        var parts = Enumerable.Range(0, Phrases.Count * 2).Select(_ => new CompiledPart(PackedBitmap.Empty, 0, false, 0)).ToArray();
        foreach (var (id, (lines, spaces)) in rendered)
        {
            string key = Phrases.Key(id);
            if (Phrases.Placeholder(id) != null)
            {
                for (int part = 0; part < 2; part++)
                {
                    var (bitmap, ascent) = Block([lines[part]], lineHeight, baseline, language.RightToLeft);
                    parts[(id * 2) + part] = new CompiledPart(bitmap, ascent, spaces[part], 1);
                    if (bitmap.Height > display.MaxHeight(id))
                    {
                        problems.Add($"{where}: \"{key}\" is {bitmap.Height} px high, {display.MaxHeight(id)} fit");
                    }
                }

                // A number must fit on the line; a name that does not goes on a line of its own above the text.
                bool host = Phrases.Placeholder(id) == Phrases.HostPlaceholder;
                string widest = host ? string.Empty : display.WidestNumber;
                int width = lines[0].Width + lines[1].Width + Measure(textFont, widest)
                    + (host ? (lines[0].Width > 0 && lines[1].Width > 0 ? space : 0) : (spaces[0] && lines[0].Width > 0 ? space : 0) + (spaces[1] && lines[1].Width > 0 ? space : 0));
                if (width > display.ContentWidth)
                {
                    problems.Add($"{where}: \"{key}\" with \"{widest}\" is {width} px wide, {display.ContentWidth} px fit: shorten the text");
                }
            }
            else
            {
                var (bitmap, ascent) = Block(lines, lineHeight, baseline, language.RightToLeft);
                parts[id * 2] = new CompiledPart(bitmap, ascent, false, lines.Count);
                if (bitmap.Height > display.MaxHeight(id))
                {
                    problems.Add($"{where}: \"{key}\" takes {lines.Count} lines, {bitmap.Height} px; {display.MaxHeight(id)} px fit: shorten the text (\"{language.Texts[id]}\")");
                }
            }
        }

        if (display.WidestTicket != null)
        {
            int label = parts[Phrases.TicketLabel * 2].Bitmap.Width;
            int room = display.ContentWidth - display.TicketGap - Measure(digitFont, display.WidestTicket);
            if (label > room)
            {
                problems.Add($"{where}: \"ticket.label\" is {label} px wide; beside the number {display.WidestTicket} only {room} px fit");
            }
        }

        if (problems.Count > 0)
        {
            throw new FormatException(string.Join(Environment.NewLine, problems));
        }

        return new CompiledLanguage(language.Code, language.RightToLeft, lineHeight, baseline, space, parts);
    }

    private static int Measure(CompiledFont font, string text) => text.Sum(c => font.Glyphs.FirstOrDefault(g => g.Code == c)?.Advance ?? 0);

    // Stacks lines into one bitmap, one line box each, aligned to the reading direction's start edge, then
    // crops the rows above the first ink and below the last; returns it with the first line's baseline row.
    private static (PackedBitmap Bitmap, int Ascent) Block(List<Ink> lines, int lineHeight, int baseline, bool rightToLeft)
    {
        int width = lines.Max(l => l.Width);
        if (width == 0)
        {
            return (PackedBitmap.Empty, 0);
        }

        bool Lit(int x, int y)
        {
            Ink line = lines[y / lineHeight];
            int ly = (y % lineHeight) - (baseline + line.Top);
            int lx = rightToLeft ? x - (width - line.Width) : x;
            return lx >= 0 && ly >= 0 && lx < line.Width && ly < line.Height && line[lx, ly];
        }

        int top = baseline + lines[0].Top;
        Ink last = lines[^1];
        int bottom = ((lines.Count - 1) * lineHeight) + baseline + last.Top + last.Height;
        return (PackedBitmap.Pack(width, bottom - top, (x, y) => Lit(x, y + top)), baseline - top);
    }

    // Greedy word wrap on spaces (and explicit "\n"), measured on the rendered ink.
    private static List<Ink> Wrap(TextRenderer renderer, string text, bool rightToLeft, int width)
    {
        var lines = new List<Ink>();
        foreach (string paragraph in text.Split('\n'))
        {
            string[] words = paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            string current = string.Empty;
            Ink? currentInk = null;
            foreach (string word in words)
            {
                string candidate = current.Length == 0 ? word : current + " " + word;
                Ink ink = renderer.Render(candidate, rightToLeft);
                if (ink.Width <= width || current.Length == 0)
                {
                    if (ink.Width > width)
                    {
                        throw new FormatException($"the word \"{word}\" alone is {ink.Width} px wide, {width} px fit");
                    }

                    current = candidate;
                    currentInk = ink;
                    continue;
                }

                lines.Add(currentInk!);
                current = word;
                currentInk = renderer.Render(word, rightToLeft);
                if (currentInk.Width > width)
                {
                    throw new FormatException($"the word \"{word}\" alone is {currentInk.Width} px wide, {width} px fit");
                }
            }

            if (currentInk != null)
            {
                lines.Add(currentInk);
            }
        }

        return lines;
    }
}
