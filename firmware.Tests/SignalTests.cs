#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using HelpPoint.Core;

namespace HelpPoint.Firmware.Tests
{
    /// <summary>LED and buzzer patterns: which events play what, timing, and silent mode.</summary>
    [TestClass]
    public class SignalTests
    {
        private const string Queued = "{'id':'kista-hp-1-000001','ticket':'17','state':'queued','position':2,'waitS':240,'host':null}";
        private const string Assigned = "{'id':'kista-hp-1-000001','ticket':'17','state':'assigned','position':null,'waitS':null,'host':'Sara'}";
        private const string Unstaffed = "{'id':'kista-hp-1-000001','ticket':'17','state':'unstaffed','position':null,'waitS':null,'host':null}";

        [TestMethod]
        public void Player_steps_through_a_pattern_and_ends_dark_and_quiet()
        {
            var output = new RecordingSignals();
            var player = new SignalPlayer(output, false);

            player.Play(SignalKind.Accepted, 0);
            Assert.IsTrue(output.Led);
            Assert.AreEqual(1500, output.Tone);
            player.Update(100);
            Assert.IsFalse(output.Led);
            Assert.AreEqual(0, output.Tone);
            player.Update(180);
            Assert.AreEqual(2000, output.Tone);
            player.Update(SignalPatterns.DurationMs(SignalKind.Accepted));

            Assert.IsFalse(output.Led);
            Assert.AreEqual(0, output.Tone);
            Assert.AreEqual((int)SignalKind.None, (int)player.Playing);
        }

        [TestMethod]
        public void Outputs_are_touched_only_when_a_level_changes()
        {
            var output = new RecordingSignals();
            var player = new SignalPlayer(output, false);
            player.Play(SignalKind.Problem, 0);
            int tones = output.Tones.Count;

            for (int t = 1; t < 400; t += 10)
            {
                player.Update(t);
            }

            Assert.AreEqual(tones, output.Tones.Count);
        }

        [TestMethod]
        public void Silent_mode_keeps_the_buzzer_quiet_but_blinks_the_led()
        {
            var output = new RecordingSignals();
            var player = new SignalPlayer(output, true);

            player.Play(SignalKind.OnTheWay, 0);
            for (int t = 0; t < 2000; t += 20)
            {
                player.Update(t);
            }

            Assert.AreEqual(0, output.BeepCount);
            Assert.IsTrue(output.LedOnCount >= 3);
        }

        [TestMethod]
        public void Received_accepted_and_on_the_way_can_be_told_apart_without_the_display()
        {
            // One, two and three beeps, and as many separate flashes of the LED (SRF: light and sound at each step).
            Assert.AreEqual(1, Count(SignalKind.Received, 2));
            Assert.AreEqual(2, Count(SignalKind.Accepted, 2));
            Assert.AreEqual(3, Count(SignalKind.OnTheWay, 2));
            Assert.AreEqual(1, Count(SignalKind.Received, 1));
            Assert.AreEqual(2, Count(SignalKind.Accepted, 1));
            Assert.AreEqual(3, Count(SignalKind.OnTheWay, 1));

            // "Ask at the desk" is one long low tone, unlike any of them.
            int[] problem = SignalPatterns.Steps(SignalKind.Problem);
            Assert.IsTrue(problem[0] >= 300 && problem[2] < 1000);
        }

        // Number of separate on-phases of the LED (field 1) or the buzzer (field 2) in a pattern.
        private static int Count(SignalKind kind, int field)
        {
            int[] steps = SignalPatterns.Steps(kind);
            int count = 0;
            bool on = false;
            for (int i = 0; i < steps.Length; i += 3)
            {
                bool now = steps[i + field] != 0;
                if (now && !on)
                {
                    count++;
                }

                on = now;
            }

            return count;
        }

        [TestMethod]
        public void Every_pattern_is_shorter_than_a_second_and_well_formed()
        {
            for (int kind = 1; kind <= 5; kind++)
            {
                int[] steps = SignalPatterns.Steps((SignalKind)kind);
                Assert.AreEqual(0, steps.Length % 3);
                Assert.IsTrue(steps.Length > 0);
                Assert.IsTrue(SignalPatterns.DurationMs((SignalKind)kind) <= 1000);
                Assert.AreNotEqual("none", SignalPatterns.Name((SignalKind)kind));
            }
        }

        [TestMethod]
        public void Press_plays_received_then_the_ticket_plays_accepted_then_assigned_plays_on_the_way()
        {
            DeviceFixture f = DeviceFixture.Connected();

            f.PressAndSend(Category.BankId, "sv");
            Assert.AreEqual(2000, f.Signals.Tone);
            f.Advance(1000);
            Assert.AreEqual(0, f.Signals.Tone);

            f.Ticket(Queued);
            f.Tick();
            Assert.AreEqual(1500, f.Signals.Tone);
            f.Advance(1000);

            f.Ticket(Assigned);
            f.Tick();
            Assert.AreEqual(1500, f.Signals.Tone);
            f.Advance(350);
            Assert.AreEqual(2500, f.Signals.Tone);
        }

        [TestMethod]
        public void Repeated_ticket_of_the_same_state_plays_nothing_new()
        {
            DeviceFixture f = DeviceFixture.Connected();
            f.PressAndSend(Category.BankId, "sv");
            f.Ticket(Queued);
            f.Advance(2000);
            int beeps = f.Signals.BeepCount;

            f.Ticket(Queued);
            f.Advance(100);

            Assert.AreEqual(beeps, f.Signals.BeepCount);
        }

        [TestMethod]
        public void Unstaffed_plays_the_problem_tone()
        {
            DeviceFixture f = DeviceFixture.Connected();
            f.PressAndSend(Category.BankId, "sv");
            f.Advance(1000);

            f.Ticket(Unstaffed);
            f.Tick();

            Assert.AreEqual(400, f.Signals.Tone);
        }

        [TestMethod]
        public void Silent_device_never_beeps_through_a_whole_request()
        {
            DeviceFixture silent = DeviceFixture.CreateSilent();
            silent.Tick();

            silent.PressAndSend(Category.BankId, "sv");
            silent.Ticket(Queued);
            silent.Advance(500);
            silent.Ticket(Assigned);
            for (int i = 0; i < 20; i++)
            {
                silent.Advance(100);
            }

            Assert.AreEqual(0, silent.Signals.BeepCount);
            Assert.IsTrue(silent.Signals.LedOnCount >= 3);
        }
    }
}
