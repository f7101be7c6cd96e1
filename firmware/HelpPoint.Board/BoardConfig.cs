namespace HelpPoint.Board
{
    /// <summary>
    /// Pins, screen geometry and timings of the ticket display (ESP32-DevKitC or ESP32-WROVER with an
    /// ILI9341 320x240 SPI TFT). The wiring is in hardware/pinout.md; change both together.
    /// </summary>
    public static class BoardConfig
    {
        /// <summary>Firmware version reported in the status heartbeat.</summary>
        public const string FirmwareVersion = "1.0.0";

        /// <summary>SPI bus of the TFT.</summary>
        public const byte SpiBus = 1;

        /// <summary>SPI clock.</summary>
        public const int SpiClockPin = 18;

        /// <summary>SPI data to the TFT (MOSI).</summary>
        public const int SpiMosiPin = 23;

        /// <summary>SPI data from the TFT (MISO); the display works without it, the bus wants a pin.</summary>
        /// <remarks>GPIO 16/17 are avoided on both boards: WROVER modules use them for PSRAM.</remarks>
        public const int SpiMisoPin = 19;

        /// <summary>TFT chip select.</summary>
        public const int ChipSelectPin = 5;

        /// <summary>TFT data/command select.</summary>
        public const int DataCommandPin = 21;

        /// <summary>TFT reset.</summary>
        public const int ResetPin = 22;

        /// <summary>TFT backlight (high = on).</summary>
        public const int BacklightPin = 4;

        /// <summary>Screen width in pixels (landscape).</summary>
        public const int ScreenWidth = 320;

        /// <summary>Screen height in pixels (landscape).</summary>
        public const int ScreenHeight = 240;

        /// <summary>Each 6x8 font cell is drawn this many times larger: 18x24 px, readable across a room.</summary>
        public const int TextScale = 3;

        /// <summary>Characters per line: 320 / 18.</summary>
        public const int Columns = ScreenWidth / (6 * TextScale);

        /// <summary>Lines: 240 / 24.</summary>
        public const int Rows = ScreenHeight / (8 * TextScale);

        /// <summary>Graphics buffer for the native display driver.</summary>
        public const uint GraphicsBufferBytes = 32 * 1024;

        /// <summary>Period of the app loop.</summary>
        public const int LoopMs = 100;

        /// <summary>How long one Wi-Fi join attempt may take (the next one follows with backoff).</summary>
        public const int WifiTimeoutMs = 30000;

        /// <summary>
        /// Failed Wi-Fi attempts shown on the display at start before the board runs without a network
        /// (its last line says OFFLINE); joining goes on in the background.
        /// </summary>
        public const int WifiStartAttempts = 2;

        /// <summary>How often the Wi-Fi screen is redrawn at start, to count down to the next attempt.</summary>
        public const int WifiScreenMs = 1000;

        /// <summary>How long an MQTT connect, publish or subscribe may take.</summary>
        public const int MqttTimeoutMs = 10000;

        /// <summary>Where the config file lives.</summary>
        public const string FlashRoot = "I:\\";

        /// <summary>The phrase resource in <see cref="FlashRoot"/> (a copy of firmware/phrases/board.phr).</summary>
        public const string PhrasesFile = "phrases.phr";
    }
}
