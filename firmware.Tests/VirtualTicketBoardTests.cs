#if !NANOFRAMEWORK_1_0
using System;
using System.Threading.Tasks;
using HelpPoint.Simulator.Api;
using HelpPoint.Simulator.Devices;
using Microsoft.Extensions.Configuration;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace HelpPoint.Firmware.Tests
{
    /// <summary>The simulator's ticket display (Core's TicketBoard + MQTTnet) against an in-process broker, and the options that start it. .NET only.</summary>
    [TestClass]
    public class VirtualTicketBoardTests
    {
        private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

        [TestMethod]
        public async Task Board_logs_in_as_itself_and_shows_the_published_queue()
        {
            await using var broker = await FakeGateway.StartAsync();
            using var board = new VirtualTicketBoard(new VirtualTicketBoardOptions { MqttPort = broker.Port });
            board.Start();

            Assert.IsTrue(board.WaitUntil(b => b.IsConnected, Wait));
            Assert.IsTrue(broker.WaitForMessage("helppoint/v1/demo/demo-board/status", Wait));
            StringAssert.StartsWith(broker.Received("helppoint/v1/demo/demo-board/status"), "{\"online\":true,");

            await broker.PublishBoardAsync("{\"staffed\":true,\"serving\":[{\"ticket\":\"12\",\"host\":\"Sara\"}],\"waiting\":[\"13\",\"14\"],\"waitS\":240}");
            Assert.IsTrue(board.WaitUntil(b => b.Screen != null && b.Screen.Message != null, Wait));

            BoardView view = BoardView.Of(board);
            Assert.IsTrue(view.Connected);
            Assert.IsFalse(view.Offline);
            CollectionAssert.AreEqual(new[] { "12" }, new System.Collections.Generic.List<string>(view.Serving));
            CollectionAssert.AreEqual(new[] { "13", "14" }, new System.Collections.Generic.List<string>(view.Waiting));
            Assert.IsNotNull(view.Display, "the page gets the TFT's pixels");
            Assert.AreEqual(320 * 240 / 8, Convert.FromBase64String(view.Display.Bits).Length);
            Assert.AreEqual(240, view.Display.Rows.Count);
            CollectionAssert.Contains(new System.Collections.Generic.List<string>(view.Display.Rows), "serving");
            CollectionAssert.Contains(new System.Collections.Generic.List<string>(view.Display.Rows), "waiting");
        }

        [TestMethod]
        public async Task Board_says_goodbye_on_dispose()
        {
            await using var broker = await FakeGateway.StartAsync();
            var board = new VirtualTicketBoard(new VirtualTicketBoardOptions { MqttPort = broker.Port });
            board.Start();
            Assert.IsTrue(board.WaitUntil(b => b.IsConnected, Wait));

            board.Dispose();

            Assert.AreEqual("{\"online\":false}", broker.Received("helppoint/v1/demo/demo-board/status"));
        }

        [TestMethod]
        public void Without_options_the_simulator_runs_the_gateways_demo_help_points_and_its_demo_board()
        {
            SimulatorSettings settings = SimulatorSettings.From(Configuration());

            Assert.AreEqual("demo/demo-hp-1,demo/demo-hp-2", string.Join(",", settings.Devices));
            Assert.AreEqual(1, settings.Boards.Count);
            Assert.AreEqual("demo-board", settings.Boards[0].DeviceId);
            Assert.AreEqual("demo-secret", settings.Boards[0].Secret);
        }

        [TestMethod]
        public void Own_devices_run_without_a_board_unless_boards_are_named()
        {
            Assert.AreEqual(0, SimulatorSettings.From(Configuration("Devices", "kista/kista-hp-1:s")).Boards.Count);
            Assert.AreEqual(0, SimulatorSettings.From(Configuration("Boards", "none")).Boards.Count);

            SimulatorSettings named = SimulatorSettings.From(Configuration("Devices", "kista/kista-hp-1:s", "Boards", "kista/kista-board:t"));
            Assert.AreEqual("kista/kista-board", named.Boards[0].ToString());
            Assert.AreEqual("t", named.Boards[0].Secret);

            Expect.Throws(typeof(FormatException), delegate { SimulatorSettings.From(Configuration("Boards", "demo-board")); });
            Expect.Throws(typeof(FormatException), delegate { SimulatorSettings.From(Configuration("Devices", "demo/x:s", "Boards", "demo/x:s")); });
        }

        private static IConfiguration Configuration(params string[] pairs)
        {
            var values = new System.Collections.Generic.Dictionary<string, string>();
            for (int i = 0; i + 1 < pairs.Length; i += 2)
            {
                values[pairs[i]] = pairs[i + 1];
            }

            return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        }
    }
}
#endif
