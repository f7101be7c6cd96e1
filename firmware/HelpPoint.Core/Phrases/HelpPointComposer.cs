namespace HelpPoint.Core
{
    /// <summary>
    /// Composes a help point <see cref="Screen"/> on the 128x64 OLED from phrase bitmaps in the
    /// visitor's language and runtime parts: the ticket number in big digits, place, minutes, the host's
    /// first name. Right-to-left languages are mirrored: text starts at the right edge, the ticket label
    /// sits at the right with the number to its left, and numbers and Latin names still read left to right.
    /// Parts are stacked top to bottom and centred vertically; an optional part (the ticket on the
    /// "ask at the desk" screens) is left out when everything would not fit.
    /// </summary>
    /// <remarks>Allocates nothing per screen except what <see cref="Screen"/> already holds. App loop only.</remarks>
    public sealed class HelpPointComposer
    {
        private const int MaxParts = 4;
        private const int PartPhrase = 1;
        private const int PartTicket = 2;
        private const int PartLine = 3;
        private const int PartHostStacked = 4;
        private const int PartText = 5;

        private readonly PhraseResource _resource;
        private readonly int[] _kind = new int[MaxParts];
        private readonly int[] _phrase = new int[MaxParts];
        private readonly string[] _value = new string[MaxParts];
        private readonly bool[] _optional = new bool[MaxParts];
        private readonly bool[] _dropped = new bool[MaxParts];
        private readonly int[] _height = new int[MaxParts];
        private int _count;
        private int _language;

        /// <summary>A composer drawing from <paramref name="resource"/> (a help point resource, 128x64).</summary>
        public HelpPointComposer(PhraseResource resource)
        {
            _resource = resource;
            Pieces = new ScreenPieces();
        }

        /// <summary>Where the last screen's pieces went.</summary>
        public ScreenPieces Pieces { get; private set; }

        /// <summary>The language a screen will be composed in, or -1 when the resource has none that fits (then show the text lines).</summary>
        public int LanguageFor(Screen screen)
        {
            if (screen.State == HelpPointState.Setup)
            {
                // The setup screen is for library staff: Swedish/English text, like the docs it points to.
                return -1;
            }

            int language = _resource.FindLanguage(screen.VisitorLanguage);
            if (language < 0)
            {
                language = _resource.FindLanguage(screen.DefaultLanguage);
            }

            if (language < 0)
            {
                language = _resource.FindLanguage(screen.Language);
            }

            return language;
        }

        /// <summary>Draws <paramref name="screen"/> into <paramref name="frame"/>; false (frame untouched) when it has to be shown as text.</summary>
        public bool Compose(Screen screen, FrameBuffer frame)
        {
            int language = LanguageFor(screen);
            if (language < 0)
            {
                return false;
            }

            _language = language;
            Pieces.Reset(_resource.LanguageCode(language), _resource.IsRightToLeft(language));
            frame.Clear();
            Plan(screen);

            int total = TotalHeight();
            for (int i = 0; i < _count && total > HelpPointLayout.Height; i++)
            {
                if (_optional[i])
                {
                    _dropped[i] = true;
                    Pieces.AddDropped();
                    total = TotalHeight();
                }
            }

            int top = total >= HelpPointLayout.Height ? 0 : (HelpPointLayout.Height - total) / 2;
            for (int i = 0; i < _count; i++)
            {
                if (_dropped[i])
                {
                    continue;
                }

                DrawPart(i, frame, top);
                top += _height[i] + HelpPointLayout.Gap;
            }

            if (!screen.Online)
            {
                frame.Fill(HelpPointLayout.OfflineDotX, 0, HelpPointLayout.OfflineDotSize, HelpPointLayout.OfflineDotSize);
                Pieces.Add(ScreenPieces.OfflineDot, -1, HelpPointLayout.OfflineDotX, 0, HelpPointLayout.OfflineDotSize, HelpPointLayout.OfflineDotSize);
            }

            return true;
        }

        /// <summary>The host's first name as the display can draw it, or null (then the screen says "an IT-host").</summary>
        public string DrawableFirstName(string host)
        {
            if (host == null)
            {
                return null;
            }

            string name = host.Trim();
            int space = name.IndexOf(' ');
            if (space > 0)
            {
                name = name.Substring(0, space);
            }

            if (name.Length == 0 || !_resource.TextFont.HasAll(name) || _resource.TextFont.Measure(name) > HelpPointLayout.ContentWidth)
            {
                return null;
            }

            return name;
        }

        private void Plan(Screen screen)
        {
            _count = 0;
            switch (screen.State)
            {
                case HelpPointState.Idle:
                    if (screen.SelectedLanguage == null)
                    {
                        AddPart(PartPhrase, Phrases.IdleTitle, null, false);
                    }
                    else if (_resource.FindLanguage(screen.SelectedLanguage) == _language)
                    {
                        // The picker: the chosen language by its own name, in its own script.
                        AddPart(PartPhrase, Phrases.LanguageName, null, false);
                    }
                    else
                    {
                        // A branch language the resource lacks: its name in Latin letters.
                        AddPart(PartText, -1, Languages.DisplayName(screen.SelectedLanguage, screen.Language), false);
                    }

                    AddPart(PartPhrase, Phrases.IdlePress, null, false);
                    break;

                case HelpPointState.Sending:
                    AddPart(PartPhrase, Phrases.Sending, null, false);
                    break;

                case HelpPointState.Offline:
                    AddPart(PartPhrase, Phrases.Offline, null, false);
                    break;

                case HelpPointState.Queued:
                    AddTicket(screen.Ticket, false);
                    if (screen.Position == 1)
                    {
                        AddPart(PartPhrase, Phrases.QueuedNext, null, false);
                    }
                    else if (screen.Position > 1)
                    {
                        AddPart(PartLine, Phrases.QueuedPlace, Number(screen.Position), false);
                    }

                    if (screen.WaitS >= 0)
                    {
                        AddPart(PartLine, Phrases.QueuedWait, Number(Screens.WaitMinutes(screen.WaitS)), false);
                    }

                    break;

                case HelpPointState.Assigned:
                    AddTicket(screen.Ticket, false);
                    AddHost(screen.Host);
                    break;

                case HelpPointState.Done:
                    if (screen.Feedback == FeedbackPrompt.None)
                    {
                        AddTicket(screen.Ticket, true);
                    }

                    AddPart(PartPhrase, Phrases.DoneThanks, null, screen.Feedback == FeedbackPrompt.Open);
                    if (screen.Feedback == FeedbackPrompt.Open)
                    {
                        AddPart(PartPhrase, Phrases.DoneAsk, null, false);
                    }
                    else if (screen.Feedback == FeedbackPrompt.Given)
                    {
                        AddPart(PartPhrase, Phrases.DoneAnswered, null, false);
                    }

                    break;

                case HelpPointState.Cancelled:
                    AddTicket(screen.Ticket, true);
                    AddPart(PartPhrase, Phrases.Cancelled, null, false);
                    break;

                case HelpPointState.Expired:
                    AddTicket(screen.Ticket, true);
                    AddPart(PartPhrase, Phrases.Expired, null, false);
                    break;

                case HelpPointState.Unstaffed:
                    AddTicket(screen.Ticket, true);
                    AddPart(PartPhrase, Phrases.Unstaffed, null, false);
                    break;

                default:
                    AddPart(PartPhrase, Phrases.Error, null, false);
                    break;
            }
        }

        private void AddTicket(string ticket, bool optional)
        {
            if (ticket != null && ticket.Length > 0)
            {
                AddPart(PartTicket, Phrases.TicketLabel, ticket, optional);
            }
        }

        private void AddHost(string host)
        {
            string name = DrawableFirstName(host);
            if (name == null)
            {
                AddPart(PartPhrase, Phrases.AssignedAnyone, null, false);
            }
            else if (PhraseLine.Measure(_resource, _language, Phrases.AssignedHost, name, _resource.TextFont) <= HelpPointLayout.ContentWidth)
            {
                AddPart(PartLine, Phrases.AssignedHost, name, false);
            }
            else
            {
                AddPart(PartHostStacked, Phrases.AssignedHost, name, false);
            }
        }

        private void AddPart(int kind, int phrase, string value, bool optional)
        {
            _kind[_count] = kind;
            _phrase[_count] = phrase;
            _value[_count] = value;
            _optional[_count] = optional;
            _dropped[_count] = false;
            _height[_count] = PartHeight(kind, phrase, value);
            _count++;
        }

        /// <summary>A number as the screen shows it: above 999 as "999+" (the layout leaves room for four characters).</summary>
        public static string Number(int value)
        {
            return value > 999 ? "999+" : value.ToString();
        }

        private int PartHeight(int kind, int phrase, string value)
        {
            PhraseFont font = _resource.TextFont;
            switch (kind)
            {
                case PartPhrase:
                    return _resource.PhraseHeight(_language, phrase, 0);
                case PartTicket:
                    return TicketAscent(value) + TicketDescent(value);
                case PartLine:
                    return PhraseLine.Height(_resource, _language, phrase, value, font);
                case PartHostStacked:
                    return PhraseLine.TextHeight(value, font) + HelpPointLayout.Gap + PhraseLine.Height(_resource, _language, phrase, null, font);
                default:
                    return PhraseLine.TextHeight(value, font);
            }
        }

        private int TotalHeight()
        {
            int total = 0;
            int shown = 0;
            for (int i = 0; i < _count; i++)
            {
                if (!_dropped[i])
                {
                    total += _height[i];
                    shown++;
                }
            }

            return shown > 1 ? total + ((shown - 1) * HelpPointLayout.Gap) : total;
        }

        private PhraseFont DigitsFor(string ticket)
        {
            return _resource.DigitFont.HasAll(ticket) ? _resource.DigitFont : _resource.TextFont;
        }

        private bool TicketLabelShown(string ticket)
        {
            int wl = _resource.PhraseWidth(_language, Phrases.TicketLabel, 0);
            return wl > 0 && wl + HelpPointLayout.TicketGap + DigitsFor(ticket).Measure(ticket) <= HelpPointLayout.ContentWidth;
        }

        private int TicketAscent(string ticket)
        {
            int ascent = DigitsFor(ticket).Ascent(ticket);
            return TicketLabelShown(ticket) ? Max(ascent, _resource.PhraseAscent(_language, Phrases.TicketLabel, 0)) : ascent;
        }

        private int TicketDescent(string ticket)
        {
            int descent = DigitsFor(ticket).Descent(ticket);
            int label = _resource.PhraseHeight(_language, Phrases.TicketLabel, 0) - _resource.PhraseAscent(_language, Phrases.TicketLabel, 0);
            return TicketLabelShown(ticket) ? Max(descent, label) : descent;
        }

        private void DrawPart(int i, FrameBuffer frame, int top)
        {
            bool rtl = _resource.IsRightToLeft(_language);
            int right = HelpPointLayout.ContentWidth;
            switch (_kind[i])
            {
                case PartPhrase:
                    int width = _resource.PhraseWidth(_language, _phrase[i], 0);
                    int x = rtl ? right - width : 0;
                    _resource.DrawPhrase(_language, _phrase[i], 0, frame, x, top);
                    Pieces.Add(ScreenPieces.PhrasePiece, _phrase[i], x, top, width, _height[i]);
                    break;

                case PartTicket:
                    DrawTicket(_value[i], frame, top, rtl);
                    break;

                case PartLine:
                    PhraseLine.Draw(_resource, _language, _phrase[i], _value[i], _resource.TextFont, frame, 0, right, top, Pieces);
                    break;

                case PartHostStacked:
                    PhraseLine.DrawText(_resource, _language, _value[i], _resource.TextFont, frame, 0, right, top, Pieces);
                    int below = top + PhraseLine.TextHeight(_value[i], _resource.TextFont) + HelpPointLayout.Gap;
                    PhraseLine.Draw(_resource, _language, _phrase[i], null, _resource.TextFont, frame, 0, right, below, Pieces);
                    break;

                default:
                    PhraseLine.DrawText(_resource, _language, _value[i], _resource.TextFont, frame, 0, right, top, Pieces);
                    break;
            }
        }

        private void DrawTicket(string ticket, FrameBuffer frame, int top, bool rtl)
        {
            PhraseFont digits = DigitsFor(ticket);
            int baseline = top + TicketAscent(ticket);
            int wd = digits.Measure(ticket);
            int wl = _resource.PhraseWidth(_language, Phrases.TicketLabel, 0);
            bool label = TicketLabelShown(ticket);
            int right = HelpPointLayout.ContentWidth;
            int xl;
            int xd;
            if (rtl)
            {
                // Read from the right: "رقم" first, then the number to its left (digits themselves left to right).
                xl = right - wl;
                xd = label ? xl - HelpPointLayout.TicketGap - wd : right - wd;
            }
            else
            {
                xl = 0;
                xd = label ? wl + HelpPointLayout.TicketGap : 0;
            }

            if (label)
            {
                int ly = baseline - _resource.PhraseAscent(_language, Phrases.TicketLabel, 0);
                _resource.DrawPhrase(_language, Phrases.TicketLabel, 0, frame, xl, ly);
                Pieces.Add(ScreenPieces.PhrasePiece, Phrases.TicketLabel, xl, ly, wl, _resource.PhraseHeight(_language, Phrases.TicketLabel, 0));
            }

            digits.Draw(ticket, frame, xd, baseline - digits.Baseline);
            Pieces.Add(ScreenPieces.TicketDigits, -1, xd, baseline - digits.Ascent(ticket), wd, digits.Ascent(ticket) + digits.Descent(ticket));
        }

        private static int Max(int a, int b)
        {
            return a > b ? a : b;
        }
    }
}
