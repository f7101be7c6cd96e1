#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using HelpPoint.Core;

namespace HelpPoint.Firmware.Tests
{
    /// <summary>The durable offline queue on its own: order, bounds, ages across reboots, damaged files.</summary>
    [TestClass]
    public class FileOutboxTests
    {
        private static OutboxItem Request(int seq, long pressedAtMs)
        {
            return new OutboxItem(OutboxItemKind.Request, RequestSequence.FormatId("kista-hp-1", seq), Category.Swish, "ar", pressedAtMs);
        }

        [TestMethod]
        public void Items_come_back_oldest_first_after_a_reboot()
        {
            var storage = new MemoryStorage();
            var clock = new FakeClock(1000);
            var outbox = new FileOutbox(storage, clock, 8);
            Assert.IsTrue(outbox.Add(Request(1, 1000)));
            Assert.IsTrue(outbox.Add(new OutboxItem(OutboxItemKind.Cancel, "kista-hp-1-000001", Category.Other, null, 1000)));
            Assert.IsTrue(outbox.Add(new OutboxItem(OutboxItemKind.Feedback, "kista-hp-1-000000", Category.Other, null, 1000, 2)));
            Assert.IsTrue(outbox.Add(Request(2, 1000)));

            var rebooted = new FileOutbox(storage, new FakeClock(50), 8);

            Assert.AreEqual(4, rebooted.Count);
            Assert.AreEqual("kista-hp-1-000001", rebooted.ItemAt(0).RequestId);
            Assert.AreEqual((int)OutboxItemKind.Request, (int)rebooted.ItemAt(0).Kind);
            Assert.AreEqual((int)Category.Swish, (int)rebooted.ItemAt(0).Category);
            Assert.AreEqual("ar", rebooted.ItemAt(0).Language);
            Assert.AreEqual((int)OutboxItemKind.Cancel, (int)rebooted.ItemAt(1).Kind);
            Assert.AreEqual((int)OutboxItemKind.Feedback, (int)rebooted.ItemAt(2).Kind);
            Assert.AreEqual(2, rebooted.ItemAt(2).Score);
            Assert.AreEqual("kista-hp-1-000002", rebooted.ItemAt(3).RequestId);
        }

        [TestMethod]
        public void Queue_is_bounded_and_refuses_when_full()
        {
            var outbox = new FileOutbox(new MemoryStorage(), new FakeClock(0), 3);

            Assert.IsTrue(outbox.Add(Request(1, 0)));
            Assert.IsTrue(outbox.Add(Request(2, 0)));
            Assert.IsTrue(outbox.Add(Request(3, 0)));
            Assert.IsFalse(outbox.Add(Request(4, 0)));

            Assert.AreEqual(3, outbox.Count);
            Assert.AreEqual("kista-hp-1-000001", outbox.Peek().RequestId);
        }

        [TestMethod]
        public void Age_keeps_growing_across_a_reboot_from_the_last_recorded_value()
        {
            var storage = new MemoryStorage();
            var clock = new FakeClock(10000);
            var outbox = new FileOutbox(storage, clock, 8);
            outbox.Add(Request(1, 4000));              // 6 s old when stored

            var bootClock = new FakeClock(200);          // the clock starts again after a reboot
            var rebooted = new FileOutbox(storage, bootClock, 8);
            bootClock.Advance(3000);

            Assert.AreEqual(9000, bootClock.NowMs - rebooted.Peek().PressedAtMs);
        }

        [TestMethod]
        public void Checkpoint_records_the_age_once_a_minute_while_items_wait()
        {
            var storage = new MemoryStorage();
            var clock = new FakeClock(0);
            var outbox = new FileOutbox(storage, clock, 8);
            outbox.Add(Request(1, 0));
            int renames = storage.Renames;

            clock.Advance(59999);
            outbox.Checkpoint(clock.NowMs);
            Assert.AreEqual(renames, storage.Renames);
            clock.Advance(1);
            outbox.Checkpoint(clock.NowMs);
            Assert.AreEqual(renames + 1, storage.Renames);

            // Power cut now: the age survives as 60 s, not 0.
            var rebooted = new FileOutbox(storage, new FakeClock(0), 8);
            Assert.AreEqual(-60000, rebooted.Peek().PressedAtMs);
        }

        [TestMethod]
        public void Empty_queue_writes_nothing_on_checkpoints()
        {
            var storage = new MemoryStorage();
            var clock = new FakeClock(0);
            var outbox = new FileOutbox(storage, clock, 8);

            for (int i = 0; i < 10; i++)
            {
                clock.Advance(60000);
                outbox.Checkpoint(clock.NowMs);
            }

            Assert.AreEqual(0, storage.Renames);
        }

        [TestMethod]
        public void Remove_takes_out_only_the_named_kind_and_request()
        {
            var storage = new MemoryStorage();
            var outbox = new FileOutbox(storage, new FakeClock(0), 8);
            outbox.Add(Request(1, 0));
            outbox.Add(Request(2, 0));
            outbox.Add(new OutboxItem(OutboxItemKind.Cancel, "kista-hp-1-000002", Category.Other, null, 0));

            Assert.AreEqual(1, outbox.Remove("kista-hp-1-000002", OutboxItemKind.Request));

            var rebooted = new FileOutbox(storage, new FakeClock(0), 8);
            Assert.AreEqual(2, rebooted.Count);
            Assert.AreEqual("kista-hp-1-000001", rebooted.ItemAt(0).RequestId);
            Assert.AreEqual((int)OutboxItemKind.Cancel, (int)rebooted.ItemAt(1).Kind);
        }

