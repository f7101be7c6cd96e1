using HelpPoint.Core;
using HelpPoint.Device;
using nanoFramework.UI;

namespace HelpPoint.Board
{
    /// <summary>
    /// Core's <see cref="IBoardDisplay"/> on a TFT driven by nanoFramework.Graphics' native display
    /// driver. With a phrase resource the board is composed from its bitmaps in the board's language
    /// (<see cref="BoardComposer"/>) and written in strips of 8 rows; without one, each character is a
    /// scaled <see cref="PixelFont"/> cell. Both go through
    /// <see cref="DisplayControl.Write(ushort, ushort, ushort, ushort, ushort[])"/> with reused buffers.
    /// Colours by line kind; the offline line is red.
    /// </summary>
    public sealed class TftBoardDisplay : IBoardDisplay
    {
        // RGB565.
        private const ushort Black = 0x0000;
        private const ushort White = 0xFFFF;
        private const ushort Yellow = 0xFFE0;
        private const ushort Cyan = 0x07FF;
        private const ushort Green = 0x07E0;
        private const ushort Red = 0xF800;
        private const ushort Grey = 0xBDF7;

        // Rows written per DisplayControl.Write when drawing a composed board (320 x 8 pixels, 5 KiB).
        private const int StripRows = 8;

        private readonly int _scale;
        private readonly ushort[] _cell;
        private readonly ushort _cellWidth;
        private readonly ushort _cellHeight;
        private readonly BoardComposer _composer;
        private readonly FrameBuffer _frame;
        private readonly ushort[] _strip;

        /// <summary>Initialises the display on the given SPI pins; <paramref name="phrases"/> may be null.</summary>
        public TftBoardDisplay(SpiConfiguration spi, ushort width, ushort height, int scale, uint bufferBytes, PhraseResource phrases)
        {
            DisplayControl.Initialize(spi, new ScreenConfiguration(0, 0, width, height), bufferBytes);
            _scale = scale;
            _cellWidth = (ushort)(PixelFont.CellWidth * scale);
            _cellHeight = (ushort)(PixelFont.CellHeight * scale);
            _cell = new ushort[_cellWidth * _cellHeight];
            if (phrases != null && phrases.Display == Phrases.BoardDisplay && width == BoardPixelLayout.Width && height == BoardPixelLayout.Height)
            {
                _composer = new BoardComposer(phrases);
                _frame = new FrameBuffer(width, height);
                _strip = new ushort[width * StripRows];
            }
        }

        /// <inheritdoc/>
        public void Show(BoardScreen screen)
        {
            DisplayControl.Clear();
            if (_composer != null && screen.BoardLanguage != null && _composer.Compose(screen.Message, screen.Offline, screen.BoardLanguage, _frame))
            {
                DrawFrame();
                return;
            }

            for (int row = 0; row < screen.Lines.Length; row++)
            {
                string text = screen.Lines[row];
                ushort colour = ColourOf(screen.Kinds[row]);
                for (int column = 0; column < text.Length && column < screen.Columns; column++)
                {
                    if (text[column] != ' ')
                    {
                        DrawChar(text[column], column, row, colour);
                    }
                }
            }
        }

        private void DrawFrame()
        {
            // Straight from the frame's bytes (8 pixels each, dark bytes in one go): no call per pixel.
            int width = _frame.Width;
            int stride = _frame.Stride;
            byte[] bits = _frame.Bits;
            for (int top = 0; top < _frame.Height; top += StripRows)
            {
                for (int y = 0; y < StripRows; y++)
                {
                    ushort colour = ColourOf(_composer.RowKinds[top + y]);
                    int source = (top + y) * stride;
                    int target = y * width;
                    for (int column = 0; column < stride; column++)
                    {
                        int pixels = bits[source + column];
                        int x = column << 3;
                        for (int mask = 0x80; mask != 0 && x < width; mask >>= 1, x++)
                        {
                            _strip[target + x] = (pixels & mask) != 0 ? colour : Black;
                        }
                    }
                }

                DisplayControl.Write(0, (ushort)top, (ushort)width, StripRows, _strip);
            }
        }

        private static ushort ColourOf(BoardLineKind kind)
        {
            switch (kind)
            {
                case BoardLineKind.Title: return Cyan;
                case BoardLineKind.Heading: return Grey;
                case BoardLineKind.Serving: return Green;
                case BoardLineKind.Waiting: return Yellow;
                case BoardLineKind.Offline: return Red;
                default: return White;
            }
        }

        private void DrawChar(char c, int column, int row, ushort colour)
        {
            for (int y = 0; y < _cellHeight; y++)
            {
                for (int x = 0; x < _cellWidth; x++)
                {
                    _cell[(y * _cellWidth) + x] = PixelFont.Pixel(c, x / _scale, y / _scale) ? colour : Black;
                }
            }

            DisplayControl.Write((ushort)(column * _cellWidth), (ushort)(row * _cellHeight), _cellWidth, _cellHeight, _cell);
        }
    }
}
