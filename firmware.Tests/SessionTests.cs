#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using HelpPoint.Core;

namespace HelpPoint.Firmware.Tests
{
    [TestClass]
    public class SessionTests
    {
        [TestMethod]
        public void Connects_as_the_device_with_its_secret_and_a_retained_last_will()
        {
            DeviceFixture f = DeviceFixture.Connected();

            Assert.AreEqual("kista-hp-1", f.Mqtt.ClientId);
            Assert.AreEqual("kista-hp-1", f.Mqtt.User);
            Assert.AreEqual("s3cret", f.Mqtt.Password);
            Assert.AreEqual(DeviceFixture.Topic("status"), f.Mqtt.WillTopic);
            Assert.AreEqual("{\"online\":false}", new PublishedMessage("x", f.Mqtt.WillPayload, true).Text);
            Assert.IsTrue(f.Mqtt.WillRetain);
            Assert.IsTrue(f.Snapshot.Connected);
        }

        [TestMethod]
        public void Subscribes_to_its_own_ticket_and_config_after_every_connect()
        {
            DeviceFixture f = DeviceFixture.Connected();
            f.Mqtt.Drop();
            f.Advance(1000);

            Assert.AreEqual(2, f.Mqtt.ConnectAttempts);
            Assert.AreEqual(2, f.Mqtt.Subscriptions.Count);
            for (int i = 0; i < f.Mqtt.Subscriptions.Count; i++)
            {
                var topics = (string[])f.Mqtt.Subscriptions[i];
                Assert.AreEqual(2, topics.Length);
                Assert.AreEqual(DeviceFixture.Topic("ticket"), topics[0]);
                Assert.AreEqual(DeviceFixture.Topic("config"), topics[1]);
            }
        }

        [TestMethod]
        public void Publishes_retained_status_on_connect()
        {
            DeviceFixture f = DeviceFixture.Create();
            f.Clock.Advance(3599000);
            f.Tick();

            PublishedMessage status = f.Mqtt.LastTo(DeviceFixture.Topic("status"));
            Assert.IsNotNull(status);
            Assert.IsTrue(status.Retain);
            Assert.AreEqual("{\"online\":true,\"fw\":\"1.0.0\",\"uptimeS\":3600,\"rssi\":-61,\"freeHeap\":81234,\"queued\":0}", status.Text);
        }

        [TestMethod]
        public void Status_heartbeat_repeats_every_60_seconds()
        {
            DeviceFixture f = DeviceFixture.Connected();

            f.Advance(59999);
            Assert.AreEqual(1, f.PublishedCount("status"));
            f.Advance(1);
            Assert.AreEqual(2, f.PublishedCount("status"));
            f.Metrics.Rssi = -80;
            f.Metrics.FreeHeapBytes = 64000;
            f.Advance(60000);

            Assert.AreEqual(3, f.PublishedCount("status"));
            Assert.AreEqual("{\"online\":true,\"fw\":\"1.0.0\",\"uptimeS\":121,\"rssi\":-80,\"freeHeap\":64000,\"queued\":0}", f.LastPublished("status"));
        }

        [TestMethod]
        public void Status_on_reconnect_counts_what_waits_to_be_sent()
        {
            DeviceFixture f = DeviceFixture.Create();
            f.Mqtt.BrokerReachable = false;
            f.Tick();
            f.Device.Press(Category.BankId, "sv");
            f.Mqtt.BrokerReachable = true;

            f.Advance(1000);

            Assert.AreEqual("{\"online\":true,\"fw\":\"1.0.0\",\"uptimeS\":2,\"rssi\":-61,\"freeHeap\":81234,\"queued\":1}", f.LastPublished("status"));
            Assert.AreEqual(1, f.PublishedCount("request"));
        }

