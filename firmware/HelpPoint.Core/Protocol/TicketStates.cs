namespace HelpPoint.Core
{
    /// <summary>Maps <see cref="TicketState"/> to and from the protocol's state strings.</summary>
    public static class TicketStates
    {
        /// <summary>The protocol string ("queued", …), or null for a value outside the enum.</summary>
        public static string ToProtocol(TicketState state)
        {
            switch (state)
            {
                case TicketState.Queued: return "queued";
                case TicketState.Assigned: return "assigned";
                case TicketState.Done: return "done";
                case TicketState.Cancelled: return "cancelled";
                case TicketState.Expired: return "expired";
                case TicketState.Unstaffed: return "unstaffed";
                case TicketState.Rejected: return "rejected";
                default: return null;
            }
        }

        /// <summary>Reads a protocol state string; exact match only.</summary>
        public static bool TryParse(string text, out TicketState state)
        {
            state = TicketState.Rejected;
            if (text == null)
            {
                return false;
            }

            switch (text)
            {
                case "queued": state = TicketState.Queued; return true;
                case "assigned": state = TicketState.Assigned; return true;
                case "done": state = TicketState.Done; return true;
                case "cancelled": state = TicketState.Cancelled; return true;
                case "expired": state = TicketState.Expired; return true;
                case "unstaffed": state = TicketState.Unstaffed; return true;
                case "rejected": state = TicketState.Rejected; return true;
                default: return false;
            }
        }

        /// <summary>True for states after which the gateway does nothing more with the request.</summary>
        public static bool IsTerminal(TicketState state)
        {
            // Unstaffed counts as an end for the device: nobody will come, the visitor goes to the desk.
            return state != TicketState.Queued && state != TicketState.Assigned;
        }
    }
}
