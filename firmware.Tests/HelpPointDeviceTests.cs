#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using HelpPoint.Core;

namespace HelpPoint.Firmware.Tests
{
    [TestClass]
    public class HelpPointDeviceTests
    {
        private const string Queued = "{'id':'kista-hp-1-000001','ticket':'17','state':'queued','position':2,'waitS':240,'host':null}";
        private const string Assigned = "{'id':'kista-hp-1-000001','ticket':'17','state':'assigned','position':null,'waitS':null,'host':'Sara'}";
        private const string Done = "{'id':'kista-hp-1-000001','ticket':'17','state':'done','position':null,'waitS':null,'host':'Sara'}";

        [TestMethod]
        public void Idle_screen_invites_a_press_in_the_default_language()
        {
            DeviceFixture f = DeviceFixture.Connected();

            Assert.AreEqual("idle", f.Display.Last.StateName);
            Assert.AreEqual("IT-hjälp||Tryck på en knapp för|hjälp", DeviceFixture.Joined(f.Display.Last));
            Assert.IsTrue(f.Display.Last.Online);
        }

        [TestMethod]
        public void Press_publishes_the_request_with_the_exact_payload()
        {
            DeviceFixture f = DeviceFixture.Connected();

            Assert.IsTrue(f.Device.Press(Category.BankId, "sv"));
            f.Advance(850);

            PublishedMessage request = f.Mqtt.LastTo(DeviceFixture.Topic("request"));
            Assert.IsNotNull(request);
            Assert.AreEqual("{\"id\":\"kista-hp-1-000001\",\"category\":\"bankid\",\"lang\":\"sv\",\"ageMs\":850}", request.Text);
            Assert.IsFalse(request.Retain);
        }

        [TestMethod]
        public void Press_without_language_sends_no_lang()
        {
            DeviceFixture f = DeviceFixture.Connected();

            f.PressAndSend(Category.Print, null);

            Assert.AreEqual("{\"id\":\"kista-hp-1-000001\",\"category\":\"print\",\"ageMs\":0}", f.LastPublished("request"));
        }

        [TestMethod]
        public void Press_shows_sending_until_the_ticket_arrives()
        {
            DeviceFixture f = DeviceFixture.Connected();

            f.PressAndSend(Category.BankId, "sv");

            Assert.AreEqual("sending", f.Snapshot.StateName);
            Assert.AreEqual("sending", f.Display.Last.StateName);
            Assert.AreEqual("kista-hp-1-000001", f.Snapshot.RequestId);
        }

        [TestMethod]
        public void Second_press_while_queued_shows_the_same_ticket()
        {
            DeviceFixture f = DeviceFixture.Connected();
            f.PressAndSend(Category.BankId, "sv");
            f.Ticket(Queued);

            bool created = f.Device.Press(Category.Print, "en");
            f.Tick();

            Assert.IsFalse(created);
            Assert.AreEqual("queued", f.Snapshot.StateName);
            Assert.AreEqual("17", f.Snapshot.Ticket);
            Assert.AreEqual("kista-hp-1-000001", f.Snapshot.RequestId);
            Assert.AreEqual("Nummer 17||Plats 2 i kön|ca 4 min", DeviceFixture.Joined(f.Display.Last));
            Assert.AreEqual(1, f.PublishedCount("request"));
            Assert.AreEqual("1", f.Storage.ReadText(RequestSequence.FileName));
        }

        [TestMethod]
        public void Second_press_while_sending_or_assigned_makes_no_second_request()
        {
            DeviceFixture f = DeviceFixture.Connected();
            f.PressAndSend(Category.BankId, "sv");

            Assert.IsFalse(f.PressAndSend(Category.Swish, "sv"));
            f.Ticket(Assigned);
            Assert.IsFalse(f.PressAndSend(Category.Swish, "sv"));

            Assert.AreEqual(1, f.PublishedCount("request"));
            Assert.AreEqual("assigned", f.Snapshot.StateName);
        }