        [TestMethod]
        public void Every_truncation_of_the_queue_file_is_refused_and_the_older_copy_used()
        {
            var storage = new MemoryStorage();
            var outbox = new FileOutbox(storage, new FakeClock(0), 8);
            outbox.Add(Request(1, 0));
            byte[] older = storage.ReadAll(FileOutbox.FileName);
            outbox.Add(Request(2, 0));
            byte[] newer = storage.ReadAll(FileOutbox.FileName);

            for (int length = 0; length < newer.Length; length++)
            {
                var damaged = new MemoryStorage();
                damaged.Write(FileOutbox.FileName, older, older.Length);
                damaged.Write(FileOutbox.TempFileName, newer, length);

                var rebooted = new FileOutbox(damaged, new FakeClock(0), 8);

                Assert.AreEqual(1, rebooted.Count, "torn at " + length.ToString());
                Assert.AreEqual("kista-hp-1-000001", rebooted.Peek().RequestId);
            }
        }

        [TestMethod]
        public void Flipped_byte_anywhere_is_caught_by_the_checksum()
        {
            var storage = new MemoryStorage();
            var outbox = new FileOutbox(storage, new FakeClock(0), 8);
            outbox.Add(Request(1, 0));
            byte[] good = storage.ReadAll(FileOutbox.FileName);

            for (int i = 0; i < good.Length; i++)
            {
                var bad = new byte[good.Length];
                System.Array.Copy(good, bad, good.Length);
                bad[i] = (byte)(bad[i] ^ 0x04);
                var damaged = new MemoryStorage();
                damaged.Write(FileOutbox.FileName, bad, bad.Length);

                Assert.AreEqual(0, new FileOutbox(damaged, new FakeClock(0), 8).Count, "flipped at " + i.ToString());
            }
        }

        [TestMethod]
        public void Complete_temp_file_without_the_old_one_is_the_truth()
        {
            // The rename is "delete old, move new" on FAT; a cut in between leaves only the temp file.
            var storage = new MemoryStorage();
            var outbox = new FileOutbox(storage, new FakeClock(0), 8);
            outbox.Add(Request(7, 0));
            storage.Rename(FileOutbox.FileName, FileOutbox.TempFileName);

            var rebooted = new FileOutbox(storage, new FakeClock(0), 8);

            Assert.AreEqual(1, rebooted.Count);
            Assert.AreEqual("kista-hp-1-000007", rebooted.Peek().RequestId);
        }

        [TestMethod]
        public void Failed_write_refuses_the_item_and_keeps_the_queue_as_it_was()
        {
            var storage = new MemoryStorage();
            var outbox = new FileOutbox(storage, new FakeClock(0), 8);
            outbox.Add(Request(1, 0));
            storage.FailWrites = true;

            Assert.IsFalse(outbox.Add(Request(2, 0)));

            Assert.AreEqual(1, outbox.Count);
            storage.FailWrites = false;
            Assert.AreEqual(1, new FileOutbox(storage, new FakeClock(0), 8).Count);
        }

        [TestMethod]
        public void Items_that_would_break_the_file_format_are_refused()
        {
            var outbox = new FileOutbox(new MemoryStorage(), new FakeClock(0), 8);

            Assert.IsFalse(outbox.Add(new OutboxItem(OutboxItemKind.Request, "bad id", Category.Print, null, 0)));
            Assert.IsFalse(outbox.Add(new OutboxItem(OutboxItemKind.Request, "kista-hp-1-000001", Category.Print, "swedish", 0)));
            Assert.IsFalse(outbox.Add(null));
            Assert.AreEqual(0, outbox.Count);
        }

        [TestMethod]
        public void Garbage_files_give_an_empty_queue()
        {
            var storage = new MemoryStorage();
            storage.WriteText(FileOutbox.FileName, "HPQ1 3 1\nR x y z 1\nEND 00000000\n");
            storage.WriteText(FileOutbox.TempFileName, "not a queue at all");

            Assert.AreEqual(0, new FileOutbox(storage, new FakeClock(0), 8).Count);
        }

        [TestMethod]
        public void Device_press_offline_survives_a_reboot_and_is_sent_with_its_age()
        {
            DeviceFixture f = DeviceFixture.Create();
            f.Mqtt.BrokerReachable = false;
            f.Tick();
            Assert.IsTrue(f.Device.Press(Category.Email, "so"));
            f.Advance(5000);

            DeviceFixture rebooted = f.Reboot();
            rebooted.Clock.Advance(2000);
            rebooted.Tick();

            Assert.AreEqual("{\"id\":\"kista-hp-1-000001\",\"category\":\"email\",\"lang\":\"so\",\"ageMs\":2000}", rebooted.LastPublished("request"));
            Assert.AreEqual(0, rebooted.Snapshot.Pending);
            Assert.IsTrue(rebooted.Device.Press(Category.Email, null));
            rebooted.Tick();
            Assert.AreEqual("{\"id\":\"kista-hp-1-000002\",\"category\":\"email\",\"ageMs\":0}", rebooted.LastPublished("request"));
        }
    }
}
