namespace HelpPoint.Core
{
    /// <summary>
    /// Where a composer put each piece of the last screen it drew: phrase bitmaps, the big ticket
    /// digits, runtime text. Tests read it to check that nothing is clipped or overlaps and that
    /// right-to-left screens are mirrored; the device ignores it.
    /// </summary>
    public sealed class ScreenPieces
    {
        /// <summary>A phrase bitmap (<see cref="Phrase"/> tells which).</summary>
        public const int PhrasePiece = 1;

        /// <summary>The ticket number in big digits.</summary>
        public const int TicketDigits = 2;

        /// <summary>Text drawn at run time: a number, a host's name, a ticket on the board.</summary>
        public const int RuntimeText = 3;

        /// <summary>The offline dot.</summary>
        public const int OfflineDot = 4;

        /// <summary>Most pieces one screen has.</summary>
        public const int Capacity = 48;

        private readonly int[] _kind = new int[Capacity];
        private readonly int[] _phrase = new int[Capacity];
        private readonly int[] _x = new int[Capacity];
        private readonly int[] _y = new int[Capacity];
        private readonly int[] _w = new int[Capacity];
        private readonly int[] _h = new int[Capacity];

        /// <summary>Number of pieces.</summary>
        public int Count { get; private set; }

        /// <summary>Parts of the screen left out because they did not fit (optional ones only).</summary>
        public int Dropped { get; private set; }

        /// <summary>The language the screen was composed in.</summary>
        public string Language { get; private set; }

        /// <summary>True when that language is written right to left.</summary>
        public bool RightToLeft { get; private set; }

        /// <summary>The kind of piece <paramref name="i"/>.</summary>
        public int Kind(int i)
        {
            return _kind[i];
        }

        /// <summary>The phrase id of a phrase piece (-1 for others).</summary>
        public int Phrase(int i)
        {
            return _phrase[i];
        }

        /// <summary>Left edge.</summary>
        public int X(int i)
        {
            return _x[i];
        }

        /// <summary>Top edge.</summary>
        public int Y(int i)
        {
            return _y[i];
        }

        /// <summary>Width.</summary>
        public int Width(int i)
        {
            return _w[i];
        }

        /// <summary>Height.</summary>
        public int Height(int i)
        {
            return _h[i];
        }

        /// <summary>The first piece of a kind (and phrase, or -1 for any), or -1.</summary>
        public int Find(int kind, int phrase)
        {
            for (int i = 0; i < Count; i++)
            {
                if (_kind[i] == kind && (phrase < 0 || _phrase[i] == phrase))
                {
                    return i;
                }
            }

            return -1;
        }

        internal void Reset(string language, bool rightToLeft)
        {
            Count = 0;
            Dropped = 0;
            Language = language;
            RightToLeft = rightToLeft;
        }

        internal void AddDropped()
        {
            Dropped++;
        }

        internal void Add(int kind, int phrase, int x, int y, int width, int height)
        {
            if (Count >= Capacity || width <= 0 || height <= 0)
            {
                return;
            }

            _kind[Count] = kind;
            _phrase[Count] = phrase;
            _x[Count] = x;
            _y[Count] = y;
            _w[Count] = width;
            _h[Count] = height;
            Count++;
        }
    }
}
