using System;

namespace HelpPoint.Core
{
    /// <summary>
    /// A 1-bit picture of a whole display: rows top to bottom, <see cref="Stride"/> bytes a row, the
    /// most significant bit is the leftmost pixel, 1 is lit. Drawing clips at the edges.
    /// </summary>
    public sealed class FrameBuffer
    {
        /// <summary>A dark frame of <paramref name="width"/> x <paramref name="height"/> pixels.</summary>
        public FrameBuffer(int width, int height)
        {
            if (width < 1 || height < 1)
            {
                throw new ArgumentOutOfRangeException("width");
            }

            Width = width;
            Height = height;
            Stride = (width + 7) / 8;
            Bits = new byte[Stride * height];
        }

        /// <summary>Width in pixels.</summary>
        public int Width { get; private set; }

        /// <summary>Height in pixels.</summary>
        public int Height { get; private set; }

        /// <summary>Bytes per row.</summary>
        public int Stride { get; private set; }

        /// <summary>The pixels (shared, not a copy).</summary>
        public byte[] Bits { get; private set; }

        /// <summary>Turns every pixel off.</summary>
        public void Clear()
        {
            Array.Clear(Bits, 0, Bits.Length);
        }

        /// <summary>True when the pixel is lit; false outside the frame.</summary>
        public bool Get(int x, int y)
        {
            if (x < 0 || y < 0 || x >= Width || y >= Height)
            {
                return false;
            }

            return (Bits[(y * Stride) + (x >> 3)] & (0x80 >> (x & 7))) != 0;
        }

        /// <summary>Lights or clears one pixel; ignored outside the frame.</summary>
        public void Set(int x, int y, bool on)
        {
            if (x < 0 || y < 0 || x >= Width || y >= Height)
            {
                return;
            }

            int index = (y * Stride) + (x >> 3);
            int mask = 0x80 >> (x & 7);
            if (on)
            {
                Bits[index] = (byte)(Bits[index] | mask);
            }
            else
            {
                Bits[index] = (byte)(Bits[index] & ~mask);
            }
        }

        /// <summary>Lights a rectangle.</summary>
        public void Fill(int x, int y, int width, int height)
        {
            for (int row = y; row < y + height; row++)
            {
                for (int col = x; col < x + width; col++)
                {
                    Set(col, row, true);
                }
            }
        }

        /// <summary>
        /// ORs a packed 1-bit bitmap (rows of <c>(width + 7) / 8</c> bytes, MSB leftmost) from
        /// <paramref name="data"/> at <paramref name="offset"/> onto the frame with its top-left corner at (x, y).
        /// </summary>
        public void Draw(byte[] data, int offset, int width, int height, int x, int y)
        {
            int stride = (width + 7) / 8;
            for (int row = 0; row < height; row++)
            {
                int ty = y + row;
                if (ty < 0 || ty >= Height)
                {
                    continue;
                }

                int rowStart = offset + (row * stride);
                for (int col = 0; col < width; col++)
                {
                    if ((data[rowStart + (col >> 3)] & (0x80 >> (col & 7))) != 0)
                    {
                        Set(x + col, ty, true);
                    }
                }
            }
        }

        /// <summary>
        /// Writes the frame into <paramref name="pages"/> in the SSD13xx page layout (what its display RAM
        /// holds): page after page of 8 rows, one byte a column, the least significant bit the top row.
        /// One pass over <see cref="Bits"/> that skips dark bytes, so an OLED screen is one bulk copy, not
        /// a call per pixel. <paramref name="pages"/> needs <see cref="PageBytes"/> bytes.
        /// </summary>
        public void CopyToPages(byte[] pages)
        {
            int length = PageBytes;
            if (pages == null || pages.Length < length)
            {
                throw new ArgumentException("pages");
            }

            Array.Clear(pages, 0, length);
            for (int y = 0; y < Height; y++)
            {
                int row = y * Stride;
                int page = (y >> 3) * Width;
                byte bit = (byte)(1 << (y & 7));
                for (int column = 0; column < Stride; column++)
                {
                    int bits = Bits[row + column];
                    if (bits == 0)
                    {
                        continue;
                    }

                    int x = column << 3;
                    for (int mask = 0x80; mask != 0 && x < Width; mask >>= 1, x++)
                    {
                        if ((bits & mask) != 0)
                        {
                            pages[page + x] = (byte)(pages[page + x] | bit);
                        }
                    }
                }
            }
        }

        /// <summary>Bytes of the page layout <see cref="CopyToPages"/> writes: width times the number of 8-row pages.</summary>
        public int PageBytes
        {
            get { return Width * ((Height + 7) / 8); }
        }

        /// <summary>Number of lit pixels inside a rectangle (tests and layout checks).</summary>
        public int CountLit(int x, int y, int width, int height)
        {
            int lit = 0;
            for (int row = y; row < y + height; row++)
            {
                for (int col = x; col < x + width; col++)
                {
                    if (Get(col, row))
                    {
                        lit++;
                    }
                }
            }

            return lit;
        }
    }
}
