#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using System.Collections;
using HelpPoint.Core;

namespace HelpPoint.Firmware.Tests
{
    /// <summary>
    /// A help point's day with the power cut at every single write step of its flash (every byte of
    /// every file write, both halves of every rename): after each cut the device boots again from
    /// what the flash holds and must lose no press it acknowledged and never reuse a request id.
    /// </summary>
    [TestClass]
    public class PowerCutTests
    {
        private const string Done = "{'id':'kista-hp-1-000001','ticket':'17','state':'done','position':null,'waitS':null,'host':'Sara'}";

        /// <summary>What one run of the day saw before the power went.</summary>
        private sealed class Run
        {
            public readonly ArrayList Acknowledged = new ArrayList();
            public readonly ArrayList CancelledByVisitor = new ArrayList();
            public readonly ArrayList Published = new ArrayList();
            public long HighestSeq;
        }

        private sealed class Rig
        {
            public readonly PowerCutStorage Storage;
            public readonly FakeClock Clock = new FakeClock(1000);
            public readonly FakeMqttConnection Mqtt = new FakeMqttConnection();
            public readonly HelpPointDevice Device;
            public readonly FileOutbox Outbox;

            public Rig(PowerCutStorage storage)
            {
                Storage = storage;
                var settings = new HelpPointSettings { Branch = "kista", DeviceId = "kista-hp-1", Secret = "s" };
                Outbox = new FileOutbox(storage, Clock, FileOutbox.DefaultCapacity);
                Device = new HelpPointDevice(settings, Clock, storage, new RecordingDisplay(), Mqtt, FixedRandom.Lowest(), new FakeMetrics(), Outbox, new RecordingSignals());
            }
        }

        // The scripted day. Returns false as soon as the power is gone.
        private static bool Day(Rig rig, Run run)
        {
            // Online: a request, its ticket, done, feedback.
            rig.Device.Tick();
            if (!Press(rig, run, Category.BankId, "sv"))
            {
                return false;
            }

            if (!Advance(rig, run, 200))
            {
                return false;
            }

            rig.Mqtt.Deliver("helppoint/v1/kista/kista-hp-1/ticket", DeviceFixture.Json(Done), false);
            rig.Device.Feedback(3);
            if (!Advance(rig, run, 21000))
            {
                return false;
            }

            // The broker goes away: one press is withdrawn by its visitor, one waits.
            rig.Mqtt.BrokerReachable = false;
            rig.Mqtt.Drop();
            if (!Advance(rig, run, 100) || !Press(rig, run, Category.Print, null))
            {
                return false;
            }

            // From the moment the visitor asks to withdraw, either outcome is right: sent and
            // cancelled, or never sent.
            run.CancelledByVisitor.Add(rig.Device.Snapshot.RequestId);
            rig.Device.Cancel();
            if (rig.Storage.IsCut)
            {
                return false;
            }

            if (!Advance(rig, run, 21000) || !Press(rig, run, Category.Swish, "ar"))
            {
                return false;
            }

            // A minute offline (the queue records its age), then the broker returns.
            for (int i = 0; i < 7; i++)
            {
                if (!Advance(rig, run, 10000))
                {
                    return false;
                }
            }

            rig.Mqtt.BrokerReachable = true;
            return Advance(rig, run, 60000) && Advance(rig, run, 100);
        }

        private static bool Press(Rig rig, Run run, Category category, string lang)
        {
            bool acknowledged = rig.Device.Press(category, lang);
            if (rig.Storage.IsCut)
            {
                return false;
            }

            if (acknowledged)
            {
                string id = rig.Device.Snapshot.RequestId;
                run.Acknowledged.Add(id);
                Note(run, id);
            }

            return true;
        }

        private static bool Advance(Rig rig, Run run, long ms)
        {
            rig.Clock.Advance(ms);
            rig.Device.Tick();
            Collect(rig.Mqtt, run);
            return !rig.Storage.IsCut;
        }

