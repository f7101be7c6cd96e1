namespace HelpPoint.Core
{
    /// <summary>What a ticket board shows: lines of text, each with a kind the adapter styles.</summary>
    public sealed class BoardScreen
    {
        /// <summary>Creates a screen; the arrays are parallel.</summary>
        public BoardScreen(string[] lines, BoardLineKind[] kinds, bool offline, string language, int columns, int rows)
        {
            Lines = lines;
            Kinds = kinds;
            Offline = offline;
            Language = language;
            Columns = columns;
            Rows = rows;
        }

        /// <summary>Creates a screen that also carries what it was built from, for bitmap displays.</summary>
        public BoardScreen(string[] lines, BoardLineKind[] kinds, bool offline, string language, int columns, int rows, BoardMessage message, string boardLanguage)
            : this(lines, kinds, offline, language, columns, rows)
        {
            Message = message;
            BoardLanguage = boardLanguage;
        }

        /// <summary>The queue the board shows, or null before the first one arrived.</summary>
        public BoardMessage Message { get; private set; }

        /// <summary>The board's configured language (any code; the text lines fall back to sv/en).</summary>
        public string BoardLanguage { get; private set; }

        /// <summary>The text lines, top to bottom, each at most <see cref="Columns"/> characters.</summary>
        public string[] Lines { get; private set; }

        /// <summary>The kind of each line.</summary>
        public BoardLineKind[] Kinds { get; private set; }

        /// <summary>True when the board has had no broker for longer than its offline limit.</summary>
        public bool Offline { get; private set; }

        /// <summary>The language of the texts, sv or en.</summary>
        public string Language { get; private set; }

        /// <summary>Characters per line the layout was made for.</summary>
        public int Columns { get; private set; }

        /// <summary>Lines the layout was made for.</summary>
        public int Rows { get; private set; }
    }
}
