namespace HelpPoint.Core
{
    /// <summary>
    /// Reads a phrase resource (made by firmware/tools/HelpPoint.PhraseRenderer, format in
    /// docs/languages.md): per language, every phrase of one display as a ready-shaped 1-bit bitmap,
    /// plus two fonts for the parts only known at run time. The small tables are kept in RAM; bitmaps
    /// are read from the source when drawn, into one reused buffer. Not thread-safe: draw from one thread.
    /// </summary>
    public sealed class PhraseResource
    {
        private readonly IPhraseSource _source;
        private readonly byte[] _entry = new byte[PhraseResourceFormat.PhraseEntryBytes];
        private readonly byte[] _bitmap;
        private readonly string[] _codes;
        private readonly int[] _flags;
        private readonly int[] _lineHeights;
        private readonly int[] _baselines;
        private readonly int[] _spaces;
        private readonly int[] _indexOffsets;
        private readonly int[] _languageBytes;
        private readonly byte[] _digest;

        private PhraseResource(IPhraseSource source, byte[] header)
        {
            _source = source;
            Display = header[5];
            int languages = header[6];
            PhraseCount = header[7];
            Width = PhraseResourceFormat.U16(header, 8);
            Height = PhraseResourceFormat.U16(header, 10);
            _digest = new byte[PhraseResourceFormat.DigestBytes];
            for (int i = 0; i < _digest.Length; i++)
            {
                _digest[i] = header[PhraseResourceFormat.DigestOffset + i];
            }

            _bitmap = new byte[PhraseResourceFormat.U32(header, 40)];
            _codes = new string[languages];
            _flags = new int[languages];
            _lineHeights = new int[languages];
            _baselines = new int[languages];
            _spaces = new int[languages];
            _indexOffsets = new int[languages];
            _languageBytes = new int[languages];
            var row = new byte[PhraseResourceFormat.LanguageEntryBytes];
            for (int i = 0; i < languages; i++)
            {
                ReadAt(PhraseResourceFormat.HeaderBytes + (i * PhraseResourceFormat.LanguageEntryBytes), row, row.Length);
                _codes[i] = new string(new char[] { (char)row[0], (char)row[1] });
                _flags[i] = row[2];
                _lineHeights[i] = row[3];
                _baselines[i] = row[4];
                _spaces[i] = row[5];
                _indexOffsets[i] = PhraseResourceFormat.U32(row, 8);
                _languageBytes[i] = PhraseResourceFormat.U32(row, 12);
            }

            TextFont = OpenFont(PhraseResourceFormat.U32(header, 28));
            DigitFont = OpenFont(PhraseResourceFormat.U32(header, 32));
        }

        /// <summary>Which display the bitmaps are for: <see cref="Phrases.HelpPointDisplay"/> or <see cref="Phrases.BoardDisplay"/>.</summary>
        public int Display { get; private set; }

        /// <summary>The display's width in pixels.</summary>
        public int Width { get; private set; }

        /// <summary>The display's height in pixels.</summary>
        public int Height { get; private set; }

        /// <summary>Phrase ids the resource has an index for.</summary>
        public int PhraseCount { get; private set; }

        /// <summary>Number of languages.</summary>
        public int LanguageCount
        {
            get { return _codes.Length; }
        }

        /// <summary>The font for runtime text (numbers, host names) at the phrases' size.</summary>
        public PhraseFont TextFont { get; private set; }

        /// <summary>The big, bold digits of the ticket number.</summary>
        public PhraseFont DigitFont { get; private set; }

        /// <summary>
        /// Opens a resource; null when the source does not hold one this firmware can read (then the
        /// device shows its built-in Swedish/English text screens).
        /// </summary>
        public static PhraseResource Open(IPhraseSource source)
        {
            if (source == null || source.Length < PhraseResourceFormat.HeaderBytes)
            {
                return null;
            }

            var header = new byte[PhraseResourceFormat.HeaderBytes];
            if (source.Read(0, header, header.Length) != header.Length || !PhraseResourceFormat.IsMagic(header)
                || header[4] != PhraseResourceFormat.Version || PhraseResourceFormat.U32(header, 36) != source.Length)
            {
                return null;
            }

            return new PhraseResource(source, header);
        }

        /// <summary>The digest of the renderer's inputs (language files, fonts, layout) this resource was made from.</summary>
        public byte[] Digest()
        {
            var copy = new byte[_digest.Length];
            for (int i = 0; i < copy.Length; i++)
            {
                copy[i] = _digest[i];
            }

            return copy;
        }

