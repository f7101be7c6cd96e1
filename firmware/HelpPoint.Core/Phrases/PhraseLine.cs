namespace HelpPoint.Core
{
    /// <summary>
    /// One line made of a phrase and a runtime value between its two parts ("Place {n} in the queue"),
    /// in reading order: left to right, or for a right-to-left language from the right edge leftwards,
    /// the value itself (digits, a Latin name) always drawn left to right, as bidirectional text does.
    /// All pieces sit on one baseline; the line is as high as their ink.
    /// </summary>
    public static class PhraseLine
    {
        /// <summary>Width of the line with <paramref name="value"/> in <paramref name="font"/> (value may be null: the phrase alone).</summary>
        public static int Measure(PhraseResource resource, int language, int phrase, string value, PhraseFont font)
        {
            int w0 = resource.PhraseWidth(language, phrase, 0);
            int w1 = resource.PhraseWidth(language, phrase, 1);
            int wv = value == null ? 0 : font.Measure(value);
            int space = resource.SpaceWidth(language);
            int width = w0 + wv + w1;
            if (value == null)
            {
                return w0 > 0 && w1 > 0 ? width + space : width;
            }

            if (w0 > 0 && resource.SpaceNextToPlaceholder(language, phrase, 0))
            {
                width += space;
            }

            if (w1 > 0 && resource.SpaceNextToPlaceholder(language, phrase, 1))
            {
                width += space;
            }

            return width;
        }

        /// <summary>Rows above the common baseline.</summary>
        public static int Ascent(PhraseResource resource, int language, int phrase, string value, PhraseFont font)
        {
            int ascent = Max(resource.PhraseAscent(language, phrase, 0), resource.PhraseAscent(language, phrase, 1));
            return value == null ? ascent : Max(ascent, font.Ascent(value));
        }

        /// <summary>Height of the line.</summary>
        public static int Height(PhraseResource resource, int language, int phrase, string value, PhraseFont font)
        {
            int descent = 0;
            for (int part = 0; part < 2; part++)
            {
                if (resource.PhraseWidth(language, phrase, part) > 0)
                {
                    descent = Max(descent, resource.PhraseHeight(language, phrase, part) - resource.PhraseAscent(language, phrase, part));
                }
            }

            if (value != null)
            {
                descent = Max(descent, font.Descent(value));
            }

            return Ascent(resource, language, phrase, value, font) + descent;
        }

        /// <summary>
        /// Draws the line at <paramref name="top"/>, starting at <paramref name="left"/> (left to right) or
        /// at <paramref name="right"/> (right to left; exclusive edge).
        /// </summary>
        public static void Draw(
            PhraseResource resource,
            int language,
            int phrase,
            string value,
            PhraseFont font,
            FrameBuffer frame,
            int left,
            int right,
            int top,
            ScreenPieces pieces)
        {
            bool rtl = resource.IsRightToLeft(language);
            int w0 = resource.PhraseWidth(language, phrase, 0);
            int w1 = resource.PhraseWidth(language, phrase, 1);
            int space = resource.SpaceWidth(language);
            int baseline = top + Ascent(resource, language, phrase, value, font);
            int s0;
            int s1;
            int wv = 0;
            if (value == null)
            {
                s0 = w0 > 0 && w1 > 0 ? space : 0;
                s1 = 0;
            }
            else
            {
                wv = font.Measure(value);
                s0 = w0 > 0 && resource.SpaceNextToPlaceholder(language, phrase, 0) ? space : 0;
                s1 = w1 > 0 && resource.SpaceNextToPlaceholder(language, phrase, 1) ? space : 0;
            }

            int x0;
            int xv;
            int x1;
            if (rtl)
            {
                x0 = right - w0;
                xv = x0 - s0 - wv;
                x1 = xv - s1 - w1;
            }
            else
            {
                x0 = left;
                xv = x0 + w0 + s0;
                x1 = xv + wv + s1;
            }

            if (w0 > 0)
            {
                int y0 = baseline - resource.PhraseAscent(language, phrase, 0);
                resource.DrawPhrase(language, phrase, 0, frame, x0, y0);
                Add(pieces, ScreenPieces.PhrasePiece, phrase, x0, y0, w0, resource.PhraseHeight(language, phrase, 0));
            }

            if (wv > 0)
            {
                int yv = baseline - font.Ascent(value);
                font.Draw(value, frame, xv, baseline - font.Baseline);
                Add(pieces, ScreenPieces.RuntimeText, -1, xv, yv, wv, font.Ascent(value) + font.Descent(value));
            }

            if (w1 > 0)
            {
                int y1 = baseline - resource.PhraseAscent(language, phrase, 1);
                resource.DrawPhrase(language, phrase, 1, frame, x1, y1);
                Add(pieces, ScreenPieces.PhrasePiece, phrase, x1, y1, w1, resource.PhraseHeight(language, phrase, 1));
            }
        }

        /// <summary>Height of runtime text alone.</summary>
        public static int TextHeight(string text, PhraseFont font)
        {
            return font.Ascent(text) + font.Descent(text);
        }

        /// <summary>Draws runtime text alone, its ink's top at <paramref name="top"/>, aligned to the reading direction's start edge.</summary>
        public static void DrawText(PhraseResource resource, int language, string text, PhraseFont font, FrameBuffer frame, int left, int right, int top, ScreenPieces pieces)
        {
            int width = font.Measure(text);
            int x = resource.IsRightToLeft(language) ? right - width : left;
            font.Draw(text, frame, x, top + font.Ascent(text) - font.Baseline);
            Add(pieces, ScreenPieces.RuntimeText, -1, x, top, width, TextHeight(text, font));
        }

        private static int Max(int a, int b)
        {
            return a > b ? a : b;
        }

        private static void Add(ScreenPieces pieces, int kind, int phrase, int x, int y, int width, int height)
        {
            if (pieces != null)
            {
                pieces.Add(kind, phrase, x, y, width, height);
            }
        }
    }
}
