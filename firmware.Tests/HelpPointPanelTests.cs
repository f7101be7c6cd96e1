#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using HelpPoint.Core;

namespace HelpPoint.Firmware.Tests
{
    /// <summary>The help point's buttons, from GPIO edges to what the device does.</summary>
    [TestClass]
    public class HelpPointPanelTests
    {
        private const int LanguageButton = 7;
        private const string Done = "{'id':'kista-hp-1-000001','ticket':'17','state':'done','position':null,'waitS':null,'host':'Sara'}";
        private const string Queued = "{'id':'kista-hp-1-000001','ticket':'17','state':'queued','position':2,'waitS':240,'host':null}";

        private sealed class Rig
        {
            public readonly DeviceFixture F = DeviceFixture.Connected();
            public readonly ButtonInput Input = new ButtonInput(8);
            public readonly HelpPointPanel Panel;

            public Rig()
            {
                Panel = new HelpPointPanel(F.Device, Input, Categories.All);
            }

            // One app-loop iteration: panel first, then the device.
            public void Loop(long ms)
            {
                F.Clock.Advance(ms);
                Panel.Poll(F.Clock.NowMs);
                F.Device.Tick();
            }

            public void Click(int button)
            {
                Input.Edge(button, true, F.Clock.NowMs);
                Loop(100);
                Input.Edge(button, false, F.Clock.NowMs);
                Loop(100);
            }

            public void Hold(int button, long ms)
            {
                Input.Edge(button, true, F.Clock.NowMs);
                for (long t = 0; t < ms; t += 100)
                {
                    Loop(100);
                }

                Input.Edge(button, false, F.Clock.NowMs);
                Loop(100);
            }
        }

        [TestMethod]
        public void Click_on_a_category_button_sends_that_category()
        {
            var rig = new Rig();

            rig.Click(2);

            Assert.AreEqual("{\"id\":\"kista-hp-1-000001\",\"category\":\"print\",\"ageMs\":0}", rig.F.LastPublished("request"));
        }

        [TestMethod]
        public void Child_pressing_fifty_times_makes_one_ticket()
        {
            var rig = new Rig();

            for (int i = 0; i < 50; i++)
            {
                rig.Click(i % 7);
                if (i == 3)
                {
                    rig.F.Ticket(Queued);
                }
            }

            Assert.AreEqual(1, rig.F.PublishedCount("request"));
            Assert.AreEqual("kista-hp-1-000001", rig.F.Snapshot.RequestId);
            Assert.AreEqual("17", rig.F.Snapshot.Ticket);
            Assert.AreEqual("1", rig.F.Storage.ReadText(RequestSequence.FileName));
            Assert.AreEqual("Nummer 17", rig.F.Display.Last.Lines[0]);
        }

        [TestMethod]
        public void Fifty_bouncy_presses_offline_keep_one_saved_request()
        {
            var rig = new Rig();
            rig.F.Mqtt.Drop();
            rig.F.Mqtt.BrokerReachable = false;
            for (int i = 0; i < 50; i++)
            {
                long t = rig.F.Clock.NowMs;
                rig.Input.Edge(0, true, t);
                rig.Input.Edge(0, false, t + 2);
                rig.Input.Edge(0, true, t + 4);
                rig.Loop(80);
                rig.Input.Edge(0, false, rig.F.Clock.NowMs);
                rig.Loop(80);
            }

            Assert.AreEqual("offline", rig.F.Snapshot.StateName);
            Assert.AreEqual(1, rig.F.Outbox.Count);
            Assert.AreEqual("1", rig.F.Storage.ReadText(RequestSequence.FileName));
        }

        [TestMethod]
        public void Two_buttons_at_once_make_one_request_for_the_first_released()
        {
            var rig = new Rig();
            long t = rig.F.Clock.NowMs;

            rig.Input.Edge(4, true, t);
            rig.Input.Edge(1, true, t + 5);
            rig.Input.Edge(1, false, t + 150);
            rig.Input.Edge(4, false, t + 160);
            rig.Loop(300);

            Assert.AreEqual(1, rig.F.PublishedCount("request"));
            Assert.AreEqual("{\"id\":\"kista-hp-1-000001\",\"category\":\"swish\",\"ageMs\":0}", rig.F.LastPublished("request"));
        }

        [TestMethod]
        public void Long_press_on_any_button_cancels_the_request()
        {
            var rig = new Rig();
            rig.Click(0);
            rig.F.Ticket(Queued);

            rig.Hold(5, 2000);

            Assert.AreEqual("cancelled", rig.F.Snapshot.StateName);
            Assert.AreEqual("{\"id\":\"kista-hp-1-000001\"}", rig.F.LastPublished("cancel"));

            // The release after the long press is not a click: no new request starts.
            Assert.AreEqual(1, rig.F.PublishedCount("request"));
        }

        [TestMethod]
        public void Long_press_on_the_language_button_cancels_too()
        {
            var rig = new Rig();
            rig.Click(0);

            rig.Hold(LanguageButton, 1600);

            Assert.AreEqual("cancelled", rig.F.Snapshot.StateName);
        }

