using HarfBuzzSharp;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace HelpPoint.PhraseRenderer;

/// <summary>
/// Shapes one line of text with HarfBuzz (per bidirectional run and per font, the language's font
/// first and Noto Sans for what it lacks) and rasterises it with Skia, aliased and fully hinted, into
/// 1-bit <see cref="Ink"/>. Deterministic: the same fonts and text give the same pixels.
/// </summary>
public sealed class TextRenderer : IDisposable
{
    // HarfBuzz works in these units per em; positions are scaled to the pixel size afterwards.
    private const int ShapeScale = 512;

    private readonly Face _face;
    private readonly Face _fallbackFace;
    private readonly HarfBuzzSharp.Font _hb;
    private readonly HarfBuzzSharp.Font _fallbackHb;
    private readonly SKFont _font;
    private readonly SKFont _fallback;
    private readonly string _language;

    /// <summary>A renderer for <paramref name="language"/> with <paramref name="typeface"/> at <paramref name="size"/> pixels, falling back to <paramref name="fallback"/>.</summary>
    public TextRenderer(SKTypeface typeface, SKTypeface fallback, float size, string language)
    {
        _language = language;
        _font = NewFont(typeface, size);
        _fallback = NewFont(fallback, size);
        (_face, _hb) = NewShaper(typeface);
        (_fallbackFace, _fallbackHb) = NewShaper(fallback);
    }

    /// <summary>Width of a space in pixels (rounded).</summary>
    public int SpaceWidth => (int)Math.Round(Shape(" ", false, _font.Typeface.ContainsGlyph(' ') ? Primary : Fallback).Sum(g => g.Advance));

    private (SKFont Font, HarfBuzzSharp.Font Hb) Primary => (_font, _hb);

    private (SKFont Font, HarfBuzzSharp.Font Hb) Fallback => (_fallback, _fallbackHb);

    /// <summary>Renders <paramref name="text"/> as one line in a paragraph of the given direction.</summary>
    public Ink Render(string text, bool rightToLeft)
    {
        var glyphs = new List<(SKFont Font, ushort Glyph, float X, float Y)>();
        float pen = 0;
        foreach (BidiRun run in Bidi.VisualRuns(text, rightToLeft))
        {
            var pieces = SplitByFont(run.Text);
            if (run.RightToLeft)
            {
                pieces.Reverse();
            }

            foreach ((string piece, bool primary) in pieces)
            {
                var (font, hb) = primary ? Primary : Fallback;
                foreach (var g in Shape(piece, run.RightToLeft, (font, hb)))
                {
                    glyphs.Add((font, g.Glyph, pen + g.X, g.Y));
                    pen += g.Advance;
                }
            }
        }

        return Rasterise(glyphs, pen);
    }

    /// <summary>Renders one character unshaped (runtime fonts), with its rounded advance.</summary>
    public (Ink Ink, int Advance) RenderChar(char c)
    {
        var (font, _) = _font.Typeface.ContainsGlyph(c) ? Primary : Fallback;
        ushort glyph = font.GetGlyph(c);
        float advance = font.GetGlyphWidths([glyph])[0];
        return (Rasterise([(font, glyph, 0f, 0f)], advance), (int)Math.Round(advance));
    }

    /// <summary>True when the language's font or the fallback has a glyph for <paramref name="c"/>.</summary>
    public bool CanDraw(char c) => _font.Typeface.ContainsGlyph(c) || _fallback.Typeface.ContainsGlyph(c);

    /// <inheritdoc/>
    public void Dispose()
    {
        _hb.Dispose();
        _fallbackHb.Dispose();
        _face.Dispose();
        _fallbackFace.Dispose();
        _font.Dispose();
        _fallback.Dispose();
    }

    private static SKFont NewFont(SKTypeface typeface, float size) => new(typeface, size)
    {
        Edging = SKFontEdging.Alias,
        Hinting = SKFontHinting.Full,
        Subpixel = false,
        LinearMetrics = false,
    };

    private static (Face, HarfBuzzSharp.Font) NewShaper(SKTypeface typeface)
    {
        using Blob blob = typeface.OpenStream(out int index).ToHarfBuzzBlob();
        var face = new Face(blob, index) { Index = index, UnitsPerEm = typeface.UnitsPerEm };
        var font = new HarfBuzzSharp.Font(face);
        font.SetScale(ShapeScale, ShapeScale);
        font.SetFunctionsOpenType();
        return (face, font);
    }

