#if !NANOFRAMEWORK_1_0
using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using HelpPoint.Simulator.Devices;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace HelpPoint.Firmware.Tests
{
    /// <summary>
    /// The simulator's VirtualHelpPoint (Core + MQTTnet + files) against a real MQTT broker in the
    /// test process that plays a minimal gateway: it checks credentials and answers each request
    /// with a retained ticket. .NET only.
    /// </summary>
    [TestClass]
    public class VirtualHelpPointTests
    {
        private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

        [TestMethod]
        public async Task Press_reaches_the_broker_and_the_ticket_comes_back()
        {
            await using var broker = await FakeGateway.StartAsync();
            using var hp = new VirtualHelpPoint(broker.Options("demo-hp-1"));
            hp.Start();
            Assert.IsTrue(hp.WaitForConnected(Wait));

            Assert.IsTrue(hp.Press("bankid", "sv"));

            Assert.IsTrue(hp.WaitForState("queued", Wait), "state " + hp.State);
            Assert.AreEqual("demo-hp-1-000001", hp.RequestId);
            Assert.AreEqual("1", hp.Ticket);
            Assert.AreEqual(2, hp.Position);
            Assert.AreEqual(240, hp.WaitS);
            Assert.AreEqual("Nummer 1", hp.Lines[0]);
            string request = broker.Received("helppoint/v1/demo/demo-hp-1/request");
            StringAssert.StartsWith(request, "{\"id\":\"demo-hp-1-000001\",\"category\":\"bankid\",\"lang\":\"sv\",\"ageMs\":");
            StringAssert.StartsWith(broker.Received("helppoint/v1/demo/demo-hp-1/status"), "{\"online\":true,\"fw\":\"1.0.0\",");
        }

        [TestMethod]
        public async Task Simulator_shows_the_real_bitmaps_in_the_visitors_language_and_sends_it_as_lang()
        {
            await using var broker = await FakeGateway.StartAsync();
            using var hp = new VirtualHelpPoint(broker.Options("demo-hp-1"));
            hp.Start();
            Assert.IsTrue(hp.WaitForConnected(Wait));

            Assert.IsTrue(hp.Press("bankid", "ar"));
            Assert.IsTrue(hp.WaitForState("queued", Wait), "state " + hp.State);
            StringAssert.Contains(broker.Received("helppoint/v1/demo/demo-hp-1/request"), "\"lang\":\"ar\"");

            // The page gets the OLED's pixels as the device composes them, in Arabic, right to left.
            HelpPoint.Simulator.Api.DisplayBitmap display = HelpPoint.Simulator.Api.DeviceView.Of(hp).Display;
            Assert.IsNotNull(display);
            Assert.AreEqual("ar", display.Language);
            Assert.IsTrue(display.Rtl);
            Assert.AreEqual(128 * 64 / 8, Convert.FromBase64String(display.Bits).Length);
            HelpPoint.Core.FrameBuffer frame = hp.Display;
            Assert.IsNotNull(frame);
            Assert.IsTrue(frame.CountLit(0, 0, 128, 64) > 100, "the screen shows something");
            Assert.AreEqual(Convert.ToBase64String(frame.Bits), display.Bits);
        }

        [TestMethod]
        public async Task Later_tickets_move_the_display_along()
        {
            await using var broker = await FakeGateway.StartAsync();
            using var hp = new VirtualHelpPoint(broker.Options("demo-hp-1"));
            hp.Start();
            Assert.IsTrue(hp.WaitForConnected(Wait));
            hp.Press("print", "en");
            Assert.IsTrue(hp.WaitForState("queued", Wait));

            await broker.PublishTicketAsync("demo-hp-1", "{\"id\":\"demo-hp-1-000001\",\"ticket\":\"1\",\"state\":\"assigned\",\"position\":null,\"waitS\":null,\"host\":\"Sara\"}");

            Assert.IsTrue(hp.WaitForState("assigned", Wait));
            Assert.AreEqual("Sara", hp.Host);
            Assert.AreEqual("Sara is on the way", hp.Lines[2]);
        }

        [TestMethod]
        public async Task Cancel_is_published_for_the_active_request()
        {
            await using var broker = await FakeGateway.StartAsync();
            using var hp = new VirtualHelpPoint(broker.Options("demo-hp-1"));
            hp.Start();
            Assert.IsTrue(hp.WaitForConnected(Wait));
            hp.Press("swish", null);
            Assert.IsTrue(hp.WaitForState("queued", Wait));

            Assert.IsTrue(hp.Cancel());

            Assert.AreEqual("cancelled", hp.State);
            Assert.IsTrue(broker.WaitForMessage("helppoint/v1/demo/demo-hp-1/cancel", Wait));
            Assert.AreEqual("{\"id\":\"demo-hp-1-000001\"}", broker.Received("helppoint/v1/demo/demo-hp-1/cancel"));
        }

        [TestMethod]
        public async Task Wrong_secret_never_connects()
        {
            await using var broker = await FakeGateway.StartAsync();
            VirtualHelpPointOptions options = broker.Options("demo-hp-1");
            options.Secret = "wrong";
            using var hp = new VirtualHelpPoint(options);

            hp.Start();

            Assert.IsFalse(hp.WaitForConnected(TimeSpan.FromSeconds(2)));
            Assert.AreEqual("idle", hp.State);
        }

        [TestMethod]
        public async Task Press_while_the_broker_is_down_is_sent_when_it_comes_up()
        {
            int port = FakeGateway.FreePort();
            string data = FakeGateway.TempDataPath();
            using var hp = new VirtualHelpPoint(new VirtualHelpPointOptions { MqttPort = port, DataPath = data });
            hp.Start();
            hp.Press("forms", "ti");
            Assert.IsTrue(hp.WaitForState("offline", Wait));
            await Task.Delay(300);

            await using var broker = await FakeGateway.StartAsync(port, data);

            Assert.IsTrue(hp.WaitForState("queued", TimeSpan.FromSeconds(30)), "state " + hp.State);
            string request = broker.Received("helppoint/v1/demo/demo-hp-1/request");
            Assert.IsTrue(request.Contains("\"category\":\"forms\",\"lang\":\"ti\""), request);
            Assert.IsFalse(request.EndsWith("\"ageMs\":0}"), "the request waited, so its age grew: " + request);
        }

        [TestMethod]
        public async Task Broker_that_drops_and_returns_gets_the_saved_press_and_a_fresh_session()
        {
            int port = FakeGateway.FreePort();
            string data = FakeGateway.TempDataPath();
            try
            {
                using var hp = new VirtualHelpPoint(new VirtualHelpPointOptions { MqttPort = port, DataPath = data });
                var first = await FakeGateway.StartAsync(port, FakeGateway.TempDataPath());
                hp.Start();
                Assert.IsTrue(hp.WaitForConnected(Wait));

                // The broker goes away (restart, router reboot): the help point notices and saves presses.
                await first.DisposeAsync();
                Assert.IsTrue(hp.WaitUntil(s => !s.Connected, Wait), "still connected");
                Assert.IsTrue(hp.Press("email", "uk"));
                Assert.IsTrue(hp.WaitForState("offline", Wait));
                Assert.AreEqual(1, hp.Snapshot.Pending);

                // It comes back on the same address: reconnect with backoff, subscribe again, send the press.
                await using var second = await FakeGateway.StartAsync(port, FakeGateway.TempDataPath());
                Assert.IsTrue(hp.WaitForState("queued", TimeSpan.FromSeconds(30)), "state " + hp.State);
                Assert.IsTrue(hp.IsConnected);
                Assert.AreEqual(0, hp.Snapshot.Pending);
                StringAssert.StartsWith(second.Received("helppoint/v1/demo/demo-hp-1/request"), "{\"id\":\"demo-hp-1-000001\",\"category\":\"email\",\"lang\":\"uk\"");
                StringAssert.StartsWith(second.Received("helppoint/v1/demo/demo-hp-1/status"), "{\"online\":true,");

                // The new session is subscribed: a live ticket reaches the display.
                await second.PublishTicketAsync("demo-hp-1", "{\"id\":\"demo-hp-1-000001\",\"ticket\":\"1\",\"state\":\"assigned\",\"position\":null,\"waitS\":null,\"host\":\"Sara\"}");
                Assert.IsTrue(hp.WaitForState("assigned", Wait));
            }
            finally
            {
                if (Directory.Exists(data))
                {
                    Directory.Delete(data, true);
                }
            }
        }

        [TestMethod]
        public async Task Feedback_after_done_is_published()
        {
            await using var broker = await FakeGateway.StartAsync();
            using var hp = new VirtualHelpPoint(broker.Options("demo-hp-1"));
            hp.Start();
            Assert.IsTrue(hp.WaitForConnected(Wait));
            hp.Press("print", null);
            Assert.IsTrue(hp.WaitForState("queued", Wait));
            Assert.IsFalse(hp.Feedback(3), "no feedback before done");

            await broker.PublishTicketAsync("demo-hp-1", "{\"id\":\"demo-hp-1-000001\",\"ticket\":\"1\",\"state\":\"done\",\"position\":null,\"waitS\":null,\"host\":\"Sara\"}");
            Assert.IsTrue(hp.WaitForState("done", Wait));

            Assert.IsTrue(hp.Feedback(2));
            Assert.IsTrue(broker.WaitForMessage("helppoint/v1/demo/demo-hp-1/feedback", Wait));
            Assert.AreEqual("{\"id\":\"demo-hp-1-000001\",\"score\":2}", broker.Received("helppoint/v1/demo/demo-hp-1/feedback"));
        }

        [TestMethod]
        public async Task Dispose_leaves_a_retained_offline_status()
        {
            await using var broker = await FakeGateway.StartAsync();
            var hp = new VirtualHelpPoint(broker.Options("demo-hp-2"));
            hp.Start();
            Assert.IsTrue(hp.WaitForConnected(Wait));

            hp.Dispose();

            MqttApplicationMessage status = await broker.Server.GetRetainedMessageAsync("helppoint/v1/demo/demo-hp-2/status");
            Assert.IsNotNull(status);
            Assert.AreEqual("{\"online\":false}", status.ConvertPayloadToString());
        }

        [TestMethod]
        public async Task New_instance_on_the_same_data_continues_the_request_numbers()
        {
            await using var broker = await FakeGateway.StartAsync();
            using (var first = new VirtualHelpPoint(broker.Options("demo-hp-1")))
            {
                first.Start();
                Assert.IsTrue(first.WaitForConnected(Wait));
                first.Press("bankid", "sv");
                Assert.IsTrue(first.WaitForState("queued", Wait));
                await broker.PublishTicketAsync("demo-hp-1", "{\"id\":\"demo-hp-1-000001\",\"ticket\":\"1\",\"state\":\"done\",\"position\":null,\"waitS\":null,\"host\":\"Sara\"}");
                Assert.IsTrue(first.WaitForState("done", Wait));
            }

            using var second = new VirtualHelpPoint(broker.Options("demo-hp-1"));
            second.Start();
            Assert.IsTrue(second.WaitForConnected(Wait));
            Assert.IsTrue(second.Press("email", "en"));

            Assert.IsTrue(second.WaitForState("queued", Wait), "state " + second.State);
            Assert.AreEqual("demo-hp-1-000002", second.RequestId);
        }

        [TestMethod]
        public void Bad_arguments_are_refused()
        {
            string data = FakeGateway.TempDataPath();
            try
            {
                using var hp = new VirtualHelpPoint(new VirtualHelpPointOptions { DataPath = data });

                Expect.Throws(typeof(ArgumentException), delegate { hp.Press("coffee", "sv"); });
                Expect.Throws(typeof(ArgumentException), delegate { hp.Press("bankid", "swedish"); });
                Expect.Throws(typeof(ArgumentException), delegate { hp.WaitForState("sleeping", TimeSpan.Zero); });
                Expect.Throws(typeof(ArgumentException), delegate { new VirtualHelpPoint(new VirtualHelpPointOptions { DeviceId = "HP 1", DataPath = data }); });
                Expect.Throws(typeof(ArgumentException), delegate { new VirtualHelpPoint(new VirtualHelpPointOptions { Language = "arabic", DataPath = data }); });
            }
            finally
            {
                Directory.Delete(data, true);
            }
        }

        [TestMethod]
        public void Devices_option_is_parsed_and_checked()
        {
            var specs = DeviceSpec.ParseList(" demo/demo-hp-1:demo-secret , kista/kista-hp-1:s:e:c ");

            Assert.AreEqual(2, specs.Count);
            Assert.AreEqual("kista", specs[1].Branch);
            Assert.AreEqual("kista-hp-1", specs[1].DeviceId);
            Assert.AreEqual("s:e:c", specs[1].Secret);
            Assert.AreEqual("kista/kista-hp-1", specs[1].ToString());
            Expect.Throws(typeof(FormatException), delegate { DeviceSpec.ParseList("demo-hp-1:secret"); });
            Expect.Throws(typeof(FormatException), delegate { DeviceSpec.ParseList("demo/demo-hp-1:"); });
            Expect.Throws(typeof(FormatException), delegate { DeviceSpec.ParseList("Demo/hp:x"); });
            Expect.Throws(typeof(FormatException), delegate { DeviceSpec.ParseList("demo/a:x,demo/a:y"); });
            Expect.Throws(typeof(FormatException), delegate { DeviceSpec.ParseList(" , "); });
        }
    }
}
#endif
