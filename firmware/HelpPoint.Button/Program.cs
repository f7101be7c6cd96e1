using System.Device.Gpio;
using System.Threading;
using HelpPoint.Core;
using HelpPoint.Device;
using nanoFramework.Hardware.Esp32;

namespace HelpPoint.Button
{
    /// <summary>The help point: wires the board's parts to Core and runs the app loop.</summary>
    public static class Program
    {
        /// <summary>Entry point.</summary>
        public static void Main()
        {
            Configuration.SetPinFunction(ButtonBoardConfig.I2cDataPin, DeviceFunction.I2C1_DATA);
            Configuration.SetPinFunction(ButtonBoardConfig.I2cClockPin, DeviceFunction.I2C1_CLOCK);
            // The phrase bitmaps of every language (docs/languages.md); without the file the display shows sv/en text.
            PhraseResource phrases = PhraseResource.Open(FlashPhraseSource.Open(ButtonBoardConfig.FlashRoot + ButtonBoardConfig.PhrasesFile));
            var display = new OledDisplay(ButtonBoardConfig.I2cBus, ButtonBoardConfig.OledAddress, phrases);
            var flash = new FlashStorage(ButtonBoardConfig.FlashRoot);

            DeviceConfig config = JsonConfigFile.Load(ButtonBoardConfig.FlashRoot + DeviceConfig.FileName);
            if (!config.IsValid)
            {
                // Nothing works without provisioning: say what to fix, in both languages, and wait for a reflash.
                for (int round = 0; ; round++)
                {
                    display.Show(Screens.Setup(config.Problem, config.ProblemField, round % 2 == 0 ? Languages.Swedish : Languages.English));
                    Thread.Sleep(5000);
                }
            }

            var gpio = new GpioController();
            var clock = new DeviceClock();
            string screenLanguage = config.Language == Languages.English ? Languages.English : Languages.Swedish;
            WifiStart.Run(
                new NetworkJoin(new WifiLink(config.WifiSsid, config.WifiPassword, config.MqttTls, ButtonBoardConfig.WifiTimeoutMs), new DeviceRandom()),
                clock,
                ButtonBoardConfig.WifiStartAttempts,
                ButtonBoardConfig.WifiScreenMs,
                delegate(int failures, int retryInS) { display.Show(Screens.Network(config.WifiSsid, failures, retryInS, screenLanguage)); });

            var device = new HelpPointDevice(
                config.ToSettings(ButtonBoardConfig.FirmwareVersion),
                clock,
                flash,
                display,
                new M2MqttConnection(config.MqttHost, config.MqttPort, config.MqttTls, ButtonBoardConfig.MqttTimeoutMs),
                new DeviceRandom(),
                new DeviceMetrics(config.WifiSsid),
                new FileOutbox(flash, clock, FileOutbox.DefaultCapacity),
                new LedAndBuzzer(gpio, ButtonBoardConfig.LedPin, ButtonBoardConfig.BuzzerPin));
            var input = new ButtonInput(
                ButtonBoardConfig.ButtonPins.Length, ButtonBoardConfig.DebounceMs, ButtonBoardConfig.LongPressMs, ButtonBoardConfig.StuckMs);
            var panel = new HelpPointPanel(device, input, ButtonBoardConfig.Categories);
            new GpioButtons(gpio, ButtonBoardConfig.ButtonPins, input, clock);

            while (true)
            {
                panel.Poll(clock.NowMs);
                device.Tick();
                Thread.Sleep(ButtonBoardConfig.LoopMs);
            }
        }
    }
}
