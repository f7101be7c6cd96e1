namespace HelpPoint.Core
{
    /// <summary>
    /// The layout of a phrase resource file (docs/languages.md, "The resource format"); all numbers
    /// little-endian. The renderer writes it, <see cref="PhraseResource"/> reads it.
    /// </summary>
    public static class PhraseResourceFormat
    {
        /// <summary>Format version in byte 4.</summary>
        public const int Version = 1;

        /// <summary>Size of the file header.</summary>
        public const int HeaderBytes = 48;

        /// <summary>Size of one language-table entry.</summary>
        public const int LanguageEntryBytes = 16;

        /// <summary>Size of one phrase-part index entry (two parts per phrase): offset (3 bytes), flags, width (2), height, ascent.</summary>
        public const int PhraseEntryBytes = 8;

        /// <summary>Size of a font block's header.</summary>
        public const int FontHeaderBytes = 4;

        /// <summary>Size of one glyph entry of a font block.</summary>
        public const int GlyphEntryBytes = 12;

        /// <summary>Bytes of the input digest in the header.</summary>
        public const int DigestBytes = 16;

        /// <summary>Offset of the digest in the header.</summary>
        public const int DigestOffset = 12;

        /// <summary>Language flag: the language is written right to left.</summary>
        public const int RightToLeft = 1;

        /// <summary>Phrase-part flag: a space separates this part from the placeholder's value.</summary>
        public const int SpaceNextToPlaceholder = 1;

        /// <summary>The file's first four bytes, "HPPH".</summary>
        public static bool IsMagic(byte[] b)
        {
            return b.Length >= 4 && b[0] == (byte)'H' && b[1] == (byte)'P' && b[2] == (byte)'P' && b[3] == (byte)'H';
        }

        /// <summary>Reads an unsigned 16-bit number.</summary>
        public static int U16(byte[] b, int at)
        {
            return b[at] | (b[at + 1] << 8);
        }

        /// <summary>Reads an unsigned 24-bit number.</summary>
        public static int U24(byte[] b, int at)
        {
            return b[at] | (b[at + 1] << 8) | (b[at + 2] << 16);
        }

        /// <summary>Reads a 32-bit number (the files stay far below 2 GiB).</summary>
        public static int U32(byte[] b, int at)
        {
            return b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24);
        }
    }
}
