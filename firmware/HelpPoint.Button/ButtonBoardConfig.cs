using HelpPoint.Core;

namespace HelpPoint.Button
{
    /// <summary>
    /// Pins, addresses and timings of the help point (ESP32-DevKitC). The wiring and the reasons for
    /// each pin are in hardware/pinout.md; change both together.
    /// </summary>
    public static class ButtonBoardConfig
    {
        /// <summary>Firmware version reported in the status heartbeat.</summary>
        public const string FirmwareVersion = "1.0.0";

        /// <summary>The category of each category button, left to right on the panel.</summary>
        public static readonly Category[] Categories = new Category[]
        {
            Category.BankId, Category.Swish, Category.Print, Category.Email,
            Category.Phone, Category.Forms, Category.Other
        };

        /// <summary>
        /// GPIO of each button: the category buttons in the order of <see cref="Categories"/>, then the
        /// language button. Each button switches to GND; the internal pull-ups hold the pins high.
        /// </summary>
        public static readonly int[] ButtonPins = new int[] { 13, 14, 32, 33, 18, 19, 23, 25 };

        /// <summary>I2C data line of the OLED.</summary>
        public const int I2cDataPin = 21;

        /// <summary>I2C clock line of the OLED.</summary>
        public const int I2cClockPin = 22;

        /// <summary>The ESP32's I2C bus used for the OLED.</summary>
        public const int I2cBus = 1;

        /// <summary>The SSD1306's I2C address (0x3C; some modules use 0x3D).</summary>
        public const int OledAddress = 0x3C;

        /// <summary>Status LED (through a 330 Ω resistor to GND).</summary>
        public const int LedPin = 26;

        /// <summary>Passive piezo buzzer, driven by PWM.</summary>
        public const int BuzzerPin = 27;

        /// <summary>Debounce time of the buttons.</summary>
        public const int DebounceMs = ButtonInput.DefaultDebounceMs;

        /// <summary>Hold time that cancels the visitor's request.</summary>
        public const int LongPressMs = ButtonInput.DefaultLongPressMs;

        /// <summary>Hold time after which a button counts as stuck and is ignored.</summary>
        public const int StuckMs = ButtonInput.DefaultStuckMs;

        /// <summary>Period of the app loop.</summary>
        public const int LoopMs = 20;

        /// <summary>How long one Wi-Fi join attempt may take (the next one follows with backoff).</summary>
        public const int WifiTimeoutMs = 30000;

        /// <summary>
        /// Failed Wi-Fi attempts shown on the display at start before the help point runs without a network
        /// (presses are saved in flash); joining goes on in the background.
        /// </summary>
        public const int WifiStartAttempts = 2;

        /// <summary>How often the Wi-Fi screen is redrawn at start, to count down to the next attempt.</summary>
        public const int WifiScreenMs = 1000;

        /// <summary>How long an MQTT connect, publish or subscribe may take.</summary>
        public const int MqttTimeoutMs = 10000;

        /// <summary>Where the config file and the device's files live.</summary>
        public const string FlashRoot = "I:\\";

        /// <summary>The phrase resource in <see cref="FlashRoot"/> (a copy of firmware/phrases/helppoint.phr).</summary>
        public const string PhrasesFile = "phrases.phr";
    }
}
