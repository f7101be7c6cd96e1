namespace HelpPoint.Core
{
    /// <summary>
    /// The phrases visitors read, by id: the key each has in a language file
    /// (<c>firmware/languages/{code}.json</c>), its placeholder if any, and the display it is drawn on.
    /// The phrase renderer turns them into bitmaps; <see cref="PhraseResource"/> serves them on the device.
    /// </summary>
    /// <remarks>Ids are positions in the resource: add new phrases at the end, never renumber.</remarks>
    public static class Phrases
    {
        /// <summary>The language's own name ("العربية", "Soomaali"): the language picker.</summary>
        public const int LanguageName = 0;

        /// <summary>Idle heading ("IT help").</summary>
        public const int IdleTitle = 1;

        /// <summary>Idle instruction ("Press a button for help").</summary>
        public const int IdlePress = 2;

        /// <summary>The request is on its way to the gateway.</summary>
        public const int Sending = 3;

        /// <summary>Saved on the device, sent when the network is back.</summary>
        public const int Offline = 4;

        /// <summary>The word before the big ticket digits ("Number").</summary>
        public const int TicketLabel = 5;

        /// <summary>Place in the queue, with the place number: "Place {n} in the queue".</summary>
        public const int QueuedPlace = 6;

        /// <summary>Place 1: "You are next".</summary>
        public const int QueuedNext = 7;

        /// <summary>Wait estimate in minutes: "about {n} min".</summary>
        public const int QueuedWait = 8;

        /// <summary>The host is on the way, with the host's first name: "{host} is on the way".</summary>
        public const int AssignedHost = 9;

        /// <summary>The host is on the way, no (drawable) name: "An IT-host is on the way".</summary>
        public const int AssignedAnyone = 10;

        /// <summary>Done: "Thank you for coming!".</summary>
        public const int DoneThanks = 11;

        /// <summary>The feedback question: "How did it go? Press 1=good 2=okay 3=bad".</summary>
        public const int DoneAsk = 12;

        /// <summary>After feedback: "Thanks for your answer!".</summary>
        public const int DoneAnswered = 13;

        /// <summary>The request was withdrawn.</summary>
        public const int Cancelled = 14;

        /// <summary>Nobody helped in time: ask at the desk.</summary>
        public const int Expired = 15;

        /// <summary>No IT-host on duty: ask at the desk.</summary>
        public const int Unstaffed = 16;

        /// <summary>Something went wrong: ask at the desk.</summary>
        public const int Error = 17;

        /// <summary>Ticket board title ("IT help").</summary>
        public const int BoardTitle = 18;

        /// <summary>Ticket board heading over the tickets being helped.</summary>
        public const int BoardServing = 19;

        /// <summary>Ticket board heading over the waiting tickets.</summary>
        public const int BoardWaiting = 20;

        /// <summary>Ticket board: the queue is empty.</summary>
        public const int BoardNobody = 21;

        /// <summary>Ticket board: no queue received yet.</summary>
        public const int BoardConnecting = 22;

        /// <summary>Ticket board: nobody on duty.</summary>
        public const int BoardUnstaffed = 23;

        /// <summary>Ticket board: ask at the information desk.</summary>
        public const int BoardAskDesk = 24;

        /// <summary>Ticket board wait estimate: "Wait about {n} min".</summary>
        public const int BoardWait = 25;

        /// <summary>Ticket board offline line: "OFFLINE - last known queue".</summary>
        public const int BoardOffline = 26;

        /// <summary>Number of phrase ids.</summary>
        public const int Count = 27;

        /// <summary>The placeholder for a number in a phrase's text.</summary>
        public const string NumberPlaceholder = "{n}";

        /// <summary>The placeholder for the host's name in a phrase's text.</summary>
        public const string HostPlaceholder = "{host}";

        /// <summary>Display id of the help point's 128x64 OLED.</summary>
        public const int HelpPointDisplay = 1;

        /// <summary>Display id of the ticket board's 320x240 TFT.</summary>
        public const int BoardDisplay = 2;

        /// <summary>The key of a phrase in the language files, or null for an unknown id.</summary>
        public static string Key(int id)
        {
            switch (id)
            {
                case LanguageName: return "language.name";
                case IdleTitle: return "idle.title";
                case IdlePress: return "idle.press";
                case Sending: return "sending";
                case Offline: return "offline";
                case TicketLabel: return "ticket.label";
                case QueuedPlace: return "queued.place";
                case QueuedNext: return "queued.next";
                case QueuedWait: return "queued.wait";
                case AssignedHost: return "assigned.host";
                case AssignedAnyone: return "assigned.anyone";
                case DoneThanks: return "done.thanks";
                case DoneAsk: return "done.ask";
                case DoneAnswered: return "done.answered";
                case Cancelled: return "cancelled";
                case Expired: return "expired";
                case Unstaffed: return "unstaffed";
                case Error: return "error";
                case BoardTitle: return "board.title";
                case BoardServing: return "board.serving";
                case BoardWaiting: return "board.waiting";
                case BoardNobody: return "board.nobody";
                case BoardConnecting: return "board.connecting";
                case BoardUnstaffed: return "board.unstaffed";
                case BoardAskDesk: return "board.askdesk";
                case BoardWait: return "board.wait";
                case BoardOffline: return "board.offline";
                default: return null;
            }
        }

        /// <summary>The placeholder a phrase must contain exactly once, or null for plain text.</summary>
        public static string Placeholder(int id)
        {
            switch (id)
            {
                case QueuedPlace:
                case QueuedWait:
                case BoardWait:
                    return NumberPlaceholder;
                case AssignedHost:
                    return HostPlaceholder;
                default:
                    return null;
            }
        }

        /// <summary>True when the phrase is drawn on <paramref name="display"/> (<see cref="HelpPointDisplay"/> or <see cref="BoardDisplay"/>).</summary>
        public static bool IsOn(int id, int display)
        {
            if (id < 0 || id >= Count)
            {
                return false;
            }

            return display == BoardDisplay ? id >= BoardTitle : id < BoardTitle;
        }
    }
}
