#if !NANOFRAMEWORK_1_0
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using HelpPoint.Simulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace HelpPoint.Firmware.Tests
{
    /// <summary>
    /// The simulator's web page in a real browser (Debian's Chromium through Playwright) against the
    /// simulator host with its demo defaults and an in-process broker playing the gateway. .NET only.
    /// </summary>
    [TestClass]
    public class SimulatorPageTests
    {
        private const string ChromiumPath = "/usr/bin/chromium";
        private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

        [TestMethod]
        public async Task The_visitors_language_button_wins_and_the_page_select_only_sets_the_default()
        {
            await using var broker = await FakeGateway.StartAsync();
            await broker.PublishConfigAsync("demo-hp-1", "{\"languages\":[\"sv\",\"en\",\"ar\"],\"categories\":[\"bankid\",\"swish\",\"print\"]}");
            await using var sim = await Simulator.StartAsync(broker);
            IPage page = await sim.OpenAsync();
            await WaitForText(page.GetByTestId("connection-demo-hp-1"), "online");

            // The visitor picks Arabic with the device's language button …
            for (int i = 0; i < 3; i++)
            {
                await page.GetByTestId("cycle-demo-hp-1").ClickAsync();
            }

            Assert.IsTrue(sim.Fleet.Find("demo-hp-1").WaitUntil(s => s.SelectedLanguage == "ar", Wait));

            // … and someone changes the page's select: that is the device's default, not the visitor's choice.
            await page.GetByTestId("lang-demo-hp-1").SelectOptionAsync("en");
            Assert.IsTrue(SpinUntil(() => sim.Fleet.Find("demo-hp-1").DefaultLanguage == "en"));
            await page.GetByTestId("press-demo-hp-1-bankid").ClickAsync();

            Assert.IsTrue(sim.Fleet.Find("demo-hp-1").WaitForState("queued", Wait));
            StringAssert.Contains(broker.Received("helppoint/v1/demo/demo-hp-1/request"), "\"lang\":\"ar\"");
            await WaitForAttribute(page.GetByTestId("display-demo-hp-1").Locator("canvas"), "data-language", "ar");
            Assert.AreEqual("en", await page.GetByTestId("lang-demo-hp-1").InputValueAsync(), "the select shows the default");
        }

        [TestMethod]
        public async Task Feedback_row_is_hidden_until_done_and_names_buttons_one_to_three()
        {
            await using var broker = await FakeGateway.StartAsync();
            await using var sim = await Simulator.StartAsync(broker);
            IPage page = await sim.OpenAsync();
            await WaitForText(page.GetByTestId("connection-demo-hp-1"), "online");
            ILocator row = page.Locator("[data-device=demo-hp-1] .feedback");
            Assert.IsFalse(await row.IsVisibleAsync(), "no feedback row before done");

            await page.GetByTestId("press-demo-hp-1-swish").ClickAsync();
            Assert.IsTrue(sim.Fleet.Find("demo-hp-1").WaitForState("queued", Wait));
            Assert.IsFalse(await row.IsVisibleAsync(), "no feedback row while queued");
            await broker.PublishTicketAsync("demo-hp-1", "{\"id\":\"demo-hp-1-000001\",\"ticket\":\"1\",\"state\":\"done\",\"position\":null,\"waitS\":null,\"host\":\"Sara\"}");

            await row.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
            string text = await row.InnerTextAsync();
            StringAssert.Contains(text, "1 BankID: good");
            StringAssert.Contains(text, "2 Swish: okay");
            StringAssert.Contains(text, "3 Print: bad");
            Assert.AreEqual("1", await page.GetByTestId("press-demo-hp-1-bankid").Locator(".digit").InnerTextAsync());

            // As on the device, button 1 (BankID) answers "good" while the display asks; it starts no request.
            await page.GetByTestId("press-demo-hp-1-bankid").ClickAsync();
            Assert.IsTrue(broker.WaitForMessage("helppoint/v1/demo/demo-hp-1/feedback", Wait));
            Assert.AreEqual("{\"id\":\"demo-hp-1-000001\",\"score\":3}", broker.Received("helppoint/v1/demo/demo-hp-1/feedback"));
            await row.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Hidden });
            Assert.AreEqual("demo-hp-1-000001", sim.Fleet.Find("demo-hp-1").RequestId);
        }

        [TestMethod]
        public async Task The_demo_runs_the_ticket_board_as_demo_board_and_the_page_shows_it()
        {
            await using var broker = await FakeGateway.StartAsync();
            await using var sim = await Simulator.StartAsync(broker);
            IPage page = await sim.OpenAsync();

            await WaitForText(page.GetByTestId("connection-demo-board"), "online");
            StringAssert.StartsWith(broker.Received("helppoint/v1/demo/demo-board/status"), "{\"online\":true,");
            await broker.PublishBoardAsync("{\"staffed\":true,\"serving\":[{\"ticket\":\"12\",\"host\":\"Sara\"}],\"waiting\":[\"13\",\"14\"],\"waitS\":240}");

            await WaitForText(page.GetByTestId("waiting-demo-board"), "13 14");
            await WaitForText(page.GetByTestId("now-serving-demo-board"), "12");
            await page.GetByTestId("board-demo-board").Locator("canvas").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        }

        private static async Task WaitForText(ILocator locator, string text)
        {
            await locator.WaitForAsync();
            Assert.IsTrue(await SpinUntilAsync(async () => (await locator.InnerTextAsync()) == text), "expected '" + text + "', was '" + await locator.InnerTextAsync() + "'");
        }

        private static async Task WaitForAttribute(ILocator locator, string name, string value)
        {
            Assert.IsTrue(await SpinUntilAsync(async () => (await locator.GetAttributeAsync(name)) == value), name + " was " + await locator.GetAttributeAsync(name));
        }

        private static bool SpinUntil(Func<bool> condition)
        {
            return SpinWait.SpinUntil(condition, Wait);
        }

        private static async Task<bool> SpinUntilAsync(Func<Task<bool>> condition)
        {
            DateTime deadline = DateTime.UtcNow + Wait;
            while (!await condition())
            {
                if (DateTime.UtcNow >= deadline)
                {
                    return false;
                }

                await Task.Delay(50);
            }

            return true;
        }

        /// <summary>The simulator host on a free loopback port, its fleet, and one headless Chromium.</summary>
        private sealed class Simulator : IAsyncDisposable
        {
            private readonly WebApplication _app;
            private readonly string _url;
            private readonly string _data;
            private IPlaywright _playwright;
            private IBrowser _browser;

            private Simulator(WebApplication app, string url, string data)
            {
                _app = app;
                _url = url;
                _data = data;
            }

            public HelpPoint.Simulator.Devices.SimulatorFleet Fleet
            {
                get { return (HelpPoint.Simulator.Devices.SimulatorFleet)_app.Services.GetService(typeof(HelpPoint.Simulator.Devices.SimulatorFleet)); }
            }

            public static async Task<Simulator> StartAsync(FakeGateway broker)
            {
                if (!File.Exists(ChromiumPath))
                {
                    Assert.Inconclusive(ChromiumPath + " is missing (apt-get install chromium)");
                }

                string url = "http://127.0.0.1:" + FakeGateway.FreePort();
                string data = FakeGateway.TempDataPath();
                WebApplication app = SimulatorHost.Build(new[]
                {
                    "--urls", url, "--Mqtt:Port=" + broker.Port, "--Data:Path=" + data, "--Logging:LogLevel:Default=Warning",
                });
                await app.StartAsync();
                return new Simulator(app, url, data);
            }

            public async Task<IPage> OpenAsync()
            {
                _playwright = await Playwright.CreateAsync();
                _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = ChromiumPath,
                    Headless = true,
                    Args = new[] { "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-dev-shm-usage" },
                });
                IPage page = await _browser.NewPageAsync();
                page.SetDefaultTimeout(15000);
                await page.GotoAsync(_url + "/");
                return page;
            }

            public async ValueTask DisposeAsync()
            {
                if (_browser != null)
                {
                    await _browser.CloseAsync();
                }

                _playwright?.Dispose();
                await _app.StopAsync();
                await _app.DisposeAsync();
                if (Directory.Exists(_data))
                {
                    Directory.Delete(_data, true);
                }
            }
        }
    }
}
#endif