        [TestMethod]
        public void Second_press_while_offline_keeps_the_one_saved_request()
        {
            DeviceFixture f = DeviceFixture.Create();
            f.Mqtt.BrokerReachable = false;
            f.Tick();

            Assert.IsTrue(f.Device.Press(Category.BankId, "sv"));
            Assert.IsFalse(f.Device.Press(Category.Email, "sv"));

            Assert.AreEqual(1, f.Snapshot.Pending);
            Assert.AreEqual("offline", f.Snapshot.StateName);
        }

        [TestMethod]
        public void Press_while_offline_is_saved_and_sent_with_its_age_when_the_connection_returns()
        {
            DeviceFixture f = DeviceFixture.Create();
            f.Mqtt.BrokerReachable = false;
            f.Tick();                       // attempt 1 fails; next in 1 s
            f.Device.Press(Category.Swish, "ar");
            f.Tick();

            Assert.AreEqual("offline", f.Display.Last.StateName);
            Assert.AreEqual("Sparad — skickas när|nätet är tillbaka", DeviceFixture.Joined(f.Display.Last));

            f.Advance(1000);                // attempt 2 fails; next in 2 s
            f.Advance(2000);                // attempt 3 fails; next in 4 s
            f.Mqtt.BrokerReachable = true;
            f.Advance(3999);
            Assert.AreEqual(0, f.PublishedCount("request"));
            f.Advance(1);                   // attempt 4 connects and sends

            Assert.AreEqual("{\"id\":\"kista-hp-1-000001\",\"category\":\"swish\",\"lang\":\"ar\",\"ageMs\":7000}", f.LastPublished("request"));
            Assert.AreEqual("sending", f.Snapshot.StateName);
            Assert.AreEqual(0, f.Snapshot.Pending);
        }

        [TestMethod]
        [DataRow("{'id':'kista-hp-1-000001','ticket':'17','state':'queued','position':2,'waitS':240,'host':null}", "queued", "Nummer 17||Plats 2 i kön|ca 4 min")]
        [DataRow("{'id':'kista-hp-1-000001','ticket':'17','state':'queued','position':1,'waitS':60,'host':null}", "queued", "Nummer 17||Du är näst på tur|ca 1 min")]
        [DataRow("{'id':'kista-hp-1-000001','ticket':'17','state':'assigned','position':null,'waitS':null,'host':'Sara'}", "assigned", "Nummer 17||Sara är på väg")]
        [DataRow("{'id':'kista-hp-1-000001','ticket':'17','state':'done','position':null,'waitS':null,'host':'Sara'}", "done", "Nummer 17||Klart — tack för|besöket!|Hur gick det? Tryck|1=bra 2=okej 3=dåligt")]
        [DataRow("{'id':'kista-hp-1-000001','ticket':'17','state':'cancelled','position':null,'waitS':null,'host':null}", "cancelled", "Nummer 17||Din fråga är avbruten")]
        [DataRow("{'id':'kista-hp-1-000001','ticket':'17','state':'expired','position':null,'waitS':null,'host':null}", "expired", "Nummer 17||Ingen hann hjälpa dig|— fråga i|informationsdisken")]
        [DataRow("{'id':'kista-hp-1-000001','ticket':'17','state':'unstaffed','position':null,'waitS':null,'host':null}", "unstaffed", "Nummer 17||Ingen IT-värd just nu|— fråga i|informationsdisken")]
        [DataRow("{'id':'kista-hp-1-000001','ticket':null,'state':'rejected','position':null,'waitS':null,'host':null,'reason':'unknown category'}", "rejected", "Något gick fel —|fråga i|informationsdisken")]
        public void Ticket_in_each_state_shows_its_screen_in_swedish(string ticket, string state, string lines)
        {
            DeviceFixture f = DeviceFixture.Connected();
            f.PressAndSend(Category.BankId, "sv");

            f.Ticket(ticket);
            f.Tick();

            Assert.AreEqual(state, f.Snapshot.StateName);
            Assert.AreEqual(state, f.Display.Last.StateName);
            Assert.AreEqual(lines, DeviceFixture.Joined(f.Display.Last));
        }

