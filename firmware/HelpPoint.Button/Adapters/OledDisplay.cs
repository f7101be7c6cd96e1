using System.Device.I2c;
using HelpPoint.Core;
using HelpPoint.Device;
using Iot.Device.Ssd13xx;

namespace HelpPoint.Button
{
    /// <summary>
    /// Core's <see cref="IDisplay"/> on an SSD1306 128x64 OLED: Core's lines in 6x8 cells
    /// (21 x 8 characters) with <see cref="PixelFont"/>, and a small dot top right while offline.
    /// </summary>
    public sealed class OledDisplay : IDisplay
    {
        private readonly Ssd1306 _oled;

        /// <summary>Opens the display on the given I2C bus and address.</summary>
        public OledDisplay(int bus, int address)
        {
            _oled = new Ssd1306(I2cDevice.Create(new I2cConnectionSettings(bus, address)));
        }

        /// <inheritdoc/>
        public void Show(Screen screen)
        {
            _oled.ClearScreen();
            for (int line = 0; line < screen.Lines.Length; line++)
            {
                string text = screen.Lines[line];
                for (int column = 0; column < text.Length && column < Screen.MaxColumns; column++)
                {
                    DrawChar(text[column], column * PixelFont.CellWidth, line * PixelFont.CellHeight);
                }
            }

            if (!screen.Online && screen.State != HelpPointState.Setup)
            {
                _oled.DrawFilledRectangle(124, 0, 3, 3, true);
            }

            _oled.Display();
        }

        private void DrawChar(char c, int left, int top)
        {
            for (int y = 0; y < PixelFont.GlyphRows; y++)
            {
                for (int x = 0; x < 5; x++)
                {
                    if (PixelFont.Pixel(c, x, y))
                    {
                        _oled.DrawPixel(left + x, top + y, true);
                    }
                }
            }
        }
    }
}
