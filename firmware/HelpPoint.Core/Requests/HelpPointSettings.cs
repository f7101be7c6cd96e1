namespace HelpPoint.Core
{
    /// <summary>Who a help point is and how it behaves; provisioned per device.</summary>
    public sealed class HelpPointSettings
    {
        /// <summary>The branch, <c>[a-z0-9-]{1,32}</c>, e.g. "kista".</summary>
        public string Branch { get; set; }

        /// <summary>The device id, <c>[a-z0-9-]{1,32}</c>; also the MQTT user and client id.</summary>
        public string DeviceId { get; set; }

        /// <summary>The per-device secret the gateway issued (the MQTT password).</summary>
        public string Secret { get; set; }

        /// <summary>Reported in the status heartbeat.</summary>
        public string FirmwareVersion { get; set; } = "1.0.0";

        /// <summary>The display language when the visitor picked none it can show ("sv" or "en").</summary>
        public string DefaultLanguage { get; set; } = Languages.Swedish;

        /// <summary>How long an end state (done, cancelled, …) stays up before the idle screen returns.</summary>
        public int TerminalScreenMs { get; set; } = 20000;

        /// <summary>Period of the retained status heartbeat.</summary>
        public int StatusIntervalMs { get; set; } = 60000;

        /// <summary>
        /// When a sent request has no ticket after this long, it is sent again. Safe because the
        /// gateway deduplicates on the request id; it covers a gateway that missed the first copy.
        /// </summary>
        public int ResendAfterMs { get; set; } = 30000;

        /// <summary>True for silent mode: the buzzer never sounds, the LED still shows every signal.</summary>
        public bool Silent { get; set; }

        /// <summary>How long a language picked with the language button is kept while nobody presses a category.</summary>
        public int LanguageResetMs { get; set; } = 60000;
    }
}