        [TestMethod]
        [DataRow("{'id':'kista-hp-1-000001','ticket':'17','state':'queued','position':2,'waitS':240,'host':null}", "queued", "Number 17||Place 2 in the queue|about 4 min")]
        [DataRow("{'id':'kista-hp-1-000001','ticket':'17','state':'assigned','position':null,'waitS':null,'host':'Sara'}", "assigned", "Number 17||Sara is on the way")]
        [DataRow("{'id':'kista-hp-1-000001','ticket':'17','state':'done','position':null,'waitS':null,'host':'Sara'}", "done", "Number 17||Done — thank you for|coming!|How did it go? Press|1=good 2=okay 3=bad")]
        [DataRow("{'id':'kista-hp-1-000001','ticket':'17','state':'cancelled','position':null,'waitS':null,'host':null}", "cancelled", "Number 17||Your request is|cancelled")]
        [DataRow("{'id':'kista-hp-1-000001','ticket':'17','state':'expired','position':null,'waitS':null,'host':null}", "expired", "Number 17||Nobody could help in|time — please ask at|the information desk")]
        [DataRow("{'id':'kista-hp-1-000001','ticket':'17','state':'unstaffed','position':null,'waitS':null,'host':null}", "unstaffed", "Number 17||No IT-host right now|— please ask at the|information desk")]
        [DataRow("{'id':'kista-hp-1-000001','ticket':null,'state':'rejected','position':null,'waitS':null,'host':null,'reason':'unknown category'}", "rejected", "Something went wrong|— please ask at the|information desk")]
        public void Ticket_in_each_state_shows_its_screen_in_english(string ticket, string state, string lines)
        {
            DeviceFixture f = DeviceFixture.Connected();
            f.PressAndSend(Category.BankId, "en");

            f.Ticket(ticket);
            f.Tick();

            Assert.AreEqual(state, f.Snapshot.StateName);
            Assert.AreEqual(lines, DeviceFixture.Joined(f.Display.Last));
            Assert.AreEqual("en", f.Display.Last.Language);
        }

        [TestMethod]
        public void Ticket_details_are_in_the_snapshot()
        {
            DeviceFixture f = DeviceFixture.Connected();
            f.PressAndSend(Category.BankId, "sv");

            f.Ticket(Queued);
            Assert.AreEqual(2, f.Snapshot.Position);
            Assert.AreEqual(240, f.Snapshot.WaitS);

            f.Ticket(Assigned);
            Assert.AreEqual("Sara", f.Snapshot.Host);
            Assert.AreEqual(TicketMessage.None, f.Snapshot.Position);

            f.Ticket("{'id':'kista-hp-1-000001','ticket':null,'state':'rejected','position':null,'waitS':null,'host':null,'reason':'unknown category'}");
            Assert.AreEqual("unknown category", f.Snapshot.Reason);
        }

        [TestMethod]
        public void Visitor_language_without_screen_texts_shows_the_device_default()
        {
            DeviceFixture f = DeviceFixture.Connected();
            f.PressAndSend(Category.BankId, "ar");

            f.Ticket(Queued);
            f.Tick();

            Assert.AreEqual("sv", f.Display.Last.Language);
            Assert.AreEqual("Nummer 17||Plats 2 i kön|ca 4 min", DeviceFixture.Joined(f.Display.Last));
        }

