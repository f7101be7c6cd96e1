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
    public class RequestSequenceTests
    {
        [TestMethod]
        public void First_request_id_is_the_device_id_and_000001()
        {
            var sequence = new RequestSequence(new MemoryStorage(), "kista-hp-1");

            Assert.AreEqual("kista-hp-1-000001", sequence.Next());
        }

        [TestMethod]
        [DataRow(42L, "kista-hp-1-000042")]
        [DataRow(999999L, "kista-hp-1-999999")]
        [DataRow(1234567L, "kista-hp-1-1234567")]
        public void Request_id_pads_the_sequence_to_at_least_six_digits(long seq, string expected)
        {
            Assert.AreEqual(expected, RequestSequence.FormatId("kista-hp-1", seq));
        }

        [TestMethod]
        public void Number_is_committed_to_storage_before_the_id_is_handed_out()
        {
            var storage = new MemoryStorage();
            var sequence = new RequestSequence(storage, "kista-hp-1");

            sequence.Next();

            Assert.AreEqual("1", storage.ReadText(RequestSequence.FileName));
            Assert.IsFalse(storage.Exists(RequestSequence.TempFileName));
            Assert.AreEqual(1, storage.Renames);
        }

        [TestMethod]
        public void Sequence_continues_after_a_reboot()
        {
            var storage = new MemoryStorage();
            var before = new RequestSequence(storage, "kista-hp-1");
            before.Next();
            before.Next();
            before.Next();

            var after = new RequestSequence(storage, "kista-hp-1");

            Assert.AreEqual("kista-hp-1-000003", after.LastId);
            Assert.AreEqual("kista-hp-1-000004", after.Next());
        }

        [TestMethod]
        public void Temp_file_left_by_a_power_cut_before_the_rename_is_never_reused()
        {
            // Power went between writing 6 and renaming it: 6 may already be on its way.
            var storage = new MemoryStorage();
            storage.WriteText(RequestSequence.FileName, "5");
            storage.WriteText(RequestSequence.TempFileName, "6");

            var sequence = new RequestSequence(storage, "kista-hp-1");

            Assert.AreEqual("kista-hp-1-000007", sequence.Next());
        }

        [TestMethod]
        public void Half_written_temp_file_is_ignored()
        {
            var storage = new MemoryStorage();
            storage.WriteText(RequestSequence.FileName, "5");
            storage.WriteText(RequestSequence.TempFileName, "6\u0000\u0000");

            var sequence = new RequestSequence(storage, "kista-hp-1");

            Assert.AreEqual("kista-hp-1-000006", sequence.Next());
        }

        [TestMethod]
        public void Fresh_device_has_no_last_id()
        {
            var sequence = new RequestSequence(new MemoryStorage(), "kista-hp-1");

            Assert.IsNull(sequence.LastId);
            Assert.AreEqual(0L, sequence.Last);
        }

        [TestMethod]
        public void Failed_write_does_not_consume_a_number()
        {
            var storage = new MemoryStorage();
            var sequence = new RequestSequence(storage, "kista-hp-1");
            storage.FailWrites = true;

            Expect.Throws(typeof(InvalidOperationException), delegate { sequence.Next(); });

            storage.FailWrites = false;
            Assert.AreEqual("kista-hp-1-000001", sequence.Next());
        }

        [TestMethod]
        [DataRow("Kista-hp-1")]
        [DataRow("kista hp 1")]
        [DataRow("")]
        [DataRow("a-device-id-that-is-longer-than-32")]
        public void Device_id_outside_the_protocol_alphabet_is_refused(string deviceId)
        {
            Expect.Throws(typeof(ArgumentException), delegate { new RequestSequence(new MemoryStorage(), deviceId); });
        }

        [TestMethod]
        public void Requests_after_a_reboot_never_repeat_an_id()
        {
            DeviceFixture first = DeviceFixture.Connected();
            first.PressAndSend(Category.BankId, "sv");
            first.Ticket("{'id':'kista-hp-1-000001','ticket':'17','state':'done','position':null,'waitS':null,'host':'Sara'}");
            first.Advance(DeviceFixture.EndScreenMs);
            first.PressAndSend(Category.Print, null);

            DeviceFixture second = first.Reboot();
            second.Tick();
            second.PressAndSend(Category.Swish, "sv");

            Assert.AreEqual("kista-hp-1-000002", first.Snapshot.RequestId);
            Assert.AreEqual("kista-hp-1-000003", second.Snapshot.RequestId);
            Assert.AreEqual(
                "{\"id\":\"kista-hp-1-000003\",\"category\":\"swish\",\"lang\":\"sv\",\"ageMs\":0}",
                second.LastPublished("request"));
        }
    }
}