        [TestMethod]
        public void Long_press_while_idle_does_nothing()
        {
            var rig = new Rig();

            rig.Hold(3, 2000);

            Assert.AreEqual("idle", rig.F.Snapshot.StateName);
            Assert.AreEqual(0, rig.F.PublishedCount("request"));
            Assert.AreEqual(0, rig.F.PublishedCount("cancel"));
        }

        [TestMethod]
        public void Language_button_cycles_through_the_branch_languages_and_the_press_carries_it()
        {
            var rig = new Rig();
            rig.F.Config("{'languages':['sv','en','ar'],'categories':['bankid','swish','print','email','phone','forms','other']}");

            rig.Click(LanguageButton);
            Assert.AreEqual("sv", rig.F.Snapshot.SelectedLanguage);
            rig.Click(LanguageButton);
            Assert.AreEqual("en", rig.F.Snapshot.SelectedLanguage);
            Assert.AreEqual("Language: English", rig.F.Display.Last.Lines[rig.F.Display.Last.Lines.Length - 1]);
            rig.Click(LanguageButton);
            Assert.AreEqual("ar", rig.F.Snapshot.SelectedLanguage);
            Assert.AreEqual("Språk: arabiska", rig.F.Display.Last.Lines[rig.F.Display.Last.Lines.Length - 1]);
            rig.Click(LanguageButton);
            Assert.AreEqual("sv", rig.F.Snapshot.SelectedLanguage);
            rig.Click(LanguageButton);
            rig.Click(LanguageButton);

            rig.Click(1);

            Assert.AreEqual("{\"id\":\"kista-hp-1-000001\",\"category\":\"swish\",\"lang\":\"ar\",\"ageMs\":0}", rig.F.LastPublished("request"));
        }

        [TestMethod]
        public void Language_follows_a_new_config()
        {
            var rig = new Rig();
            rig.F.Config("{'languages':['so','ti'],'categories':['bankid']}");

            rig.Click(LanguageButton);
            Assert.AreEqual("so", rig.F.Snapshot.SelectedLanguage);
            rig.Click(LanguageButton);
            Assert.AreEqual("ti", rig.F.Snapshot.SelectedLanguage);
            rig.Click(LanguageButton);
            Assert.AreEqual("so", rig.F.Snapshot.SelectedLanguage);
        }

        [TestMethod]
        public void Picked_language_is_forgotten_after_a_minute_without_a_press()
        {
            var rig = new Rig();
            rig.Click(LanguageButton);
            Assert.AreEqual("sv", rig.F.Snapshot.SelectedLanguage);

            for (int i = 0; i < 610; i++)
            {
                rig.Loop(100);
            }

            Assert.IsNull(rig.F.Snapshot.SelectedLanguage);
        }

        [TestMethod]
        public void Language_button_is_ignored_while_a_request_is_alive()
        {
            var rig = new Rig();
            rig.Click(0);

            rig.Click(LanguageButton);

            Assert.IsNull(rig.F.Snapshot.SelectedLanguage);
            Assert.IsNull(rig.F.Device.CycleLanguage());
        }

        [TestMethod]
        public void After_done_the_first_three_buttons_give_feedback_once()
        {
            var rig = new Rig();
            rig.Click(0);
            rig.F.Ticket(Done);
            rig.Loop(100);
            Assert.AreEqual(FeedbackPrompt.Open, rig.F.Snapshot.Feedback);

            rig.Click(0);

            Assert.AreEqual("{\"id\":\"kista-hp-1-000001\",\"score\":3}", rig.F.LastPublished("feedback"));
            Assert.AreEqual(FeedbackPrompt.Given, rig.F.Snapshot.Feedback);
            Assert.AreEqual("Tack för ditt svar!", rig.F.Display.Last.Lines[rig.F.Display.Last.Lines.Length - 1]);

            // The next click is a new request, not a second rating.
            rig.Click(2);
            Assert.AreEqual(1, rig.F.PublishedCount("feedback"));
            Assert.AreEqual(2, rig.F.PublishedCount("request"));
        }

        [TestMethod]
        [DataRow(0, 3)]
        [DataRow(1, 2)]
        [DataRow(2, 1)]
        public void Feedback_buttons_map_to_happy_neutral_unhappy(int button, int score)
        {
            var rig = new Rig();
            rig.Click(6);
            rig.F.Ticket(Done);

            rig.Click(button);

            Assert.AreEqual("{\"id\":\"kista-hp-1-000001\",\"score\":" + score.ToString() + "}", rig.F.LastPublished("feedback"));
        }

        [TestMethod]
        public void Other_category_buttons_after_done_start_a_new_request()
        {
            var rig = new Rig();
            rig.Click(0);
            rig.F.Ticket(Done);

            rig.Click(4);

            Assert.AreEqual(0, rig.F.PublishedCount("feedback"));
            Assert.AreEqual("{\"id\":\"kista-hp-1-000002\",\"category\":\"phone\",\"ageMs\":0}", rig.F.LastPublished("request"));
        }

        [TestMethod]
        public void Panel_needs_one_button_per_category_plus_language()
        {
            DeviceFixture f = DeviceFixture.Create();

            Expect.Throws(typeof(System.ArgumentException), delegate { new HelpPointPanel(f.Device, new ButtonInput(7), Categories.All); });
        }
    }
}
