using System.Device.I2c;
using HelpPoint.Core;
using HelpPoint.Device;
using Iot.Device.Ssd13xx;

namespace HelpPoint.Button
{
    /// <summary>
    /// Core's <see cref="IDisplay"/> on an SSD1306 128x64 OLED. With a phrase resource the screen is
    /// composed from its bitmaps in the visitor's language (<see cref="HelpPointComposer"/>); without
    /// one, or for a language it lacks, Core's Swedish/English lines are drawn in 6x8 cells
    /// (21 x 8 characters) with <see cref="PixelFont"/>, and a small dot top right means offline.
    /// Either way the screen is drawn into a 1-bit <see cref="FrameBuffer"/> and reaches the driver in
    /// one bulk copy of the page layout (<see cref="Ssd13xx.DrawDirectAligned"/>), not a call per pixel.
    /// </summary>
    public sealed class OledDisplay : IDisplay
    {
        private readonly Ssd1306 _oled;
        private readonly HelpPointComposer _composer;
        private readonly FrameBuffer _frame;
        private readonly byte[] _pages;

        /// <summary>Opens the display on the given I2C bus and address; <paramref name="phrases"/> may be null.</summary>
        public OledDisplay(int bus, int address, PhraseResource phrases)
        {
            _oled = new Ssd1306(I2cDevice.Create(new I2cConnectionSettings(bus, address)));
            _frame = new FrameBuffer(HelpPointLayout.Width, HelpPointLayout.Height);
            _pages = new byte[_frame.PageBytes];
            if (phrases != null && phrases.Display == Phrases.HelpPointDisplay)
            {
                _composer = new HelpPointComposer(phrases);
            }
        }

        /// <inheritdoc/>
        public void Show(Screen screen)
        {
            _frame.Clear();
            if (_composer == null || !_composer.Compose(screen, _frame))
            {
                _frame.Clear();
                DrawLines(screen);
            }

            _frame.CopyToPages(_pages);
            _oled.DrawDirectAligned(0, 0, _frame.Width, _frame.Height, _pages);
            _oled.Display();
        }

        private void DrawLines(Screen screen)
        {
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
                _frame.Fill(124, 0, 3, 3);
            }
        }

        private void DrawChar(char c, int left, int top)
        {
            for (int y = 0; y < PixelFont.GlyphRows; y++)
            {
                for (int x = 0; x < 5; x++)
                {
                    if (PixelFont.Pixel(c, x, y))
                    {
                        _frame.Set(left + x, top + y, true);
                    }
                }
            }
        }
    }
}
