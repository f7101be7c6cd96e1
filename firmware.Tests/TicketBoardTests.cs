#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using HelpPoint.Core;

namespace HelpPoint.Firmware.Tests
{
    /// <summary>The ticket display device: session, board topic, heartbeat, offline indicator.</summary>
    [TestClass]
    public class TicketBoardTests
    {
        private const string BoardTopic = "helppoint/v1/kista/board";
        private const string StatusTopic = "helppoint/v1/kista/kista-board-1/status";

        private sealed class Rig
        {
            public readonly FakeClock Clock = new FakeClock(1000);
            public readonly FakeMqttConnection Mqtt = new FakeMqttConnection();
            public readonly RecordingBoardDisplay Display = new RecordingBoardDisplay();
            public readonly TicketBoard Board;

            public Rig()
            {
                var settings = new TicketBoardSettings { Branch = "kista", DeviceId = "kista-board-1", Secret = "b0ard", Language = "sv" };
                Board = new TicketBoard(settings, Clock, Display, Mqtt, FixedRandom.Lowest(), new FakeMetrics());
            }

            public void Advance(long ms)
            {
                Clock.Advance(ms);
                Board.Tick();
            }
        }

        [TestMethod]
        public void Board_connects_with_last_will_and_subscribes_to_its_branch_board()
        {
            var rig = new Rig();
            rig.Board.Tick();

            Assert.IsTrue(rig.Board.Connected);
            Assert.AreEqual("kista-board-1", rig.Mqtt.User);
            Assert.AreEqual("b0ard", rig.Mqtt.Password);
            Assert.AreEqual(StatusTopic, rig.Mqtt.WillTopic);
            Assert.IsTrue(rig.Mqtt.WillRetain);
            var topics = (string[])rig.Mqtt.Subscriptions[0];
            Assert.AreEqual(1, topics.Length);
            Assert.AreEqual(BoardTopic, topics[0]);
            Assert.IsTrue(rig.Mqtt.LastTo(StatusTopic).Retain);
        }

        [TestMethod]
        public void Board_message_is_shown()
        {
            var rig = new Rig();
            rig.Board.Tick();

            rig.Mqtt.Deliver(BoardTopic, DeviceFixture.Json("{'staffed':true,'serving':[{'ticket':'15','host':'Sara'}],'waiting':['16','17'],'waitS':300}"), true);
            rig.Board.Tick();

            Assert.AreEqual("IT-hjälp|Nu hjälps|15  Sara|Väntar|16  17|Väntetid ca 5 min", rig.Display.Joined());
        }

        [TestMethod]
        public void Garbage_on_the_board_topic_keeps_the_last_good_queue()
        {
            var rig = new Rig();
            rig.Board.Tick();
            rig.Mqtt.Deliver(BoardTopic, DeviceFixture.Json("{'staffed':true,'serving':[],'waiting':['16'],'waitS':60}"), true);
            rig.Board.Tick();

            rig.Mqtt.Deliver(BoardTopic, "{\"staffed\":", false);
            rig.Board.Tick();

            Assert.AreEqual("16", rig.Board.Message.Waiting[0]);
        }

        [TestMethod]
        public void Offline_indicator_appears_only_after_thirty_seconds_without_the_broker()
        {
            var rig = new Rig();
            rig.Board.Tick();
            rig.Mqtt.Deliver(BoardTopic, DeviceFixture.Json("{'staffed':true,'serving':[],'waiting':['16'],'waitS':60}"), true);
            rig.Board.Tick();

            rig.Mqtt.BrokerReachable = false;
            rig.Mqtt.Drop();
            rig.Advance(30000);
            Assert.IsFalse(rig.Display.Last.Offline);
            rig.Advance(1);
            Assert.IsTrue(rig.Display.Last.Offline);
            Assert.AreEqual("16", rig.Display.Last.Lines[2]);

            // The broker returns: the indicator goes at the next successful connect.
            rig.Mqtt.BrokerReachable = true;
            for (int i = 0; i < 70 && !rig.Board.Connected; i++)
            {
                rig.Advance(1000);
            }

            Assert.IsTrue(rig.Board.Connected);
            Assert.IsFalse(rig.Display.Last.Offline);
        }

        [TestMethod]
        public void Board_that_never_reaches_the_broker_says_offline_after_thirty_seconds()
        {
            var rig = new Rig();
            rig.Mqtt.BrokerReachable = false;
            rig.Board.Tick();
            Assert.AreEqual("IT-hjälp|Väntar på kön ...", rig.Display.Joined());

            for (int i = 0; i < 31; i++)
            {
                rig.Advance(1000);
            }

            Assert.IsTrue(rig.Display.Last.Offline);
        }

        [TestMethod]
        public void Reconnect_backs_off_from_one_second_to_a_minute()
        {
            var rig = new Rig();
            rig.Mqtt.BrokerReachable = false;
            rig.Board.Tick();
            int[] expectedGaps = new int[] { 1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000 };
            for (int i = 0; i < expectedGaps.Length; i++)
            {
                int before = rig.Mqtt.ConnectAttempts;
                rig.Advance(expectedGaps[i] - 1);
                Assert.AreEqual(before, rig.Mqtt.ConnectAttempts, "too early at attempt " + i.ToString());
                rig.Advance(1);
                Assert.AreEqual(before + 1, rig.Mqtt.ConnectAttempts, "late at attempt " + i.ToString());
            }
        }

        [TestMethod]
        public void Heartbeat_is_retained_every_minute_and_shutdown_says_offline()
        {
            var rig = new Rig();
            rig.Board.Tick();
            rig.Advance(60000);

            Assert.AreEqual(2, rig.Mqtt.PublishedTo(StatusTopic).Count);
            rig.Board.Shutdown();
            Assert.AreEqual("{\"online\":false}", rig.Mqtt.LastTo(StatusTopic).Text);
            Assert.IsFalse(rig.Mqtt.IsConnected);
        }

        [TestMethod]
        public void Idle_board_is_not_redrawn_on_every_tick()
        {
            var rig = new Rig();
            rig.Board.Tick();
            int draws = rig.Display.ShowCount;

            for (int i = 0; i < 100; i++)
            {
                rig.Advance(100);
            }

            Assert.AreEqual(draws, rig.Display.ShowCount);
        }
    }
}
