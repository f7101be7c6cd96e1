namespace HelpPoint.Core
{
    /// <summary>Names and classification of <see cref="HelpPointState"/> values.</summary>
    public static class HelpPointStates
    {
        /// <summary>The lower-case name ("idle", "queued", …) used by the simulator and its pages.</summary>
        public static string ToName(HelpPointState state)
        {
            switch (state)
            {
                case HelpPointState.Idle: return "idle";
                case HelpPointState.Sending: return "sending";
                case HelpPointState.Offline: return "offline";
                case HelpPointState.Queued: return "queued";
                case HelpPointState.Assigned: return "assigned";
                case HelpPointState.Done: return "done";
                case HelpPointState.Cancelled: return "cancelled";
                case HelpPointState.Expired: return "expired";
                case HelpPointState.Unstaffed: return "unstaffed";
                case HelpPointState.Rejected: return "rejected";
                case HelpPointState.Setup: return "setup";
                default: return "unknown";
            }
        }

        /// <summary>Reads a name produced by <see cref="ToName"/>.</summary>
        public static bool TryParse(string name, out HelpPointState state)
        {
            state = HelpPointState.Idle;
            switch (name)
            {
                case "idle": state = HelpPointState.Idle; return true;
                case "sending": state = HelpPointState.Sending; return true;
                case "offline": state = HelpPointState.Offline; return true;
                case "queued": state = HelpPointState.Queued; return true;
                case "assigned": state = HelpPointState.Assigned; return true;
                case "done": state = HelpPointState.Done; return true;
                case "cancelled": state = HelpPointState.Cancelled; return true;
                case "expired": state = HelpPointState.Expired; return true;
                case "unstaffed": state = HelpPointState.Unstaffed; return true;
                case "rejected": state = HelpPointState.Rejected; return true;
                case "setup": state = HelpPointState.Setup; return true;
                default: return false;
            }
        }

        /// <summary>The display state for a gateway ticket state.</summary>
        public static HelpPointState FromTicket(TicketState state)
        {
            switch (state)
            {
                case TicketState.Queued: return HelpPointState.Queued;
                case TicketState.Assigned: return HelpPointState.Assigned;
                case TicketState.Done: return HelpPointState.Done;
                case TicketState.Cancelled: return HelpPointState.Cancelled;
                case TicketState.Expired: return HelpPointState.Expired;
                case TicketState.Unstaffed: return HelpPointState.Unstaffed;
                default: return HelpPointState.Rejected;
            }
        }

        /// <summary>True while a request is alive: a press now would show it instead of making a new one.</summary>
        public static bool IsActive(HelpPointState state)
        {
            return state == HelpPointState.Sending || state == HelpPointState.Offline
                || state == HelpPointState.Queued || state == HelpPointState.Assigned;
        }

        /// <summary>True for the end states that return to idle after a while.</summary>
        public static bool IsTerminal(HelpPointState state)
        {
            return state != HelpPointState.Idle && state != HelpPointState.Setup && !IsActive(state);
        }
    }
}
