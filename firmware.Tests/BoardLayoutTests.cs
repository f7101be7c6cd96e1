#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Text;
using HelpPoint.Core;

namespace HelpPoint.Firmware.Tests
{
    /// <summary>The ticket board's layout: serving, waiting, long queues summarised, offline indicator.</summary>
    [TestClass]
    public class BoardLayoutTests
    {
        private const int Columns = 17;
        private const int Rows = 10;

        /// <summary>The lines joined with '|'.</summary>
        public static string Joined(BoardScreen screen)
        {
            string result = string.Empty;
            for (int i = 0; i < screen.Lines.Length; i++)
            {
                result = i == 0 ? screen.Lines[i] : result + "|" + screen.Lines[i];
            }

            return result;
        }

        private static BoardMessage Board(string singleQuoted)
        {
            BoardMessage message = ProtocolCodec.DecodeBoard(Encoding.UTF8.GetBytes(DeviceFixture.Json(singleQuoted)));
            Assert.IsNotNull(message);
            return message;
        }

        private static BoardMessage Queue(int serving, int waiting)
        {
            var tickets = new string[serving];
            var hosts = new string[serving];
            for (int i = 0; i < serving; i++)
            {
                tickets[i] = (10 + i).ToString();
                hosts[i] = "Host" + i.ToString();
            }

            var queue = new string[waiting];
            for (int i = 0; i < waiting; i++)
            {
                queue[i] = (100 + i).ToString();
            }

            return new BoardMessage(true, tickets, hosts, queue, 300);
        }

        private static void AssertFits(BoardScreen screen, int columns, int rows)
        {
            Assert.IsTrue(screen.Lines.Length <= rows, "rows: " + screen.Lines.Length.ToString());
            Assert.AreEqual(screen.Lines.Length, screen.Kinds.Length);
            for (int i = 0; i < screen.Lines.Length; i++)
            {
                Assert.IsTrue(screen.Lines[i].Length <= columns, "'" + screen.Lines[i] + "' is too wide");
            }
        }

        private static int SummaryOf(BoardScreen screen, BoardLineKind kind)
        {
            for (int i = screen.Lines.Length - 1; i >= 0; i--)
            {
                if (screen.Kinds[i] != kind)
                {
                    continue;
                }

                string line = screen.Lines[i];
                int plus = line.LastIndexOf('+');
                return plus < 0 ? 0 : int.Parse(line.Substring(plus + 1));
            }

            return 0;
        }

        [TestMethod]
        public void Busy_branch_shows_who_is_served_who_waits_and_the_wait()
        {
            BoardScreen screen = BoardLayout.Build(Board("{'staffed':true,'serving':[{'ticket':'15','host':'Sara'}],'waiting':['16','17'],'waitS':300}"), false, "sv", Columns, Rows);

            Assert.AreEqual("IT-hjälp|Nu hjälps|15  Sara|Väntar|16  17|Väntetid ca 5 min", Joined(screen));
            Assert.AreEqual((int)BoardLineKind.Title, (int)screen.Kinds[0]);
            Assert.AreEqual((int)BoardLineKind.Serving, (int)screen.Kinds[2]);
            Assert.AreEqual((int)BoardLineKind.Waiting, (int)screen.Kinds[4]);
            Assert.IsFalse(screen.Offline);
        }

        [TestMethod]
        public void Quiet_branch_says_nobody_waits_in_english()
        {
            BoardScreen screen = BoardLayout.Build(Board("{'staffed':true,'serving':[],'waiting':[],'waitS':0}"), false, "en", Columns, Rows);

            Assert.AreEqual("IT help|Waiting|Nobody waiting|Wait about 1 min", Joined(screen));
        }

        [TestMethod]
        public void Nobody_on_duty_sends_visitors_to_the_desk()
        {
            BoardScreen screen = BoardLayout.Build(Board("{'staffed':false,'serving':[],'waiting':[],'waitS':null}"), false, "sv", Columns, Rows);

            Assert.AreEqual("IT-hjälp|Ingen IT-värd|just nu|Fråga i|informationen", Joined(screen));
        }

        [TestMethod]
        public void Before_the_first_message_the_board_says_it_waits()
        {
            Assert.AreEqual("IT help|Waiting for the|queue ...", Joined(BoardLayout.Build(null, false, "en", Columns, Rows)));
        }

