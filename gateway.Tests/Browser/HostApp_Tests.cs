using HelpPoint.Gateway.Tests.Support;
using HelpPoint.Simulator.Devices;
using Microsoft.Playwright;

namespace HelpPoint.Gateway.Tests.Browser;

/// <summary>The IT-host phone app in real Chromium at a phone viewport, against a real gateway and a simulated help point.</summary>
[TestClass]
public sealed class HostApp_Tests
{
    [TestMethod]
    public async Task A_press_on_a_help_point_reaches_the_host_live_and_accepting_tells_the_device()
    {
        await using var gw = await TestGateway.StartAsync();
        using var helpPoint = new VirtualHelpPoint(new VirtualHelpPointOptions
        {
            Branch = "demo",
            DeviceId = "demo-hp-1",
            Secret = "demo-secret",
            MqttPort = gw.MqttPort,
            DataPath = Path.Combine(gw.DataPath, "simulator"),
        });
        helpPoint.Start();
        Assert.IsTrue(helpPoint.WaitForConnected(TimeSpan.FromSeconds(10)), "the simulated help point did not connect");

        var page = await Chromium.PhonePageAsync(gw.Http);
        await page.GotoAsync("/");
        await page.GetByTestId("login-user").FillAsync("host1");
        await page.GetByTestId("login-secret").FillAsync("1111");
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("me-name")).ToHaveTextAsync("Sara");
        await Assertions.Expect(page.GetByTestId("live")).ToHaveAttributeAsync("data-live", "on");

        await page.GetByTestId("duty-toggle").ClickAsync();
        await Assertions.Expect(page.GetByTestId("duty-state")).ToHaveTextAsync("On duty at demo");
        await Chromium.ScreenshotAsync(page, "host-on-duty");

        Assert.IsTrue(helpPoint.Press("bankid", "ar"), "the help point refused the press");
        var card = page.GetByTestId("request-demo-hp-1-000001");
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(card).ToHaveAttributeAsync("data-state", "queued");
        await Assertions.Expect(card).ToContainTextAsync("BankID");
        await Assertions.Expect(card).ToContainTextAsync("العربية");
        Assert.IsTrue(helpPoint.WaitForState("queued", TimeSpan.FromSeconds(5)), $"device state is {helpPoint.State}");
        await Chromium.ScreenshotAsync(page, "host-offer");

        await page.GetByTestId("accept-demo-hp-1-000001").ClickAsync();

        await Assertions.Expect(card).ToHaveAttributeAsync("data-state", "assigned");
        Assert.IsTrue(helpPoint.WaitForState("assigned", TimeSpan.FromSeconds(5)), $"device state is {helpPoint.State}");
        Assert.AreEqual("Sara", helpPoint.Host);
        await Chromium.ScreenshotAsync(page, "host-assigned");

        await page.GetByTestId("done-demo-hp-1-000001").ClickAsync();
        await Assertions.Expect(card).ToHaveCountAsync(0);
        Assert.IsTrue(helpPoint.WaitForState("done", TimeSpan.FromSeconds(5)), $"device state is {helpPoint.State}");
        await page.Context.CloseAsync();
    }

    [TestMethod]
    public async Task A_wrong_pin_shows_an_error_and_keeps_the_login()
    {
        await using var gw = await TestGateway.StartAsync();
        var page = await Chromium.PhonePageAsync(gw.Http);
        await page.GotoAsync("/");

        await page.GetByTestId("login-user").FillAsync("host1");
        await page.GetByTestId("login-secret").FillAsync("0000");
        await page.GetByTestId("login-submit").ClickAsync();

        await Assertions.Expect(page.GetByTestId("login-error")).ToHaveTextAsync("wrong user or secret");
        await Assertions.Expect(page.Locator("#app")).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    [TestMethod]
    public async Task A_signed_in_host_stays_signed_in_after_a_reload()
    {
        await using var gw = await TestGateway.StartAsync();
        var page = await Chromium.PhonePageAsync(gw.Http);
        await page.GotoAsync("/");
        await page.GetByTestId("login-user").FillAsync("host2");
        await page.GetByTestId("login-secret").FillAsync("2222");
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("me-name")).ToHaveTextAsync("Yonas");

        await page.ReloadAsync();

        await Assertions.Expect(page.GetByTestId("me-name")).ToHaveTextAsync("Yonas");
        await page.GetByTestId("sign-out").ClickAsync();
        await Assertions.Expect(page.Locator("#login")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#login")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
