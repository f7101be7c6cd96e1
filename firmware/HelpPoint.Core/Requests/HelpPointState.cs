namespace HelpPoint.Core
{
    /// <summary>What a help point is showing its visitor.</summary>
    /// <remarks>Never call ToString on it: use <see cref="HelpPointStates"/>.</remarks>
    public enum HelpPointState
    {
        /// <summary>No request: "press a button for help".</summary>
        Idle = 0,

        /// <summary>A request is on its way to the gateway (connected, no ticket yet).</summary>
        Sending = 1,

        /// <summary>A request is saved on the device and waits for the network.</summary>
        Offline = 2,

        Queued = 3,
        Assigned = 4,
        Done = 5,
        Cancelled = 6,
        Expired = 7,
        Unstaffed = 8,

        /// <summary>The gateway refused the request, or the device could not make one.</summary>
        Rejected = 9,

        /// <summary>The device is not provisioned (no or broken config file): it shows the setup screen.</summary>
        Setup = 10
    }
}
