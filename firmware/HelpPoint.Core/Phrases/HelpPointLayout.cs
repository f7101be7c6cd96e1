namespace HelpPoint.Core
{
    /// <summary>
    /// Geometry of the help point's 128x64 OLED for bitmap phrases: the text area, how many lines each
    /// phrase may take, and the widest runtime values a line must leave room for. The renderer wraps and
    /// checks phrases against these numbers; <see cref="HelpPointComposer"/> lays screens out with them.
    /// </summary>
    public static class HelpPointLayout
    {
        /// <summary>Display width.</summary>
        public const int Width = 128;

        /// <summary>Display height.</summary>
        public const int Height = 64;

        /// <summary>Width of the text area (x 0 … 122); the offline dot lives right of it.</summary>
        public const int ContentWidth = 123;

        /// <summary>Left edge of the offline dot (3x3 pixels, top right).</summary>
        public const int OfflineDotX = 125;

        /// <summary>Size of the offline dot.</summary>
        public const int OfflineDotSize = 3;

        /// <summary>Vertical gap between the parts of a screen.</summary>
        public const int Gap = 2;

        /// <summary>Gap between the ticket label and the big digits.</summary>
        public const int TicketGap = 4;

        /// <summary>The widest ticket number the label must leave room for beside it.</summary>
        public const string WidestTicket = "9999";

        /// <summary>The widest number in a phrase line: numbers above 999 are shown as "999+".</summary>
        public const string WidestNumber = "999+";

        /// <summary>The widest host first name a one-line "is on the way" must leave room for; longer names go on a line of their own.</summary>
        public const string WidestShortName = "Abdirahman";

        /// <summary>The tallest the ticket row may be (big digits and the label beside them).</summary>
        public const int TicketRowHeight = 24;

        /// <summary>
        /// The tallest a phrase's bitmap may be on the OLED, in pixels (0: not on this display). Chosen so
        /// that every screen's parts fit 64 rows: idle 20 + 42, queued 24 + 18 + 18, assigned 24 + 36,
        /// done 20 + 42, cancelled 24 + 36, the notices 64 (each with 2-pixel gaps).
        /// </summary>
        public static int MaxHeight(int phrase)
        {
            switch (phrase)
            {
                case Phrases.LanguageName:
                case Phrases.IdleTitle:
                case Phrases.DoneThanks:
                    return 20;
                case Phrases.IdlePress:
                case Phrases.DoneAsk:
                case Phrases.DoneAnswered:
                    return 42;
                case Phrases.Sending:
                case Phrases.Offline:
                case Phrases.Expired:
                case Phrases.Unstaffed:
                case Phrases.Error:
                    return Height;
                case Phrases.TicketLabel:
                    return TicketRowHeight;
                case Phrases.AssignedAnyone:
                case Phrases.Cancelled:
                    return 36;
                case Phrases.QueuedPlace:
                case Phrases.QueuedNext:
                case Phrases.QueuedWait:
                case Phrases.AssignedHost:
                    return 18;
                default:
                    return 0;
            }
        }
    }
}
