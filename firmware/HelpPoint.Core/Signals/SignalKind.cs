namespace HelpPoint.Core
{
    /// <summary>The LED and buzzer patterns a help point plays.</summary>
    /// <remarks>Never call ToString on it: use <see cref="SignalPatterns.Name"/>.</remarks>
    public enum SignalKind
    {
        /// <summary>Nothing plays: LED off, buzzer quiet.</summary>
        None = 0,

        /// <summary>A button press was taken (one short blip).</summary>
        Received = 1,

        /// <summary>The gateway queued the request and gave a ticket (two rising beeps).</summary>
        Accepted = 2,

        /// <summary>An IT-host accepted and is on the way (three rising beeps, longer light).</summary>
        OnTheWay = 3,

        /// <summary>Something the visitor must act on: unstaffed, expired, rejected, storage error (one low tone).</summary>
        Problem = 4,

        /// <summary>Feedback was recorded, or a language was chosen (one high tick).</summary>
        Tick = 5
    }
}
