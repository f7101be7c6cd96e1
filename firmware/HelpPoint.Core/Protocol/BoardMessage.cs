namespace HelpPoint.Core
{
    /// <summary>A decoded <c>board</c> message: the branch's queue as the ticket displays show it.</summary>
    public sealed class BoardMessage
    {
        /// <summary>Creates a message; <paramref name="waitS"/> is <see cref="TicketMessage.None"/> for null.</summary>
        public BoardMessage(bool staffed, string[] servingTickets, string[] servingHosts, string[] waiting, int waitS)
        {
            Staffed = staffed;
            ServingTickets = servingTickets;
            ServingHosts = servingHosts;
            Waiting = waiting;
            WaitS = waitS;
        }

        /// <summary>True when an IT-host is on duty.</summary>
        public bool Staffed { get; private set; }

        /// <summary>Tickets being helped now, parallel to <see cref="ServingHosts"/>.</summary>
        public string[] ServingTickets { get; private set; }

        /// <summary>The host helping each serving ticket (may hold nulls).</summary>
        public string[] ServingHosts { get; private set; }

        /// <summary>Waiting tickets in queue order.</summary>
        public string[] Waiting { get; private set; }

        /// <summary>Estimated wait for someone who presses now, in seconds, or <see cref="TicketMessage.None"/>.</summary>
        public int WaitS { get; private set; }
    }
}
