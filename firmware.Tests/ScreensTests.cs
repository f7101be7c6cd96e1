#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Collections;
using HelpPoint.Core;

namespace HelpPoint.Firmware.Tests
{
    [TestClass]
    public class ScreensTests
    {
        [TestMethod]
        [DataRow(0, "sv", "IT-hjälp||Tryck på en knapp för|hjälp")]
        [DataRow(0, "en", "IT help||Press a button for|help")]
        [DataRow(1, "sv", "Skickar din fråga ...")]
        [DataRow(1, "en", "Sending your request|...")]
        [DataRow(2, "sv", "Sparad — skickas när|nätet är tillbaka")]
        [DataRow(2, "en", "Saved — we will send|it as soon as the|network is back")]
        [DataRow(5, "sv", "Nummer 17||Klart — tack för|besöket!")]
        [DataRow(5, "en", "Number 17||Done — thank you for|coming!")]
        [DataRow(6, "sv", "Nummer 17||Din fråga är avbruten")]
        [DataRow(6, "en", "Number 17||Your request is|cancelled")]
        [DataRow(7, "sv", "Nummer 17||Ingen hann hjälpa dig|— fråga i|informationsdisken")]
        [DataRow(7, "en", "Number 17||Nobody could help in|time — please ask at|the information desk")]
        [DataRow(8, "sv", "Nummer 17||Ingen IT-värd just nu|— fråga i|informationsdisken")]
        [DataRow(8, "en", "Number 17||No IT-host right now|— please ask at the|information desk")]
        [DataRow(9, "sv", "Något gick fel —|fråga i|informationsdisken")]
        [DataRow(9, "en", "Something went wrong|— please ask at the|information desk")]
        public void Each_state_has_its_text_in_both_languages(int state, string language, string expected)
        {
            Screen screen = Screens.Build((HelpPointState)state, language, "17", TicketMessage.None, TicketMessage.None, null, true);

            Assert.AreEqual(expected, DeviceFixture.Joined(screen));
            Assert.AreEqual(language, screen.Language);
            Assert.AreEqual(state, (int)screen.State);
        }

        [TestMethod]
        [DataRow("sv", 2, 240, "Nummer 17||Plats 2 i kön|ca 4 min")]
        [DataRow("en", 2, 240, "Number 17||Place 2 in the queue|about 4 min")]
        [DataRow("sv", 1, 60, "Nummer 17||Du är näst på tur|ca 1 min")]
        [DataRow("en", 1, 60, "Number 17||You are next|about 1 min")]
        [DataRow("sv", 12, -1, "Nummer 17||Plats 12 i kön")]
        public void Queued_screen_shows_number_place_and_wait(string language, int position, int waitS, string expected)
        {
            Screen screen = Screens.Build(HelpPointState.Queued, language, "17", position, waitS, null, true);

            Assert.AreEqual(expected, DeviceFixture.Joined(screen));
            Assert.AreEqual("17", screen.Ticket);
        }

        [TestMethod]
        [DataRow("sv", "Sara", "Nummer 17||Sara är på väg")]
        [DataRow("en", "Sara", "Number 17||Sara is on the way")]
        [DataRow("sv", null, "Nummer 17||En IT-värd är på väg")]
        [DataRow("en", "", "Number 17||An IT-host is on the|way")]
        public void Assigned_screen_names_the_host(string language, string host, string expected)
        {
            Screen screen = Screens.Build(HelpPointState.Assigned, language, "17", TicketMessage.None, TicketMessage.None, host, true);

            Assert.AreEqual(expected, DeviceFixture.Joined(screen));
        }

        [TestMethod]
        public void Every_screen_fits_a_128x64_display()
        {
            string[] languages = new string[] { "sv", "en" };
            for (int state = 0; state <= 9; state++)
            {
                for (int l = 0; l < languages.Length; l++)
                {
                    Screen screen = Screens.Build(
                        (HelpPointState)state, languages[l], "1234", 123, 99999,
                        "Maximiliana Konstantinopoulou-Andersson", false);

                    Assert.IsTrue(screen.Lines.Length <= Screen.MaxLines, HelpPointStates.ToName((HelpPointState)state));
                    for (int i = 0; i < screen.Lines.Length; i++)
                    {
                        Assert.IsTrue(screen.Lines[i].Length <= Screen.MaxColumns, "'" + screen.Lines[i] + "'");
                    }
                }
            }
        }

        [TestMethod]
        public void Words_longer_than_a_line_are_cut()
        {
            var lines = new ArrayList();

            TextWrap.Wrap("Hej Maximilianakonstantinopoulou!", 10, lines);

            Assert.AreEqual(4, lines.Count);
            Assert.AreEqual("Hej", (string)lines[0]);
            Assert.AreEqual("Maximilian", (string)lines[1]);
            Assert.AreEqual("akonstanti", (string)lines[2]);
            Assert.AreEqual("nopoulou!", (string)lines[3]);
        }

        [TestMethod]
        public void Extra_spaces_do_not_make_empty_lines()
        {
            var lines = new ArrayList();

            TextWrap.Wrap("  a   b  ", 21, lines);

            Assert.AreEqual(1, lines.Count);
            Assert.AreEqual("a b", (string)lines[0]);
        }

        [TestMethod]
        [DataRow("sv", "en", "sv")]
        [DataRow("en", "sv", "en")]
        [DataRow("ar", "sv", "sv")]
        [DataRow("ar", "en", "en")]
        [DataRow(null, "en", "en")]
        [DataRow("so", "fr", "sv")]
        public void Display_speaks_the_visitors_language_when_it_can(string visitor, string deviceDefault, string expected)
        {
            Assert.AreEqual(expected, Languages.ForDisplay(visitor, deviceDefault));
        }

        [TestMethod]
        [DataRow(0, 1)]
        [DataRow(59, 1)]
        [DataRow(60, 1)]
        [DataRow(61, 2)]
        [DataRow(240, 4)]
        [DataRow(2147483647, 35791395)]
        public void Wait_is_shown_in_whole_minutes_rounded_up(int waitS, int minutes)
        {
            Assert.AreEqual(minutes, Screens.WaitMinutes(waitS));
        }

        [TestMethod]
        [DataRow(0, "idle")]
        [DataRow(1, "sending")]
        [DataRow(2, "offline")]
        [DataRow(3, "queued")]
        [DataRow(4, "assigned")]
        [DataRow(5, "done")]
        [DataRow(6, "cancelled")]
        [DataRow(7, "expired")]
        [DataRow(8, "unstaffed")]
        [DataRow(9, "rejected")]
        public void State_names_map_both_ways(int value, string name)
        {
            HelpPointState state;
            Assert.AreEqual(name, HelpPointStates.ToName((HelpPointState)value));
            Assert.IsTrue(HelpPointStates.TryParse(name, out state));
            Assert.AreEqual(value, (int)state);
        }
    }
}