        [TestMethod]
        public void Changing_the_default_language_redraws_the_idle_screen_in_it()
        {
            DeviceFixture f = DeviceFixture.Connected();
            Assert.AreEqual("sv", f.Display.Last.Language);

            f.Device.DefaultLanguage = "en";
            f.Tick();

            Assert.AreEqual("en", f.Device.DefaultLanguage);
            Assert.AreEqual("en", f.Display.Last.Language);
            Assert.AreEqual("en", f.Display.Last.DefaultLanguage);
            Assert.IsNull(f.Display.Last.VisitorLanguage);
        }

        [TestMethod]
        public void The_visitors_language_button_wins_over_a_new_default_language()
        {
            DeviceFixture f = DeviceFixture.Connected();
            f.Config("{'languages':['sv','en','ar'],'categories':['bankid','swish']}");
            f.Device.CycleLanguage();
            f.Device.CycleLanguage();
            Assert.AreEqual("en", f.Snapshot.SelectedLanguage);

            f.Device.DefaultLanguage = "ar";
            Assert.IsTrue(f.Device.Press(Category.BankId));
            f.Tick();

            Assert.AreEqual("{\"id\":\"kista-hp-1-000001\",\"category\":\"bankid\",\"lang\":\"en\",\"ageMs\":0}", f.LastPublished("request"));
            Assert.AreEqual("en", f.Display.Last.VisitorLanguage);
            Assert.AreEqual("en", f.Display.Last.Language);
        }

        [TestMethod]
        public void A_default_language_that_is_not_a_language_code_is_refused()
        {
            DeviceFixture f = DeviceFixture.Connected();

            Expect.Throws(typeof(ArgumentException), () => { f.Device.DefaultLanguage = "swedish"; });
            Expect.Throws(typeof(ArgumentException), () => { f.Device.DefaultLanguage = null; });
            Assert.AreEqual("sv", f.Device.DefaultLanguage);
        }

        [TestMethod]
        public void Ticket_for_another_request_is_ignored()
        {
            DeviceFixture f = DeviceFixture.Connected();
            f.PressAndSend(Category.BankId, "sv");

            f.Ticket("{'id':'kista-hp-1-000000','ticket':'9','state':'done','position':null,'waitS':null,'host':'Sara'}");
            f.Ticket("{'id':'other-hp-1-000001','ticket':'9','state':'queued','position':1,'waitS':0,'host':null}");

            Assert.AreEqual("sending", f.Snapshot.StateName);
            Assert.IsNull(f.Snapshot.Ticket);
        }

        [TestMethod]
        public void Garbage_on_the_ticket_topic_changes_nothing()
        {
            DeviceFixture f = DeviceFixture.Connected();
            f.PressAndSend(Category.BankId, "sv");
            f.Ticket(Queued);

            f.Mqtt.Deliver(DeviceFixture.Topic("ticket"), "{\"id\":", false);
            f.Mqtt.Deliver(DeviceFixture.Topic("ticket"), new byte[] { 0xff, 0xfe, 0x00, 0x7b }, false);
            f.Mqtt.Deliver(DeviceFixture.Topic("config"), "garbage", false);
            f.Mqtt.Deliver("helppoint/v1/kista/other/ticket", "{}", false);

            Assert.AreEqual("queued", f.Snapshot.StateName);
            Assert.AreEqual("17", f.Snapshot.Ticket);
        }

        [TestMethod]
        public void Rejection_without_id_applies_to_the_request_just_sent()
        {
            DeviceFixture f = DeviceFixture.Connected();
            f.PressAndSend(Category.BankId, "sv");

            f.Ticket("{'id':null,'ticket':null,'state':'rejected','position':null,'waitS':null,'host':null,'reason':'malformed JSON'}");

            Assert.AreEqual("rejected", f.Snapshot.StateName);
            Assert.AreEqual("malformed JSON", f.Snapshot.Reason);
        }