        [TestMethod]
        public void Reconnect_delays_double_from_one_second_up_to_a_minute()
        {
            var backoff = new ReconnectBackoff(FixedRandom.Lowest());
            long[] expected = new long[] { 1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000 };

            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], backoff.NextDelayMs());
            }
        }

        [TestMethod]
        public void Jitter_shortens_a_delay_by_at_most_a_quarter()
        {
            var shortest = new ReconnectBackoff(FixedRandom.Highest());
            long[] expected = new long[] { 750, 1500, 3000, 6000, 12000, 24000, 45000, 45000 };

            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], shortest.NextDelayMs());
            }
        }

        [TestMethod]
        public void Jitter_from_a_real_random_source_stays_within_bounds()
        {
            var backoff = new ReconnectBackoff(new SystemRandom(7));
            long nominal = 1000;
            for (int i = 0; i < 200; i++)
            {
                long delay = backoff.NextDelayMs();
                Assert.IsTrue(delay <= nominal, "delay " + delay.ToString() + " above " + nominal.ToString());
                Assert.IsTrue(delay >= nominal * 3 / 4, "delay " + delay.ToString() + " below " + (nominal * 3 / 4).ToString());
                nominal = nominal >= 30000 ? 60000 : nominal * 2;
            }
        }

        [TestMethod]
        public void Backoff_starts_over_after_a_successful_connection()
        {
            var backoff = new ReconnectBackoff(FixedRandom.Lowest());
            backoff.NextDelayMs();
            backoff.NextDelayMs();

            backoff.Reset();

            Assert.AreEqual(1000L, backoff.NextDelayMs());
            Assert.AreEqual(1, backoff.Attempts);
        }

        [TestMethod]
        public void Device_retries_an_unreachable_broker_on_the_backoff_schedule()
        {
            DeviceFixture f = DeviceFixture.Create();
            f.Mqtt.BrokerReachable = false;

            f.Tick();
            Assert.AreEqual(1, f.Mqtt.ConnectAttempts);
            f.Advance(999);
            Assert.AreEqual(1, f.Mqtt.ConnectAttempts);
            f.Advance(1);
            Assert.AreEqual(2, f.Mqtt.ConnectAttempts);
            f.Advance(1999);
            Assert.AreEqual(2, f.Mqtt.ConnectAttempts);
            f.Advance(1);
            Assert.AreEqual(3, f.Mqtt.ConnectAttempts);
            Assert.IsFalse(f.Snapshot.Connected);
            Assert.IsFalse(f.Display.Last.Online);
        }

        [TestMethod]
        public void Lost_connection_is_retried_after_a_second_and_shows_offline()
        {
            DeviceFixture f = DeviceFixture.Connected();
            f.PressAndSend(Category.BankId, "sv");

            f.Mqtt.Drop();
            f.Tick();
            Assert.IsFalse(f.Snapshot.Connected);
            Assert.AreEqual("offline", f.Display.Last.StateName);

            f.Advance(1000);
            Assert.AreEqual(2, f.Mqtt.ConnectAttempts);
            Assert.IsTrue(f.Snapshot.Connected);
        }

        [TestMethod]
        public void Unacknowledged_publish_keeps_the_request_for_the_next_try()
        {
            DeviceFixture f = DeviceFixture.Connected();
            f.Mqtt.PublishesAcknowledged = false;

            f.PressAndSend(Category.BankId, "sv");
            Assert.AreEqual(1, f.Snapshot.Pending);
            f.Mqtt.PublishesAcknowledged = true;
            f.Advance(1000);

            Assert.AreEqual(0, f.Snapshot.Pending);
            Assert.AreEqual("{\"id\":\"kista-hp-1-000001\",\"category\":\"bankid\",\"lang\":\"sv\",\"ageMs\":1000}", f.LastPublished("request"));
        }

        [TestMethod]
        public void Shutdown_says_offline_and_disconnects()
        {
            DeviceFixture f = DeviceFixture.Connected();

            f.Device.Shutdown();
            f.Advance(5000);

            Assert.AreEqual("{\"online\":false}", f.LastPublished("status"));
            Assert.IsTrue(f.Mqtt.LastTo(DeviceFixture.Topic("status")).Retain);
            Assert.IsFalse(f.Mqtt.IsConnected);
            Assert.AreEqual(1, f.Mqtt.ConnectAttempts);
            Assert.IsFalse(f.Device.Press(Category.BankId, "sv"));
        }
    }
}