    // Splits into pieces by font coverage: the language's font where it has the glyph, else the fallback.
    // Spaces and marks stay with whatever precedes them, so words are shaped whole.
    private List<(string Text, bool Primary)> SplitByFont(string text)
    {
        var pieces = new List<(string, bool)>();
        int start = 0;
        bool? current = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool sticky = c == ' ' || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.Format;
            bool primary = _font.Typeface.ContainsGlyph(c);
            if (current == null)
            {
                current = sticky ? _font.Typeface.ContainsGlyph(c) : primary;
                continue;
            }

            if (!sticky && primary != current)
            {
                pieces.Add((text[start..i], current.Value));
                start = i;
                current = primary;
            }
        }

        if (start < text.Length)
        {
            pieces.Add((text[start..], current ?? true));
        }

        return pieces;
    }

    private List<(ushort Glyph, float X, float Y, float Advance)> Shape(string text, bool rightToLeft, (SKFont Font, HarfBuzzSharp.Font Hb) font)
    {
        using var buffer = new HarfBuzzSharp.Buffer();
        buffer.AddUtf16(text);
        buffer.GuessSegmentProperties();
        buffer.Direction = rightToLeft ? Direction.RightToLeft : Direction.LeftToRight;
        buffer.Language = new Language(_language);
        font.Hb.Shape(buffer);
        float scale = font.Font.Size / ShapeScale;
        var infos = buffer.GlyphInfos;
        var positions = buffer.GlyphPositions;
        var result = new List<(ushort, float, float, float)>(infos.Length);
        for (int i = 0; i < infos.Length; i++)
        {
            result.Add(((ushort)infos[i].Codepoint, positions[i].XOffset * scale, -positions[i].YOffset * scale, positions[i].XAdvance * scale));
        }

        return result;
    }

    private static Ink Rasterise(List<(SKFont Font, ushort Glyph, float X, float Y)> glyphs, float advance)
    {
        if (glyphs.Count == 0)
        {
            return Ink.Empty;
        }

        float size = glyphs[0].Font.Size;
        int pad = (int)Math.Ceiling(size * 2);
        int width = (int)Math.Ceiling(advance) + (2 * pad);
        int height = pad * 3;
        int baseline = pad * 2;
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Alpha8, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Transparent);
            using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = false };
            foreach (var group in glyphs.GroupBy(g => g.Font))
            {
                using var builder = new SKTextBlobBuilder();
                var run = builder.AllocatePositionedRun(group.Key, group.Count());
                var ids = run.Glyphs;
                var points = run.Positions;
                int k = 0;
                foreach (var g in group)
                {
                    ids[k] = g.Glyph;
                    points[k] = new SKPoint((float)Math.Round(pad + g.X), baseline + g.Y);
                    k++;
                }

                using SKTextBlob? blob = builder.Build();
                if (blob != null)
                {
                    canvas.DrawText(blob, 0, 0, paint);
                }
            }
        }

        int minX = width, minY = height, maxX = -1, maxY = -1;
        ReadOnlySpan<byte> alpha = bitmap.GetPixelSpan();
        int rowBytes = bitmap.RowBytes;
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                if (alpha[(y * rowBytes) + x] >= 128)
                {
                    minX = Math.Min(minX, x);
                    maxX = Math.Max(maxX, x);
                    minY = Math.Min(minY, y);
                    maxY = Math.Max(maxY, y);
                }
            }
        }

        if (maxX < 0)
        {
            return Ink.Empty;
        }

        if (minX == 0 || minY == 0 || maxX == width - 1 || maxY == height - 1)
        {
            throw new InvalidOperationException("ink reached the edge of the scratch canvas: text would be clipped");
        }

        var ink = new Ink(maxX - minX + 1, maxY - minY + 1, minX - pad, minY - baseline);
        for (int y = minY; y <= maxY; y++)
        {
            for (int x = minX; x <= maxX; x++)
            {
                ink[x - minX, y - minY] = alpha[(y * rowBytes) + x] >= 128;
            }
        }

        return ink;
    }
}
