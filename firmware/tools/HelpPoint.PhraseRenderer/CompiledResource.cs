namespace HelpPoint.PhraseRenderer;

/// <summary>A bitmap ready for the resource: packed rows, MSB leftmost.</summary>
public sealed record PackedBitmap(int Width, int Height, byte[] Bytes)
{
    /// <summary>No bitmap.</summary>
    public static PackedBitmap Empty { get; } = new(0, 0, []);

    /// <summary>Packs a pixel grid.</summary>
    public static PackedBitmap Pack(int width, int height, Func<int, int, bool> lit)
    {
        if (width == 0 || height == 0)
        {
            return Empty;
        }

        int stride = (width + 7) / 8;
        var bytes = new byte[stride * height];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                if (lit(x, y))
                {
                    bytes[(y * stride) + (x >> 3)] |= (byte)(0x80 >> (x & 7));
                }
            }
        }

        return new PackedBitmap(width, height, bytes);
    }
}

/// <summary>One half of a phrase: the text, or the text before/after its placeholder; <see cref="Ascent"/> is the first line's baseline row.</summary>
public sealed record CompiledPart(PackedBitmap Bitmap, int Ascent, bool SpaceNextToPlaceholder, int Lines);

/// <summary>A language's phrases on one display.</summary>
public sealed record CompiledLanguage(string Code, bool RightToLeft, int LineHeight, int Baseline, int SpaceWidth, CompiledPart[] Parts);

/// <summary>A runtime font's glyph.</summary>
public sealed record CompiledGlyph(char Code, PackedBitmap Bitmap, int Top, int Left, int Advance);

/// <summary>A runtime font.</summary>
public sealed record CompiledFont(int LineHeight, int Baseline, IReadOnlyList<CompiledGlyph> Glyphs);

/// <summary>Everything one display's resource holds.</summary>
public sealed record CompiledResource(DisplayProfile Display, byte[] Digest, IReadOnlyList<CompiledLanguage> Languages, CompiledFont TextFont, CompiledFont DigitFont);
