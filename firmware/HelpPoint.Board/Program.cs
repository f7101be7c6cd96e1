using System.Threading;
using HelpPoint.Core;
using HelpPoint.Device;
using nanoFramework.Hardware.Esp32;
using nanoFramework.UI;

namespace HelpPoint.Board
{
    /// <summary>The ticket display: wires the TFT, Wi-Fi and MQTT to Core's <see cref="TicketBoard"/>.</summary>
    public static class Program
    {
        /// <summary>Entry point.</summary>
        public static void Main()
        {
            Configuration.SetPinFunction(BoardConfig.SpiMisoPin, DeviceFunction.SPI1_MISO);
            Configuration.SetPinFunction(BoardConfig.SpiMosiPin, DeviceFunction.SPI1_MOSI);
            Configuration.SetPinFunction(BoardConfig.SpiClockPin, DeviceFunction.SPI1_CLOCK);
            var display = new TftBoardDisplay(
                new SpiConfiguration(BoardConfig.SpiBus, BoardConfig.ChipSelectPin, BoardConfig.DataCommandPin, BoardConfig.ResetPin, BoardConfig.BacklightPin),
                BoardConfig.ScreenWidth,
                BoardConfig.ScreenHeight,
                BoardConfig.TextScale,
                BoardConfig.GraphicsBufferBytes,
                PhraseResource.Open(FlashPhraseSource.Open(BoardConfig.FlashRoot + BoardConfig.PhrasesFile)));

            DeviceConfig config = JsonConfigFile.Load(BoardConfig.FlashRoot + DeviceConfig.FileName);
            if (!config.IsValid)
            {
                // The board shows the same setup message as a help point, as a board.
                ShowText(display, Screens.Setup(config.Problem, config.ProblemField, Languages.English));
                while (true)
                {
                    Thread.Sleep(60000);
                }
            }

            var clock = new DeviceClock();
            string screenLanguage = config.Language == Languages.English ? Languages.English : Languages.Swedish;
            WifiStart.Run(
                new NetworkJoin(new WifiLink(config.WifiSsid, config.WifiPassword, config.MqttTls, BoardConfig.WifiTimeoutMs), new DeviceRandom()),
                clock,
                BoardConfig.WifiStartAttempts,
                BoardConfig.WifiScreenMs,
                delegate(int failures, int retryInS) { ShowText(display, Screens.Network(config.WifiSsid, failures, retryInS, screenLanguage)); });
            var settings = new TicketBoardSettings
            {
                Branch = config.Branch,
                DeviceId = config.DeviceId,
                Secret = config.Secret,
                FirmwareVersion = BoardConfig.FirmwareVersion,
                Language = config.Language,
                Columns = BoardConfig.Columns,
                Rows = BoardConfig.Rows
            };
            var board = new TicketBoard(
                settings,
                clock,
                display,
                new M2MqttConnection(config.MqttHost, config.MqttPort, config.MqttTls, BoardConfig.MqttTimeoutMs),
                new DeviceRandom(),
                new DeviceMetrics(config.WifiSsid));

            while (true)
            {
                board.Tick();
                Thread.Sleep(BoardConfig.LoopMs);
            }
        }

        // A help point's text screen (setup, Wi-Fi) as plain board lines.
        private static void ShowText(TftBoardDisplay display, Screen screen)
        {
            var kinds = new BoardLineKind[screen.Lines.Length];
            display.Show(new BoardScreen(screen.Lines, kinds, false, screen.Language, BoardConfig.Columns, BoardConfig.Rows));
        }
    }
}
