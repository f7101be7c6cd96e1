namespace HelpPoint.Core
{
    /// <summary>A decoded <c>ticket</c> message: the gateway's word on one request.</summary>
    public sealed class TicketMessage
    {
        /// <summary>Stands for a JSON null (or absent) number field.</summary>
        public const int None = -1;

        /// <summary>Creates a message; numbers are <see cref="None"/> where the JSON has null.</summary>
        public TicketMessage(string id, string ticket, TicketState state, int position, int waitS, string host, string reason)
        {
            Id = id;
            Ticket = ticket;
            State = state;
            Position = position;
            WaitS = waitS;
            Host = host;
            Reason = reason;
        }

        /// <summary>The request id, or null when the gateway could not read one (rejected only).</summary>
        public string Id { get; private set; }

        /// <summary>The visitor's ticket number, e.g. "17"; null when rejected.</summary>
        public string Ticket { get; private set; }

        /// <summary>Where the request stands.</summary>
        public TicketState State { get; private set; }

        /// <summary>Place in the queue (1 = next) while queued, else <see cref="None"/>.</summary>
        public int Position { get; private set; }

        /// <summary>Estimated wait in seconds while queued, else <see cref="None"/>.</summary>
        public int WaitS { get; private set; }

        /// <summary>The IT-host's display name when assigned or done, else null.</summary>
        public string Host { get; private set; }

        /// <summary>Why the gateway rejected the request, else null.</summary>
        public string Reason { get; private set; }
    }
}