        [TestMethod]
        public void Replayed_rejection_without_id_does_not_hit_a_new_request()
        {
            DeviceFixture f = DeviceFixture.Connected();
            f.PressAndSend(Category.BankId, "sv");

            f.RetainedTicket("{'id':null,'ticket':null,'state':'rejected','position':null,'waitS':null,'host':null,'reason':'malformed JSON'}");

            Assert.AreEqual("sending", f.Snapshot.StateName);
        }

        [TestMethod]
        public void Rejection_without_id_does_not_hit_a_queued_request()
        {
            DeviceFixture f = DeviceFixture.Connected();
            f.PressAndSend(Category.BankId, "sv");
            f.Ticket(Queued);

            f.Ticket("{'id':null,'ticket':null,'state':'rejected','position':null,'waitS':null,'host':null,'reason':'malformed JSON'}");

            Assert.AreEqual("queued", f.Snapshot.StateName);
        }

        [TestMethod]
        public void End_state_returns_to_idle_after_the_timeout()
        {
            DeviceFixture f = DeviceFixture.Connected();
            f.PressAndSend(Category.BankId, "sv");
            f.Ticket(Done);
            f.Tick();

            f.Advance(DeviceFixture.EndScreenMs - 1);
            Assert.AreEqual("done", f.Display.Last.StateName);

            f.Advance(1);
            Assert.AreEqual("idle", f.Display.Last.StateName);
            Assert.AreEqual("idle", f.Snapshot.StateName);
            Assert.IsNull(f.Snapshot.RequestId);
            Assert.IsNull(f.Snapshot.Ticket);
        }

        [TestMethod]
        [DataRow("cancelled")]
        [DataRow("expired")]
        [DataRow("unstaffed")]
        [DataRow("rejected")]
        public void Every_end_state_returns_to_idle(string state)
        {
            DeviceFixture f = DeviceFixture.Connected();
            f.PressAndSend(Category.BankId, "sv");

            f.Ticket("{'id':'kista-hp-1-000001','ticket':'17','state':'" + state + "'}");
            f.Advance(DeviceFixture.EndScreenMs);

            Assert.AreEqual("idle", f.Snapshot.StateName);
        }

        [TestMethod]
        public void Repeated_end_state_does_not_restart_the_timeout()
        {
            DeviceFixture f = DeviceFixture.Connected();
            f.PressAndSend(Category.BankId, "sv");
            f.Ticket(Done);

            f.Advance(15000);
            f.RetainedTicket(Done);
            f.Advance(5000);

            Assert.AreEqual("idle", f.Snapshot.StateName);
        }

        [TestMethod]
        public void Press_during_an_end_state_starts_the_next_request()
        {
            DeviceFixture f = DeviceFixture.Connected();
            f.PressAndSend(Category.BankId, "sv");
            f.Ticket(Done);

            Assert.IsTrue(f.PressAndSend(Category.Phone, "so"));

            Assert.AreEqual("kista-hp-1-000002", f.Snapshot.RequestId);
            Assert.AreEqual("sending", f.Snapshot.StateName);
            Assert.AreEqual("{\"id\":\"kista-hp-1-000002\",\"category\":\"phone\",\"lang\":\"so\",\"ageMs\":0}", f.LastPublished("request"));
        }

        [TestMethod]
        public void Cancel_publishes_cancel_for_the_active_request()
        {
            DeviceFixture f = DeviceFixture.Connected();
            f.PressAndSend(Category.BankId, "sv");
            f.Ticket(Queued);

            Assert.IsTrue(f.Device.Cancel());
            f.Tick();

            Assert.AreEqual("{\"id\":\"kista-hp-1-000001\"}", f.LastPublished("cancel"));
            Assert.AreEqual("cancelled", f.Display.Last.StateName);
            Assert.AreEqual("Nummer 17||Din fråga är avbruten", DeviceFixture.Joined(f.Display.Last));
        }

        [TestMethod]
        public void Cancel_without_an_active_request_does_nothing()
        {
            DeviceFixture f = DeviceFixture.Connected();

            Assert.IsFalse(f.Device.Cancel());
            f.Tick();

            Assert.AreEqual(0, f.PublishedCount("cancel"));
            Assert.AreEqual("idle", f.Snapshot.StateName);
        }