        private static void Collect(FakeMqttConnection mqtt, Run run)
        {
            ArrayList requests = mqtt.PublishedTo("helppoint/v1/kista/kista-hp-1/request");
            for (int i = 0; i < requests.Count; i++)
            {
                string id = IdOf(((PublishedMessage)requests[i]).Text);
                if (!run.Published.Contains(id))
                {
                    run.Published.Add(id);
                    Note(run, id);
                }
            }
        }

        private static void Note(Run run, string id)
        {
            long seq = SeqOf(id);
            if (seq > run.HighestSeq)
            {
                run.HighestSeq = seq;
            }
        }

        private static string IdOf(string json)
        {
            int start = json.IndexOf("\"id\":\"") + 6;
            return json.Substring(start, json.IndexOf('"', start) - start);
        }

        private static long SeqOf(string id)
        {
            return long.Parse(id.Substring(id.LastIndexOf('-') + 1));
        }

        [TestMethod]
        public void Day_without_a_power_cut_sends_every_acknowledged_press()
        {
            var rig = new Rig(new PowerCutStorage());
            var run = new Run();

            Assert.IsTrue(Day(rig, run));

            Assert.AreEqual(3, run.Acknowledged.Count);
            Assert.AreEqual(1, run.CancelledByVisitor.Count);
            Assert.AreEqual(2, run.Published.Count);
            Assert.AreEqual("kista-hp-1-000001", run.Published[0]);
            Assert.AreEqual("kista-hp-1-000003", run.Published[1]);
            Assert.AreEqual(0, rig.Outbox.Count);
            Assert.IsTrue(rig.Storage.Steps > 300, "write steps: " + rig.Storage.Steps.ToString());
        }

        [TestMethod]
        public void Power_cut_at_every_write_step_loses_no_acknowledged_press_and_repeats_no_id()
        {
            var dry = new Rig(new PowerCutStorage());
            Day(dry, new Run());
            int total = dry.Storage.Steps;

            for (int cut = 0; cut < total; cut++)
            {
                var storage = new PowerCutStorage();
                storage.CutAtStep = cut;
                var run = new Run();
                Assert.IsFalse(Day(new Rig(storage), run), "the power should have gone at step " + cut.ToString());

                // Power returns: the device boots from whatever the flash holds, with the broker up.
                storage.Restore();
                var rebooted = new Rig(storage);
                long lastSeqAfterBoot = 0;
                for (int tick = 0; tick < 5; tick++)
                {
                    rebooted.Clock.Advance(1000);
                    rebooted.Device.Tick();
                }

                ArrayList resent = rebooted.Mqtt.PublishedTo("helppoint/v1/kista/kista-hp-1/request");
                for (int i = 0; i < resent.Count; i++)
                {
                    string id = IdOf(((PublishedMessage)resent[i]).Text);
                    long seq = SeqOf(id);
                    Assert.IsTrue(seq > lastSeqAfterBoot, "step " + cut.ToString() + ": queue not sent oldest first");
                    lastSeqAfterBoot = seq;
                    if (!run.Published.Contains(id))
                    {
                        run.Published.Add(id);
                    }

                    Note(run, id);
                }

                Assert.AreEqual(0, rebooted.Outbox.Count, "step " + cut.ToString() + ": queue not drained");
                for (int i = 0; i < run.Acknowledged.Count; i++)
                {
                    string id = (string)run.Acknowledged[i];
                    Assert.IsTrue(run.Published.Contains(id) || run.CancelledByVisitor.Contains(id),
                        "step " + cut.ToString() + ": acknowledged press " + id + " was lost");
                }

                // The next press after the reboot gets a number never seen before.
                Assert.IsTrue(rebooted.Device.Press(Category.Other, null), "step " + cut.ToString() + ": cannot press after reboot");
                long next = SeqOf(rebooted.Device.Snapshot.RequestId);
                Assert.IsTrue(next > run.HighestSeq, "step " + cut.ToString() + ": id " + next.ToString() + " repeats");
            }
        }
    }
}