        /// <summary>The language code at <paramref name="language"/>.</summary>
        public string LanguageCode(int language)
        {
            return _codes[language];
        }

        /// <summary>The index of a language, or -1 when the resource does not have it.</summary>
        public int FindLanguage(string code)
        {
            if (code == null)
            {
                return -1;
            }

            for (int i = 0; i < _codes.Length; i++)
            {
                if (_codes[i] == code)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>True when the language is written right to left.</summary>
        public bool IsRightToLeft(int language)
        {
            return (_flags[language] & PhraseResourceFormat.RightToLeft) != 0;
        }

        /// <summary>Line pitch of the language's phrases (every line of every phrase fits in a box this high).</summary>
        public int LineHeight(int language)
        {
            return _lineHeights[language];
        }

        /// <summary>Rows from the top of a line to its baseline.</summary>
        public int Baseline(int language)
        {
            return _baselines[language];
        }

        /// <summary>Width of a space in the language's font.</summary>
        public int SpaceWidth(int language)
        {
            return _spaces[language];
        }

        /// <summary>Bytes the language takes in the resource (its index and bitmaps).</summary>
        public int LanguageBytes(int language)
        {
            return _languageBytes[language];
        }

        /// <summary>Width of a phrase part (part 0: the text, or the text before the placeholder; part 1: after it); 0 when empty.</summary>
        public int PhraseWidth(int language, int phrase, int part)
        {
            return LoadEntry(language, phrase, part) ? PhraseResourceFormat.U16(_entry, 4) : 0;
        }

        /// <summary>Height of a phrase part's bitmap (cropped to its ink).</summary>
        public int PhraseHeight(int language, int phrase, int part)
        {
            return LoadEntry(language, phrase, part) ? _entry[6] : 0;
        }

        /// <summary>Rows from the top of a phrase part's bitmap to the baseline of its first line.</summary>
        public int PhraseAscent(int language, int phrase, int part)
        {
            return LoadEntry(language, phrase, part) ? _entry[7] : 0;
        }

        /// <summary>True when a space separates the part from the placeholder's value.</summary>
        public bool SpaceNextToPlaceholder(int language, int phrase, int part)
        {
            return LoadEntry(language, phrase, part) && (_entry[3] & PhraseResourceFormat.SpaceNextToPlaceholder) != 0;
        }

        /// <summary>True when the language has this phrase (a non-empty part 0 or part 1).</summary>
        public bool HasPhrase(int language, int phrase)
        {
            return PhraseWidth(language, phrase, 0) > 0 || PhraseWidth(language, phrase, 1) > 0;
        }

        /// <summary>Draws a phrase part with its top-left corner at (x, y).</summary>
        public void DrawPhrase(int language, int phrase, int part, FrameBuffer frame, int x, int y)
        {
            if (!LoadEntry(language, phrase, part))
            {
                return;
            }

            int width = PhraseResourceFormat.U16(_entry, 4);
            int height = _entry[6];
            if (width == 0 || height == 0)
            {
                return;
            }

            byte[] bits = ReadBitmap(PhraseResourceFormat.U24(_entry, 0), ((width + 7) / 8) * height);
            frame.Draw(bits, 0, width, height, x, y);
        }

        internal byte[] ReadBitmap(int offset, int count)
        {
            ReadAt(offset, _bitmap, count > _bitmap.Length ? _bitmap.Length : count);
            return _bitmap;
        }

        internal void ReadAt(int offset, byte[] buffer, int count)
        {
            int read = _source.Read(offset, buffer, count);
            for (int i = read < 0 ? 0 : read; i < count; i++)
            {
                buffer[i] = 0;
            }
        }

        private bool LoadEntry(int language, int phrase, int part)
        {
            if (language < 0 || language >= _codes.Length || phrase < 0 || phrase >= PhraseCount || part < 0 || part > 1)
            {
                return false;
            }

            ReadAt(_indexOffsets[language] + (((phrase * 2) + part) * PhraseResourceFormat.PhraseEntryBytes), _entry, _entry.Length);
            return true;
        }

        private PhraseFont OpenFont(int offset)
        {
            var header = new byte[PhraseResourceFormat.FontHeaderBytes];
            ReadAt(offset, header, header.Length);
            return new PhraseFont(this, offset, PhraseResourceFormat.U16(header, 0), header[2], header[3]);
        }
    }
}
