#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using HelpPoint.Core;
using HelpPoint.Device;

namespace HelpPoint.Firmware.Tests
{
    /// <summary>
    /// Every screen of every state, in every language the display speaks, with the longest values
    /// the protocol allows, fits the 128x64 OLED: at most 8 lines of at most 21 characters, nothing dropped.
    /// </summary>
    [TestClass]
    public class ScreenLayoutTests
    {
        private static readonly string[] DisplayLanguages = new string[] { "sv", "en" };
        private static readonly string[] Tickets = new string[] { null, "7", "17", "9999", "123456" };
        private static readonly string[] Hosts = new string[] { null, string.Empty, "Sara", "Abdirahman Mohamed", "Anna-Karin Lindqvist-Johansson" };
        private static readonly int[] Positions = new int[] { TicketMessage.None, 1, 2, 99, 9999 };
        private static readonly int[] Waits = new int[] { TicketMessage.None, 0, 59, 240, 86400, 604800 };
        private static readonly string[] Picked = new string[] { null, "sv", "en", "ar", "fa", "uk", "xx" };

        private static void AssertFits(Screen screen, string what)
        {
            Assert.IsNotNull(screen.Lines, what);
            Assert.IsTrue(screen.Lines.Length <= Screen.MaxLines, what + ": " + screen.Lines.Length.ToString() + " lines");
            Assert.IsFalse(screen.Truncated, what + ": text was dropped");
            for (int i = 0; i < screen.Lines.Length; i++)
            {
                Assert.IsTrue(screen.Lines[i].Length <= Screen.MaxColumns, what + ": line '" + screen.Lines[i] + "' is too long");
            }
        }

        [TestMethod]
        public void Every_state_fits_in_every_language_with_the_longest_values()
        {
            int checkedScreens = 0;
            for (int state = 0; state <= 9; state++)
            {
                for (int l = 0; l < DisplayLanguages.Length; l++)
                {
                    for (int t = 0; t < Tickets.Length; t++)
                    {
                        for (int h = 0; h < Hosts.Length; h++)
                        {
                            for (int p = 0; p < Positions.Length; p++)
                            {
                                for (int w = 0; w < Waits.Length; w++)
                                {
                                    for (int fb = 0; fb <= 2; fb++)
                                    {
                                        Screen screen = Screens.Build(
                                            (HelpPointState)state, DisplayLanguages[l], Tickets[t], Positions[p], Waits[w], Hosts[h], true,
                                            null, (FeedbackPrompt)fb);
                                        AssertFits(screen, HelpPointStates.ToName((HelpPointState)state) + "/" + DisplayLanguages[l]);
                                        Assert.AreEqual(DisplayLanguages[l], screen.Language);
                                        checkedScreens++;
                                    }
                                }
                            }
                        }
                    }
                }
            }

            Assert.AreEqual(10 * 2 * 5 * 5 * 5 * 6 * 3, checkedScreens);
        }

        [TestMethod]
        public void Idle_fits_with_every_picked_language()
        {
            for (int l = 0; l < DisplayLanguages.Length; l++)
            {
                for (int p = 0; p < Picked.Length; p++)
                {
                    AssertFits(Screens.Build(HelpPointState.Idle, DisplayLanguages[l], null, -1, -1, null, false, Picked[p], FeedbackPrompt.None), "idle");
                }
            }
        }

        [TestMethod]
        public void Every_setup_problem_fits_in_both_languages()
        {
            string[] fields = new string[] { null, "wifi", "wifi.ssid", "wifi.password", "mqtt.host", "mqtt.port", "mqtt.tls", "device", "secret", "branch", "language", "silent" };
            for (int l = 0; l < DisplayLanguages.Length; l++)
            {
                for (int problem = 1; problem <= 4; problem++)
                {
                    for (int f = 0; f < fields.Length; f++)
                    {
                        AssertFits(Screens.Setup((ConfigProblem)problem, fields[f], DisplayLanguages[l]), "setup");
                    }
                }
            }
        }

        [TestMethod]
        public void Screen_texts_use_only_characters_the_display_font_has()
        {
            // The OLED and TFT adapters draw with PixelFont: every character shown must have a glyph.
            for (int state = 0; state <= 9; state++)
            {
                for (int l = 0; l < DisplayLanguages.Length; l++)
                {
                    for (int fb = 0; fb <= 2; fb++)
                    {
                        Screen screen = Screens.Build((HelpPointState)state, DisplayLanguages[l], "17", 2, 240, "Sara", true, "fa", (FeedbackPrompt)fb);
                        for (int i = 0; i < screen.Lines.Length; i++)
                        {
                            string line = screen.Lines[i];
                            for (int c = 0; c < line.Length; c++)
                            {
                                Assert.IsTrue(PixelFont.Has(line[c]), "'" + line + "' has a character the font lacks");
                            }
                        }
                    }
                }
            }
        }

        [TestMethod]
        public void Setup_and_board_texts_use_only_characters_the_font_has()
        {
            for (int l = 0; l < DisplayLanguages.Length; l++)
            {
                AssertDrawable(Screens.Setup(ConfigProblem.MissingField, "wifi.ssid", DisplayLanguages[l]).Lines);
                AssertDrawable(BoardLayout.Build(null, true, DisplayLanguages[l], 17, 10).Lines);
                AssertDrawable(BoardLayout.Build(new BoardMessage(false, new string[0], new string[0], new string[0], -1), false, DisplayLanguages[l], 17, 10).Lines);
                AssertDrawable(BoardLayout.Build(new BoardMessage(true, new string[] { "15" }, new string[] { "Sara" }, new string[] { "16" }, 300), false, DisplayLanguages[l], 17, 10).Lines);
            }
        }

        [TestMethod]
        public void Font_draws_a_glyph_for_letters_and_nothing_for_space()
        {
            int lit = 0;
            for (int y = 0; y < PixelFont.GlyphRows; y++)
            {
                for (int x = 0; x < 5; x++)
                {
                    lit += PixelFont.Pixel('å', x, y) ? 1 : 0;
                    Assert.IsFalse(PixelFont.Pixel(' ', x, y));
                }
            }

            Assert.IsTrue(lit > 5);
            Assert.IsFalse(PixelFont.Has('\u0627'), "Arabic has no glyph: the display falls back to sv/en texts");
            Assert.IsFalse(PixelFont.Pixel('A', 5, 0), "column 6 is the gap between cells");
        }

        private static void AssertDrawable(string[] lines)
        {
            for (int i = 0; i < lines.Length; i++)
            {
                for (int c = 0; c < lines[i].Length; c++)
                {
                    Assert.IsTrue(PixelFont.Has(lines[i][c]), "'" + lines[i] + "' has a character the font lacks");
                }
            }
        }

        [TestMethod]
        public void Overlong_text_is_reported_as_truncated()
        {
            // A host name made of twenty words cannot fit: the screen says so instead of hiding it.
            string host = "A B C D E F G H I J K L M N O P Q R S T U V W X Y Z a b c d e f g h i j k l m n o p q r s t u v w x y z 1 2 3 4 5 6 7 8 9 0 A B C D E F G H I J K L M N O P Q R S T U V";
            Screen screen = Screens.Build(HelpPointState.Assigned, "sv", "17", -1, -1, host, true);

            Assert.IsTrue(screen.Truncated);
            Assert.AreEqual(Screen.MaxLines, screen.Lines.Length);
        }
    }
}