        [TestMethod]
        public void Long_queue_is_summarised_with_a_plus_count_and_nothing_is_lost()
        {
            BoardScreen screen = BoardLayout.Build(Queue(1, 40), false, "sv", Columns, Rows);

            AssertFits(screen, Columns, Rows);
            int shown = BoardLayout.ShownTickets(screen);
            int summarised = SummaryOf(screen, BoardLineKind.Waiting);
            Assert.IsTrue(summarised > 0);
            Assert.AreEqual(40, shown + summarised);
            Assert.AreEqual("Väntetid ca 5 min", screen.Lines[screen.Lines.Length - 1]);
        }

        [TestMethod]
        public void Many_served_at_once_are_summarised_too()
        {
            BoardScreen screen = BoardLayout.Build(Queue(6, 2), false, "en", Columns, Rows);

            AssertFits(screen, Columns, Rows);
            Assert.AreEqual("10  Host0", screen.Lines[2]);
            Assert.AreEqual("11  Host1", screen.Lines[3]);
            Assert.AreEqual("+4", screen.Lines[4]);
            Assert.AreEqual("100  101", screen.Lines[6]);
        }

        [TestMethod]
        public void Every_queue_size_fits_every_board_size_and_counts_add_up()
        {
            int[] columns = new int[] { 12, 17, 21, 26 };
            int[] rows = new int[] { 6, 8, 10, 15 };
            for (int c = 0; c < columns.Length; c++)
            {
                for (int r = 0; r < rows.Length; r++)
                {
                    for (int serving = 0; serving <= 6; serving++)
                    {
                        for (int waiting = 0; waiting <= 120; waiting += 7)
                        {
                            for (int offline = 0; offline <= 1; offline++)
                            {
                                BoardScreen screen = BoardLayout.Build(Queue(serving, waiting), offline == 1, "sv", columns[c], rows[r]);
                                AssertFits(screen, columns[c], rows[r]);
                                if (waiting > 0)
                                {
                                    Assert.AreEqual(waiting, BoardLayout.ShownTickets(screen) + SummaryOf(screen, BoardLineKind.Waiting),
                                        columns[c].ToString() + "x" + rows[r].ToString() + " " + serving.ToString() + "/" + waiting.ToString());
                                }

                                if (offline == 1)
                                {
                                    Assert.AreEqual((int)BoardLineKind.Offline, (int)screen.Kinds[screen.Kinds.Length - 1]);
                                }
                            }
                        }
                    }
                }
            }
        }

        [TestMethod]
        public void Long_host_names_are_cut_to_the_line()
        {
            BoardScreen screen = BoardLayout.Build(Board("{'staffed':true,'serving':[{'ticket':'15','host':'Anna-Karin Lindqvist-Johansson'}],'waiting':[],'waitS':60}"), false, "sv", Columns, Rows);

            Assert.AreEqual("15  Anna-Karin Li", screen.Lines[2]);
        }

        [TestMethod]
        public void Offline_indicator_takes_the_last_line()
        {
            BoardScreen screen = BoardLayout.Build(Queue(1, 3), true, "en", Columns, Rows);

            Assert.IsTrue(screen.Offline);
            Assert.AreEqual("OFFLINE - last kn", screen.Lines[screen.Lines.Length - 1]);
            Assert.AreEqual("100  101  102", screen.Lines[4]);
        }

        [TestMethod]
        public void Board_message_is_read_tolerantly()
        {
            BoardMessage m = Board("{'waitS':120,'waiting':['16',17,null,'18'],'serving':[{'host':'Sara','ticket':'15'},{'host':'Ali'},7],'staffed':true,'extra':[1]}");

            Assert.IsTrue(m.Staffed);
            Assert.AreEqual(1, m.ServingTickets.Length);
            Assert.AreEqual("Sara", m.ServingHosts[0]);
            Assert.AreEqual(3, m.Waiting.Length);
            Assert.AreEqual("17", m.Waiting[1]);
            Assert.AreEqual(120, m.WaitS);
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("{'serving':[],'waiting':[]}")]
        [DataRow("{'staffed':'yes'}")]
        [DataRow("[true]")]
        [DataRow("{'staffed':true,")]
        public void Garbage_board_message_is_refused(string text)
        {
            Assert.IsNull(ProtocolCodec.DecodeBoard(Encoding.UTF8.GetBytes(DeviceFixture.Json(text))));
        }
    }
}