        [TestMethod]
        public void Cancel_before_the_request_left_the_device_sends_nothing()
        {
            DeviceFixture f = DeviceFixture.Create();
            f.Mqtt.BrokerReachable = false;
            f.Tick();
            f.Device.Press(Category.BankId, "sv");

            Assert.IsTrue(f.Device.Cancel());
            f.Mqtt.BrokerReachable = true;
            f.Advance(1000);

            Assert.AreEqual(0, f.PublishedCount("request"));
            Assert.AreEqual(0, f.PublishedCount("cancel"));
            Assert.AreEqual("cancelled", f.Snapshot.StateName);
        }

        [TestMethod]
        public void Cancel_while_offline_is_sent_when_the_connection_returns()
        {
            DeviceFixture f = DeviceFixture.Connected();
            f.PressAndSend(Category.BankId, "sv");
            f.Ticket(Queued);
            f.Mqtt.BrokerReachable = false;
            f.Mqtt.Drop();

            f.Device.Cancel();
            f.Tick();
            Assert.AreEqual(0, f.PublishedCount("cancel"));

            f.Mqtt.BrokerReachable = true;
            f.Advance(1000);
            Assert.AreEqual("{\"id\":\"kista-hp-1-000001\"}", f.LastPublished("cancel"));
        }

        [TestMethod]
        public void Tickets_after_a_cancel_do_not_bring_the_request_back()
        {
            DeviceFixture f = DeviceFixture.Connected();
            f.PressAndSend(Category.BankId, "sv");
            f.Ticket(Queued);
            f.Device.Cancel();

            f.Ticket(Assigned);

            Assert.AreEqual("cancelled", f.Snapshot.StateName);
        }

        [TestMethod]
        public void Config_sets_the_categories_and_languages_offered()
        {
            DeviceFixture f = DeviceFixture.Connected();

            f.Mqtt.Deliver(DeviceFixture.Topic("config"), DeviceFixture.Json("{'languages':['sv','ar'],'categories':['bankid','swish']}"), true);

            Assert.AreEqual(2, f.Snapshot.Categories.Length);
            Assert.AreEqual("ar", f.Snapshot.Languages[1]);
            Assert.IsFalse(f.Device.Press(Category.Print, "sv"));
            Assert.IsTrue(f.Device.Press(Category.Swish, "sv"));
        }

        [TestMethod]
        public void Every_category_is_offered_until_a_config_arrives()
        {
            DeviceFixture f = DeviceFixture.Connected();

            Assert.AreEqual(7, f.Snapshot.Categories.Length);
            Assert.IsTrue(f.Device.Press(Category.Other, null));
        }

        [TestMethod]
        public void Request_without_a_ticket_is_sent_again_with_the_same_id()
        {
            DeviceFixture f = DeviceFixture.Connected();
            f.PressAndSend(Category.BankId, "sv");

            f.Advance(f.Settings.ResendAfterMs - 1);
            Assert.AreEqual(1, f.PublishedCount("request"));
            f.Advance(1);

            Assert.AreEqual(2, f.PublishedCount("request"));
            Assert.AreEqual("{\"id\":\"kista-hp-1-000001\",\"category\":\"bankid\",\"lang\":\"sv\",\"ageMs\":30000}", f.LastPublished("request"));
        }

        [TestMethod]
        public void Request_is_sent_again_after_a_reconnect_when_no_ticket_came()
        {
            DeviceFixture f = DeviceFixture.Connected();
            f.PressAndSend(Category.BankId, "sv");

            f.Mqtt.Drop();
            f.Tick();
            Assert.AreEqual("offline", f.Snapshot.StateName);
            f.Advance(1000);

            Assert.AreEqual(2, f.PublishedCount("request"));
            Assert.AreEqual("sending", f.Snapshot.StateName);
        }

