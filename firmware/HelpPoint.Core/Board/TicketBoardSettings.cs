namespace HelpPoint.Core
{
    /// <summary>Who a ticket board is and how it lays out its screen; provisioned per device.</summary>
    public sealed class TicketBoardSettings
    {
        /// <summary>The branch whose queue it shows.</summary>
        public string Branch { get; set; }

        /// <summary>The board's device id (MQTT user and client id).</summary>
        public string DeviceId { get; set; }

        /// <summary>The board's secret.</summary>
        public string Secret { get; set; }

        /// <summary>Reported in the status heartbeat.</summary>
        public string FirmwareVersion { get; set; } = "1.0.0";

        /// <summary>The board's language, sv or en.</summary>
        public string Language { get; set; } = Languages.Swedish;

        /// <summary>Characters per line on the screen.</summary>
        public int Columns { get; set; } = 17;

        /// <summary>Lines on the screen.</summary>
        public int Rows { get; set; } = 10;

        /// <summary>Period of the retained status heartbeat.</summary>
        public int StatusIntervalMs { get; set; } = 60000;

        /// <summary>How long without a broker before the board says it is offline.</summary>
        public int OfflineAfterMs { get; set; } = 30000;
    }
}
