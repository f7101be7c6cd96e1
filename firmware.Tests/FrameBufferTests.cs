#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using HelpPoint.Core;

namespace HelpPoint.Firmware.Tests
{
    /// <summary>The 1-bit frame and its bulk conversion to the OLED's page layout.</summary>
    [TestClass]
    public class FrameBufferTests
    {
        [TestMethod]
        public void Pages_hold_each_pixel_at_its_column_with_the_top_row_in_the_lowest_bit()
        {
            var frame = new FrameBuffer(128, 64);
            frame.Set(0, 0, true);
            frame.Set(5, 7, true);
            frame.Set(127, 8, true);
            frame.Set(9, 63, true);
            var pages = new byte[frame.PageBytes];

            frame.CopyToPages(pages);

            Assert.AreEqual(1024, pages.Length);
            Assert.AreEqual(0x01, (int)pages[0]);
            Assert.AreEqual(0x80, (int)pages[5]);
            Assert.AreEqual(0x01, (int)pages[128 + 127]);
            Assert.AreEqual(0x80, (int)pages[(7 * 128) + 9]);
            int lit = 0;
            for (int i = 0; i < pages.Length; i++)
            {
                for (int b = 0; b < 8; b++)
                {
                    lit += (pages[i] >> b) & 1;
                }
            }

            Assert.AreEqual(4, lit);
        }

        [TestMethod]
        public void Every_pixel_of_a_composed_picture_survives_the_conversion()
        {
            var frame = new FrameBuffer(21, 13);
            for (int y = 0; y < frame.Height; y++)
            {
                for (int x = 0; x < frame.Width; x++)
                {
                    frame.Set(x, y, ((x * 7) + (y * 3)) % 5 == 0);
                }
            }

            var pages = new byte[frame.PageBytes];
            for (int i = 0; i < pages.Length; i++)
            {
                pages[i] = 0xFF;
            }

            frame.CopyToPages(pages);

            Assert.AreEqual(21 * 2, frame.PageBytes);
            for (int y = 0; y < frame.Height; y++)
            {
                for (int x = 0; x < frame.Width; x++)
                {
                    bool lit = (pages[((y / 8) * frame.Width) + x] & (1 << (y % 8))) != 0;
                    Assert.AreEqual(frame.Get(x, y), lit);
                }
            }
        }
    }
}
