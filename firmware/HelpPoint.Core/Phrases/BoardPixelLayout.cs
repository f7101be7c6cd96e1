namespace HelpPoint.Core
{
    /// <summary>
    /// Geometry of the ticket board's 320x240 TFT for bitmap phrases: every board phrase is one line
    /// across the text area. <see cref="BoardComposer"/> lays the board out with these numbers.
    /// </summary>
    public static class BoardPixelLayout
    {
        /// <summary>Display width.</summary>
        public const int Width = 320;

        /// <summary>Display height.</summary>
        public const int Height = 240;

        /// <summary>Margin left and right.</summary>
        public const int Margin = 6;

        /// <summary>Width of the text area.</summary>
        public const int ContentWidth = Width - (2 * Margin);

        /// <summary>Vertical gap between lines.</summary>
        public const int Gap = 3;

        /// <summary>Extra gap above a section heading.</summary>
        public const int SectionGap = 5;

        /// <summary>Horizontal gap between ticket numbers, and between a ticket and its host.</summary>
        public const int TicketGap = 16;

        /// <summary>At most this many "now serving" lines; more are summarised ("+2").</summary>
        public const int MaxServingLines = 3;

        /// <summary>The widest number in a board phrase line: numbers above 999 are shown as "999+".</summary>
        public const string WidestNumber = "999+";

        /// <summary>The tallest a board phrase may be, one line (0: not on this display).</summary>
        public static int MaxHeight(int phrase)
        {
            return Phrases.IsOn(phrase, Phrases.BoardDisplay) ? 30 : 0;
        }
    }
}
