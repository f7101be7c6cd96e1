namespace HelpPoint.Core
{
    /// <summary>
    /// A bitmap font inside a phrase resource, for what only exists at run time: ticket numbers,
    /// places, minutes and host names. Glyphs are looked up in flash (binary search), never cached,
    /// so a font of several hundred characters costs no heap.
    /// </summary>
    public sealed class PhraseFont
    {
        private readonly PhraseResource _resource;
        private readonly int _offset;
        private readonly byte[] _entry = new byte[PhraseResourceFormat.GlyphEntryBytes];

        // The glyph last found (app loop only).
        private int _width;
        private int _height;
        private int _top;
        private int _left;
        private int _advance;
        private int _bitmapOffset;

        internal PhraseFont(PhraseResource resource, int offset, int glyphCount, int lineHeight, int baseline)
        {
            _resource = resource;
            _offset = offset;
            GlyphCount = glyphCount;
            LineHeight = lineHeight;
            Baseline = baseline;
        }

        /// <summary>Number of characters the font has.</summary>
        public int GlyphCount { get; private set; }

        /// <summary>Height of a line of this font in pixels (every glyph lies inside it).</summary>
        public int LineHeight { get; private set; }

        /// <summary>Rows from the top of the line to the baseline.</summary>
        public int Baseline { get; private set; }

        /// <summary>True when the font has <paramref name="c"/>.</summary>
        public bool Has(char c)
        {
            return Find(c);
        }

        /// <summary>True when the font has every character of <paramref name="text"/>.</summary>
        public bool HasAll(string text)
        {
            if (text == null)
            {
                return false;
            }

            for (int i = 0; i < text.Length; i++)
            {
                if (!Find(text[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Width of <paramref name="text"/> in pixels (sum of advances; unknown characters count nothing).</summary>
        public int Measure(string text)
        {
            int width = 0;
            for (int i = 0; i < text.Length; i++)
            {
                if (Find(text[i]))
                {
                    width += _advance;
                }
            }

            return width;
        }

        /// <summary>Rows of ink <paramref name="text"/> has above the baseline.</summary>
        public int Ascent(string text)
        {
            int top = Baseline;
            for (int i = 0; i < text.Length; i++)
            {
                if (Find(text[i]) && _height > 0 && _top < top)
                {
                    top = _top;
                }
            }

            return Baseline - top;
        }

        /// <summary>Rows of ink <paramref name="text"/> has from the baseline down.</summary>
        public int Descent(string text)
        {
            int bottom = Baseline;
            for (int i = 0; i < text.Length; i++)
            {
                if (Find(text[i]) && _height > 0 && _top + _height > bottom)
                {
                    bottom = _top + _height;
                }
            }

            return bottom - Baseline;
        }

        /// <summary>Draws <paramref name="text"/> left to right, its line's top-left corner at (x, top); returns the width drawn.</summary>
        public int Draw(string text, FrameBuffer frame, int x, int top)
        {
            int pen = x;
            for (int i = 0; i < text.Length; i++)
            {
                if (!Find(text[i]))
                {
                    continue;
                }

                if (_width > 0 && _height > 0)
                {
                    byte[] bits = _resource.ReadBitmap(_bitmapOffset, ((_width + 7) / 8) * _height);
                    frame.Draw(bits, 0, _width, _height, pen + _left, top + _top);
                }

                pen += _advance;
            }

            return pen - x;
        }

        private bool Find(char c)
        {
            int lo = 0;
            int hi = GlyphCount - 1;
            while (lo <= hi)
            {
                int mid = (lo + hi) / 2;
                _resource.ReadAt(_offset + PhraseResourceFormat.FontHeaderBytes + (mid * PhraseResourceFormat.GlyphEntryBytes), _entry, PhraseResourceFormat.GlyphEntryBytes);
                int code = PhraseResourceFormat.U16(_entry, 0);
                if (code == c)
                {
                    _width = _entry[2];
                    _height = _entry[3];
                    _top = _entry[4];
                    _left = (sbyte)_entry[5];
                    _advance = _entry[6];
                    _bitmapOffset = PhraseResourceFormat.U32(_entry, 8);
                    return true;
                }

                if (code < c)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            return false;
        }
    }
}
