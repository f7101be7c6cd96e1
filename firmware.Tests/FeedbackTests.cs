#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using HelpPoint.Core;

namespace HelpPoint.Firmware.Tests
{
    /// <summary>The one-press feedback after done: when it is asked for, what is sent, and that it survives a lost connection.</summary>
    [TestClass]
    public class FeedbackTests
    {
        private const string Done = "{'id':'kista-hp-1-000001','ticket':'17','state':'done','position':null,'waitS':null,'host':'Sara'}";
        private const string Cancelled = "{'id':'kista-hp-1-000001','ticket':'17','state':'cancelled','position':null,'waitS':null,'host':null}";

        [TestMethod]
        public void Feedback_is_asked_for_only_after_done()
        {
            DeviceFixture f = DeviceFixture.Connected();
            Assert.IsFalse(f.Device.Feedback(3), "idle");
            f.PressAndSend(Category.BankId, "sv");
            Assert.IsFalse(f.Device.Feedback(3), "sending");

            f.Ticket(Cancelled);

            Assert.IsFalse(f.Device.Feedback(3), "cancelled");
            Assert.AreEqual(0, f.PublishedCount("feedback"));
        }

        [TestMethod]
        public void Feedback_given_while_offline_is_sent_when_the_connection_returns()
        {
            DeviceFixture f = DeviceFixture.Connected();
            f.PressAndSend(Category.Print, "en");
            f.Ticket(Done);
            f.Mqtt.BrokerReachable = false;
            f.Mqtt.Drop();

            Assert.IsTrue(f.Device.Feedback(1));
            f.Tick();
            Assert.AreEqual(0, f.PublishedCount("feedback"));
            Assert.AreEqual(1, f.Outbox.Count);

            f.Mqtt.BrokerReachable = true;
            f.Advance(1000);

            Assert.AreEqual("{\"id\":\"kista-hp-1-000001\",\"score\":1}", f.LastPublished("feedback"));
            Assert.AreEqual(0, f.Outbox.Count);
        }

        [TestMethod]
        public void Feedback_prompt_ends_with_the_done_screen()
        {
            DeviceFixture f = DeviceFixture.Connected();
            f.PressAndSend(Category.Print, null);
            f.Ticket(Done);
            Assert.AreEqual((int)FeedbackPrompt.Open, (int)f.Snapshot.Feedback);

            f.Advance(DeviceFixture.EndScreenMs);

            Assert.AreEqual("idle", f.Snapshot.StateName);
            Assert.AreEqual((int)FeedbackPrompt.None, (int)f.Snapshot.Feedback);
            Assert.IsFalse(f.Device.Feedback(2));
        }

        [TestMethod]
        public void Score_outside_one_to_three_is_a_programming_error()
        {
            DeviceFixture f = DeviceFixture.Connected();

            Expect.Throws(typeof(System.ArgumentOutOfRangeException), delegate { f.Device.Feedback(0); });
            Expect.Throws(typeof(System.ArgumentOutOfRangeException), delegate { f.Device.Feedback(4); });
        }
    }
}
