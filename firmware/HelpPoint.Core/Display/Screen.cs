namespace HelpPoint.Core
{
    /// <summary>
    /// What the display shows: up to <see cref="MaxLines"/> lines of at most <see cref="MaxColumns"/>
    /// characters (a 128x64 OLED with a 6x8 font), plus the facts an adapter may draw differently,
    /// such as the ticket number in big digits or a connection icon.
    /// </summary>
    public sealed class Screen
    {
        /// <summary>Characters per line: 128 px / 6 px.</summary>
        public const int MaxColumns = 21;

        /// <summary>Lines per screen: 64 px / 8 px.</summary>
        public const int MaxLines = 8;

        /// <summary>Creates a screen; callers keep <paramref name="lines"/> within the limits.</summary>
        public Screen(HelpPointState state, string language, string ticket, string[] lines, bool online)
            : this(state, language, ticket, lines, online, false)
        {
        }

        /// <summary>Creates a screen and records whether text had to be dropped to fit.</summary>
        public Screen(HelpPointState state, string language, string ticket, string[] lines, bool online, bool truncated)
        {
            State = state;
            Language = language;
            Ticket = ticket;
            Lines = lines;
            Online = online;
            Truncated = truncated;
            Position = TicketMessage.None;
            WaitS = TicketMessage.None;
        }

        /// <summary>
        /// Creates a screen with the facts a bitmap display composes from: the visitor's language (or
        /// null), the device's default language (any code), position, wait, host, picked language, feedback.
        /// </summary>
        public Screen(
            HelpPointState state,
            string language,
            string ticket,
            string[] lines,
            bool online,
            bool truncated,
            string visitorLanguage,
            string defaultLanguage,
            int position,
            int waitS,
            string host,
            string selectedLanguage,
            FeedbackPrompt feedback)
            : this(state, language, ticket, lines, online, truncated)
        {
            VisitorLanguage = visitorLanguage;
            DefaultLanguage = defaultLanguage;
            Position = position;
            WaitS = waitS;
            Host = host;
            SelectedLanguage = selectedLanguage;
            Feedback = feedback;
        }

        /// <summary>The state this screen belongs to.</summary>
        public HelpPointState State { get; private set; }

        /// <summary>The state's name ("idle", "queued", …).</summary>
        public string StateName
        {
            get { return HelpPointStates.ToName(State); }
        }

        /// <summary>The language of the text lines ("sv" or "en"; bitmap displays use <see cref="VisitorLanguage"/>).</summary>
        public string Language { get; private set; }

        /// <summary>The ticket number, or null; for adapters that draw it in big digits.</summary>
        public string Ticket { get; private set; }

        /// <summary>The text lines, top to bottom; empty strings are spacer lines.</summary>
        public string[] Lines { get; private set; }

        /// <summary>True while the device has a broker connection.</summary>
        public bool Online { get; private set; }

        /// <summary>The language the visitor chose (with the language button or in the request), or null.</summary>
        public string VisitorLanguage { get; private set; }

        /// <summary>The device's default language (any code; the text lines fall back to sv/en).</summary>
        public string DefaultLanguage { get; private set; }

        /// <summary>Place in the queue, or <see cref="TicketMessage.None"/>.</summary>
        public int Position { get; private set; }

        /// <summary>Wait estimate in seconds, or <see cref="TicketMessage.None"/>.</summary>
        public int WaitS { get; private set; }

        /// <summary>The host's display name, or null.</summary>
        public string Host { get; private set; }

        /// <summary>The language picked with the language button while idle, or null.</summary>
        public string SelectedLanguage { get; private set; }

        /// <summary>The feedback prompt after <c>done</c>.</summary>
        public FeedbackPrompt Feedback { get; private set; }

        /// <summary>True when the text needed more than <see cref="MaxLines"/> lines and the rest was dropped (a layout bug the tests catch).</summary>
        public bool Truncated { get; private set; }
    }
}
