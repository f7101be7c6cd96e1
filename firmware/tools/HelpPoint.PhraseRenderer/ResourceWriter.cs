using HelpPoint.Core;

namespace HelpPoint.PhraseRenderer;

/// <summary>Writes a <see cref="CompiledResource"/> in the format <see cref="PhraseResource"/> reads (docs/languages.md).</summary>
public static class ResourceWriter
{
    /// <summary>The resource's bytes, and the bytes each language takes (index and bitmaps).</summary>
    public static (byte[] Bytes, IReadOnlyDictionary<string, int> LanguageBytes) Write(CompiledResource resource)
    {
        var output = new List<byte>();
        var sizes = new Dictionary<string, int>();
        int languages = resource.Languages.Count;
        int tableEnd = PhraseResourceFormat.HeaderBytes + (languages * PhraseResourceFormat.LanguageEntryBytes);
        output.AddRange(new byte[tableEnd]);
        int largest = 0;

        var indexOffsets = new int[languages];
        for (int l = 0; l < languages; l++)
        {
            CompiledLanguage language = resource.Languages[l];
            int start = output.Count;
            indexOffsets[l] = start;
            output.AddRange(new byte[language.Parts.Length * PhraseResourceFormat.PhraseEntryBytes]);
            for (int p = 0; p < language.Parts.Length; p++)
            {
                CompiledPart part = language.Parts[p];
                int at = start + (p * PhraseResourceFormat.PhraseEntryBytes);
                int offset = part.Bitmap.Bytes.Length == 0 ? 0 : output.Count;
                if (offset > 0xFFFFFF)
                {
                    throw new InvalidOperationException("a phrase resource may not exceed 16 MiB");
                }

                output[at] = (byte)offset;
                output[at + 1] = (byte)(offset >> 8);
                output[at + 2] = (byte)(offset >> 16);
                output[at + 3] = (byte)(part.SpaceNextToPlaceholder ? PhraseResourceFormat.SpaceNextToPlaceholder : 0);
                Put16(output, at + 4, part.Bitmap.Width);
                output[at + 6] = checked((byte)part.Bitmap.Height);
                output[at + 7] = checked((byte)part.Ascent);
                output.AddRange(part.Bitmap.Bytes);
                largest = Math.Max(largest, part.Bitmap.Bytes.Length);
            }

            int entry = PhraseResourceFormat.HeaderBytes + (l * PhraseResourceFormat.LanguageEntryBytes);
            output[entry] = (byte)language.Code[0];
            output[entry + 1] = (byte)language.Code[1];
            output[entry + 2] = (byte)(language.RightToLeft ? PhraseResourceFormat.RightToLeft : 0);
            output[entry + 3] = checked((byte)language.LineHeight);
            output[entry + 4] = checked((byte)language.Baseline);
            output[entry + 5] = checked((byte)language.SpaceWidth);
            Put32(output, entry + 8, start);
            Put32(output, entry + 12, output.Count - start);
            sizes[language.Code] = output.Count - start;
        }

        int textFont = WriteFont(output, resource.TextFont, ref largest);
        int digitFont = WriteFont(output, resource.DigitFont, ref largest);

        output[0] = (byte)'H';
        output[1] = (byte)'P';
        output[2] = (byte)'P';
        output[3] = (byte)'H';
        output[4] = PhraseResourceFormat.Version;
        output[5] = (byte)resource.Display.Id;
        output[6] = checked((byte)languages);
        output[7] = Phrases.Count;
        Put16(output, 8, resource.Display.Width);
        Put16(output, 10, resource.Display.Height);
        for (int i = 0; i < PhraseResourceFormat.DigestBytes; i++)
        {
            output[PhraseResourceFormat.DigestOffset + i] = resource.Digest[i];
        }

        Put32(output, 28, textFont);
        Put32(output, 32, digitFont);
        Put32(output, 36, output.Count);
        Put32(output, 40, largest);
        return (output.ToArray(), sizes);
    }

    private static int WriteFont(List<byte> output, CompiledFont font, ref int largest)
    {
        int start = output.Count;
        var glyphs = font.Glyphs.OrderBy(g => g.Code).ToList();
        output.AddRange(new byte[PhraseResourceFormat.FontHeaderBytes + (glyphs.Count * PhraseResourceFormat.GlyphEntryBytes)]);
        Put16(output, start, glyphs.Count);
        output[start + 2] = checked((byte)font.LineHeight);
        output[start + 3] = checked((byte)font.Baseline);
        for (int i = 0; i < glyphs.Count; i++)
        {
            CompiledGlyph g = glyphs[i];
            int at = start + PhraseResourceFormat.FontHeaderBytes + (i * PhraseResourceFormat.GlyphEntryBytes);
            Put16(output, at, g.Code);
            output[at + 2] = checked((byte)g.Bitmap.Width);
            output[at + 3] = checked((byte)g.Bitmap.Height);
            output[at + 4] = checked((byte)g.Top);
            output[at + 5] = unchecked((byte)checked((sbyte)g.Left));
            output[at + 6] = checked((byte)g.Advance);
            Put32(output, at + 8, g.Bitmap.Bytes.Length == 0 ? 0 : output.Count);
            output.AddRange(g.Bitmap.Bytes);
            largest = Math.Max(largest, g.Bitmap.Bytes.Length);
        }

        return start;
    }

    private static void Put16(List<byte> output, int at, int value)
    {
        output[at] = (byte)value;
        output[at + 1] = (byte)(value >> 8);
    }

    private static void Put32(List<byte> output, int at, int value)
    {
        output[at] = (byte)value;
        output[at + 1] = (byte)(value >> 8);
        output[at + 2] = (byte)(value >> 16);
        output[at + 3] = (byte)(value >> 24);
    }
}