        [TestMethod]
        public void Request_with_a_ticket_is_not_sent_again()
        {
            DeviceFixture f = DeviceFixture.Connected();
            f.PressAndSend(Category.BankId, "sv");
            f.Ticket(Queued);

            f.Mqtt.Drop();
            f.Advance(1000);
            f.Advance(60000);

            Assert.AreEqual(1, f.PublishedCount("request"));
            Assert.AreEqual("queued", f.Snapshot.StateName);
        }

        [TestMethod]
        public void Reboot_shows_the_active_request_again_from_the_retained_ticket()
        {
            DeviceFixture before = DeviceFixture.Connected();
            before.PressAndSend(Category.BankId, "sv");
            before.Ticket(Queued);

            DeviceFixture after = before.Reboot();
            after.Tick();
            after.RetainedTicket(Queued);
            after.Tick();

            Assert.AreEqual("queued", after.Snapshot.StateName);
            Assert.AreEqual("17", after.Snapshot.Ticket);
            Assert.AreEqual("kista-hp-1-000001", after.Snapshot.RequestId);
            Assert.IsFalse(after.Device.Press(Category.Print, "sv"));
        }

        [TestMethod]
        public void Reboot_ignores_the_retained_ticket_of_a_finished_request()
        {
            DeviceFixture before = DeviceFixture.Connected();
            before.PressAndSend(Category.BankId, "sv");
            before.Ticket(Done);

            DeviceFixture after = before.Reboot();
            after.Tick();
            after.RetainedTicket(Done);

            Assert.AreEqual("idle", after.Snapshot.StateName);
        }

        [TestMethod]
        public void Storage_failure_shows_an_error_instead_of_a_request()
        {
            DeviceFixture f = DeviceFixture.Connected();
            f.Storage.FailWrites = true;

            Assert.IsFalse(f.PressAndSend(Category.BankId, "sv"));

            Assert.AreEqual("rejected", f.Snapshot.StateName);
            Assert.AreEqual("storage error", f.Snapshot.Reason);
            Assert.AreEqual(0, f.PublishedCount("request"));
        }

        [TestMethod]
        public void Request_older_than_seven_days_is_dropped_as_expired()
        {
            DeviceFixture f = DeviceFixture.Create();
            f.Mqtt.BrokerReachable = false;
            f.Tick();
            f.Device.Press(Category.BankId, "sv");

            f.Clock.Advance(HelpPointDevice.MaxAgeMs + 1);
            f.Mqtt.BrokerReachable = true;
            f.Tick();

            Assert.AreEqual(0, f.PublishedCount("request"));
            Assert.AreEqual("expired", f.Snapshot.StateName);
        }

        [TestMethod]
        public void Display_is_redrawn_only_when_the_screen_changes()
        {
            DeviceFixture f = DeviceFixture.Connected();
            int before = f.Display.ShowCount;

            f.Advance(100);
            f.Advance(100);
            f.Advance(100);

            Assert.AreEqual(before, f.Display.ShowCount);
        }

        [TestMethod]
        public void Invalid_language_code_is_a_programming_error()
        {
            DeviceFixture f = DeviceFixture.Connected();

            Expect.Throws(typeof(ArgumentException), delegate { f.Device.Press(Category.BankId, "swedish"); });
        }

        [TestMethod]
        public void Settings_with_an_invalid_branch_are_refused()
        {
            var settings = new HelpPointSettings { Branch = "Kista", DeviceId = "kista-hp-1", Secret = "x" };

            Expect.Throws(typeof(ArgumentException), delegate
            {
                new HelpPointDevice(settings, new FakeClock(0), new MemoryStorage(), new RecordingDisplay(),
                    new FakeMqttConnection(), FixedRandom.Lowest(), new FakeMetrics());
            });
        }
    }
}
