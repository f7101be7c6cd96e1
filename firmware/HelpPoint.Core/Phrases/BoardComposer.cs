namespace HelpPoint.Core
{
    /// <summary>
    /// Composes the ticket board on the 320x240 TFT from phrase bitmaps (title, headings, notices) in
    /// the board's language and runtime text (ticket numbers, host names), and tells the adapter the
    /// kind of each pixel row so it can colour it. Right-to-left languages start at the right edge, and
    /// the waiting tickets run from right to left in queue order.
    /// </summary>
    public sealed class BoardComposer
    {
        private readonly PhraseResource _resource;
        private int _language;
        private int _y;
        private int _bottom;

        /// <summary>A composer drawing from <paramref name="resource"/> (a board resource, 320x240).</summary>
        public BoardComposer(PhraseResource resource)
        {
            _resource = resource;
            Pieces = new ScreenPieces();
            RowKinds = new BoardLineKind[BoardPixelLayout.Height];
        }

        /// <summary>Where the last board's pieces went.</summary>
        public ScreenPieces Pieces { get; private set; }

        /// <summary>The kind of each pixel row of the last board (<see cref="BoardLineKind.Info"/> for empty rows).</summary>
        public BoardLineKind[] RowKinds { get; private set; }

        /// <summary>Number of waiting tickets the last board showed (the rest were summarised).</summary>
        public int ShownWaiting { get; private set; }

        /// <summary>Draws the board; false (frame untouched) when the resource has neither the language nor Swedish.</summary>
        public bool Compose(BoardMessage message, bool offline, string language, FrameBuffer frame)
        {
            int lang = _resource.FindLanguage(language);
            if (lang < 0)
            {
                lang = _resource.FindLanguage(Languages.Swedish);
            }

            if (lang < 0)
            {
                return false;
            }

            _language = lang;
            Pieces.Reset(_resource.LanguageCode(lang), _resource.IsRightToLeft(lang));
            frame.Clear();
            for (int i = 0; i < RowKinds.Length; i++)
            {
                RowKinds[i] = BoardLineKind.Info;
            }

            ShownWaiting = 0;
            int line = _resource.LineHeight(lang);
            int textLine = _resource.TextFont.LineHeight;
            _y = BoardPixelLayout.Gap;
            _bottom = offline ? BoardPixelLayout.Height - line - BoardPixelLayout.Gap : BoardPixelLayout.Height;

            Phrase(Phrases.BoardTitle, null, BoardLineKind.Title, frame);
            if (message == null)
            {
                Phrase(Phrases.BoardConnecting, null, BoardLineKind.Info, frame);
            }
            else if (!message.Staffed)
            {
                Phrase(Phrases.BoardUnstaffed, null, BoardLineKind.Info, frame);
                Phrase(Phrases.BoardAskDesk, null, BoardLineKind.Info, frame);
            }
            else
            {
                bool footer = message.WaitS >= 0;
                int reserved = footer ? line + BoardPixelLayout.Gap : 0;
                if (message.ServingTickets.Length > 0)
                {
                    _y += BoardPixelLayout.SectionGap;
                    Phrase(Phrases.BoardServing, null, BoardLineKind.Heading, frame);

                    // Keep room for the waiting heading and one waiting line below.
                    int room = (_bottom - _y - reserved - BoardPixelLayout.SectionGap - line - textLine - (2 * BoardPixelLayout.Gap)) / (textLine + BoardPixelLayout.Gap);
                    Serving(message, room < 1 ? 1 : room, frame);
                }

                _y += BoardPixelLayout.SectionGap;
                Phrase(Phrases.BoardWaiting, null, BoardLineKind.Heading, frame);
                if (message.Waiting.Length == 0)
                {
                    Phrase(Phrases.BoardNobody, null, BoardLineKind.Info, frame);
                }
                else
                {
                    int rows = (_bottom - _y - reserved) / (textLine + BoardPixelLayout.Gap);
                    Waiting(message.Waiting, rows < 1 ? 1 : rows, frame);
                }

                if (footer)
                {
                    Phrase(Phrases.BoardWait, HelpPointComposer.Number(Screens.WaitMinutes(message.WaitS)), BoardLineKind.Info, frame);
                }
            }

            if (offline)
            {
                _y = _bottom;
                _bottom = BoardPixelLayout.Height;
                Phrase(Phrases.BoardOffline, null, BoardLineKind.Offline, frame);
            }

            return true;
        }

        private void Phrase(int phrase, string value, BoardLineKind kind, FrameBuffer frame)
        {
            int height = PhraseLine.Height(_resource, _language, phrase, value, _resource.TextFont);
            if (_y + height > _bottom)
            {
                Pieces.AddDropped();
                return;
            }

            PhraseLine.Draw(_resource, _language, phrase, value, _resource.TextFont, frame, BoardPixelLayout.Margin, BoardPixelLayout.Margin + BoardPixelLayout.ContentWidth, _y, Pieces);
            Mark(_y, height, kind);
            _y += height + BoardPixelLayout.Gap;
        }

        private void Serving(BoardMessage message, int maxLines, FrameBuffer frame)
        {
            int count = message.ServingTickets.Length;
            int shown = count < BoardPixelLayout.MaxServingLines ? count : BoardPixelLayout.MaxServingLines;
            if (shown > maxLines)
            {
                shown = maxLines;
            }

            if (shown < count)
            {
                // The last line becomes the summary of the rest.
                shown--;
            }

            for (int i = 0; i < shown; i++)
            {
                string host = i < message.ServingHosts.Length ? message.ServingHosts[i] : null;
                if (host != null && (!_resource.TextFont.HasAll(host) || _resource.TextFont.Measure(host) > BoardPixelLayout.ContentWidth / 2))
                {
                    host = null;
                }

                TextRow(message.ServingTickets[i], host, BoardLineKind.Serving, frame);
            }

            if (shown < count)
            {
                TextRow("+" + (count - shown).ToString(), null, BoardLineKind.Serving, frame);
            }
        }

        // Queue order runs in reading direction; the last row ends with "+N" when not all fit.
        private void Waiting(string[] waiting, int maxRows, FrameBuffer frame)
        {
            PhraseFont font = _resource.TextFont;
            bool rtl = _resource.IsRightToLeft(_language);
            int index = 0;
            for (int row = 0; row < maxRows && index < waiting.Length; row++)
            {
                bool lastRow = row == maxRows - 1;
                int used = 0;
                int first = index;
                while (index < waiting.Length)
                {
                    int w = font.Measure(waiting[index]);
                    int next = used == 0 ? w : used + BoardPixelLayout.TicketGap + w;
                    int summary = 0;
                    if (lastRow && index < waiting.Length - 1)
                    {
                        summary = BoardPixelLayout.TicketGap + font.Measure("+" + (waiting.Length - index - 1).ToString());
                    }

                    if (next + summary > BoardPixelLayout.ContentWidth && index > first)
                    {
                        break;
                    }

                    used = next;
                    index++;
                    if (next + summary > BoardPixelLayout.ContentWidth)
                    {
                        break;
                    }
                }

                int top = _y;
                int pen = rtl ? BoardPixelLayout.Margin + BoardPixelLayout.ContentWidth : BoardPixelLayout.Margin;
                for (int i = first; i < index; i++)
                {
                    pen = Token(waiting[i], pen, top, rtl, frame);
                }

                if (lastRow && index < waiting.Length)
                {
                    Token("+" + (waiting.Length - index).ToString(), pen, top, rtl, frame);
                }

                Mark(top, font.LineHeight, BoardLineKind.Waiting);
                _y += font.LineHeight + BoardPixelLayout.Gap;
            }

            ShownWaiting = index;
        }

        private void TextRow(string ticket, string host, BoardLineKind kind, FrameBuffer frame)
        {
            bool rtl = _resource.IsRightToLeft(_language);
            int top = _y;
            int pen = rtl ? BoardPixelLayout.Margin + BoardPixelLayout.ContentWidth : BoardPixelLayout.Margin;
            pen = Token(ticket, pen, top, rtl, frame);
            if (host != null)
            {
                Token(host, pen, top, rtl, frame);
            }

            Mark(top, _resource.TextFont.LineHeight, kind);
            _y += _resource.TextFont.LineHeight + BoardPixelLayout.Gap;
        }

        // Draws one left-to-right token at the pen in reading direction; returns the pen for the next one.
        private int Token(string text, int pen, int top, bool rtl, FrameBuffer frame)
        {
            PhraseFont font = _resource.TextFont;
            int width = font.Measure(text);
            int x = rtl ? pen - width : pen;
            font.Draw(text, frame, x, top);
            Pieces.Add(ScreenPieces.RuntimeText, -1, x, top, width, font.LineHeight);
            return rtl ? x - BoardPixelLayout.TicketGap : x + width + BoardPixelLayout.TicketGap;
        }

        private void Mark(int top, int height, BoardLineKind kind)
        {
            for (int y = top; y < top + height && y < RowKinds.Length; y++)
            {
                if (y >= 0)
                {
                    RowKinds[y] = kind;
                }
            }
        }
    }
}
