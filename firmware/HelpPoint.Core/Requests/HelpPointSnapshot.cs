namespace HelpPoint.Core
{
    /// <summary>
    /// An immutable picture of a help point at one moment. The device swaps in a new one on every
    /// change, so other threads can read all fields consistently without taking its lock.
    /// </summary>
    public sealed class HelpPointSnapshot
    {
        /// <summary>Creates a snapshot; numbers are <see cref="TicketMessage.None"/> when unknown.</summary>
        public HelpPointSnapshot(
            HelpPointState state,
            bool connected,
            string requestId,
            string ticket,
            int position,
            int waitS,
            string host,
            string reason,
            int pending,
            string[] languages,
            Category[] categories,
            Screen screen,
            string selectedLanguage,
            FeedbackPrompt feedback)
        {
            SelectedLanguage = selectedLanguage;
            Feedback = feedback;
            State = state;
            Connected = connected;
            RequestId = requestId;
            Ticket = ticket;
            Position = position;
            WaitS = waitS;
            Host = host;
            Reason = reason;
            Pending = pending;
            Languages = languages;
            Categories = categories;
            Screen = screen;
        }

        /// <summary>What the visitor sees.</summary>
        public HelpPointState State { get; private set; }

        /// <summary>The state's name ("idle", "queued", …).</summary>
        public string StateName
        {
            get { return HelpPointStates.ToName(State); }
        }

        /// <summary>True while the MQTT session is up (connected and subscribed).</summary>
        public bool Connected { get; private set; }

        /// <summary>The current (or just finished) request's id; null when idle.</summary>
        public string RequestId { get; private set; }

        /// <summary>The ticket number, once the gateway gave one.</summary>
        public string Ticket { get; private set; }

        /// <summary>Queue position while queued.</summary>
        public int Position { get; private set; }

        /// <summary>Estimated wait in seconds while queued.</summary>
        public int WaitS { get; private set; }

        /// <summary>The IT-host's display name when assigned or done.</summary>
        public string Host { get; private set; }

        /// <summary>Why the request was rejected.</summary>
        public string Reason { get; private set; }

        /// <summary>Messages waiting in the outbox.</summary>
        public int Pending { get; private set; }

        /// <summary>The visitor languages the branch offers (from its config message). Do not modify.</summary>
        public string[] Languages { get; private set; }

        /// <summary>The categories the branch offers (from its config message). Do not modify.</summary>
        public Category[] Categories { get; private set; }

        /// <summary>What the display shows.</summary>
        public Screen Screen { get; private set; }

        /// <summary>The language picked with the language button, or null.</summary>
        public string SelectedLanguage { get; private set; }

        /// <summary>Whether the done screen asks for feedback, or got it.</summary>
        public FeedbackPrompt Feedback { get; private set; }
    }
}
