using System.Globalization;
using System.Text.Json;
using HelpPoint.Domain.Requests;
using HelpPoint.Domain.Staff;
using HelpPoint.Gateway.Tests.Stats;
using HelpPoint.Gateway.Tests.Support;
using HelpPoint.Simulator.Devices;
using Microsoft.Playwright;

namespace HelpPoint.Gateway.Tests.Browser;

/// <summary>The manager dashboard in real Chromium at a desktop viewport, against a real gateway holding a generated month (October 2026).</summary>
[TestClass]
public sealed class ManagerDashboard_Tests
{
    private static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };

    private static async Task<IPage> DesktopPageAsync(TestGateway gw)
    {
        var browser = await Chromium.GetAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = Desktop,
            BaseURL = gw.Http.ToString(),
            Locale = "en-GB",
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(10_000);
        return await context.NewPageAsync();
    }

    private static async Task<IPage> SignedInAsync(TestGateway gw, string user = "manager", string secret = "demo-manager", string name = "Maria")
    {
        var page = await DesktopPageAsync(gw);
        await page.GotoAsync("/manager/");
        await page.GetByTestId("login-user").FillAsync(user);
        await page.GetByTestId("login-secret").FillAsync(secret);
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("me-name")).ToContainTextAsync(name);
        return page;
    }

    private static async Task ShowAsync(IPage page, string hash, string rendered)
    {
        await page.EvaluateAsync($"location.hash = '{hash}'");
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-rendered", rendered);
    }

    private static async Task<int> TotalAsync(IPage page, string chart) => int.Parse(await page.GetByTestId($"total-{chart}").InnerTextAsync(), CultureInfo.InvariantCulture);

    /// <summary>Adds up the values of a chart's bars (optionally those with one key).</summary>
    private static async Task<double> SumAsync(IPage page, string chart, string? key = null) =>
        await page.GetByTestId($"chart-{chart}").EvaluateAsync<double>(
            "(e, key) => [...e.querySelectorAll('rect.bar')].filter(r => !key || r.dataset.key === key).reduce((s, r) => s + Number(r.dataset.value), 0)", key);

    private static Task<double> ValueAsync(IPage page, string chart, string key) => SumAsync(page, chart, key);

    [TestMethod]
    public async Task The_dashboard_for_a_seeded_month_draws_every_chart_with_the_right_totals()
    {
        await using var gw = await TestGateway.StartAsync();
        await StatsSeed.RequestsAsync(gw, MonthSeed.Requests());
        var month = MonthSeed.Requests().Select(x => x.Request).ToList();
        var done = month.Where(r => r.State == RequestState.Done).ToList();
        var page = await SignedInAsync(gw);

        // Range view: the whole month.
        await ShowAsync(page, "#range/demo/2026-10-01/2026-10-31", "range:demo:2026-10-01:2026-10-31");
        Assert.AreEqual(month.Count.ToString(CultureInfo.InvariantCulture), await page.GetByTestId("range-kpi-total").InnerTextAsync());
        Assert.AreEqual(month.Count, await TotalAsync(page, "trend-requests"));
        Assert.AreEqual(month.Count, await SumAsync(page, "trend-requests"));
        Assert.AreEqual(31, await page.GetByTestId("chart-trend-requests").Locator("g.column").CountAsync());
        Assert.AreEqual(month.Count, await TotalAsync(page, "range-categories"));
        foreach (var category in Categories.All)
        {
            var expected = month.Count(r => r.Category == category);
            Assert.AreEqual(expected, await SumAsync(page, "trend-requests", category), category);
            Assert.AreEqual(expected, await ValueAsync(page, "range-categories", category), category);
        }

        Assert.AreEqual(month.Count, await TotalAsync(page, "range-hours"));
        Assert.AreEqual(month.Count, await SumAsync(page, "range-hours"));
        Assert.AreEqual(month.Count, await TotalAsync(page, "range-languages"));
        Assert.AreEqual(month.Count(r => r.Lang == "ar"), await ValueAsync(page, "range-languages", "ar"));
        Assert.AreEqual(done.Count, await TotalAsync(page, "range-hosts"));
        Assert.AreEqual(done.Count(r => r.HostName == "Sara"), await ValueAsync(page, "range-hosts", "Sara"));
        Assert.AreEqual(done.Count(r => r.HostName == "Yonas"), await ValueAsync(page, "range-hosts", "Yonas"));
        Assert.AreEqual(done.Count, await TotalAsync(page, "range-feedback"));
        Assert.AreEqual(done.Count(r => r.Feedback == 3), await ValueAsync(page, "range-feedback", "happy"));
        Assert.AreEqual(done.Count(r => r.Feedback == 1), await ValueAsync(page, "range-feedback", "unhappy"));
        Assert.AreEqual(31, await page.GetByTestId("chart-trend-wait").Locator("circle[data-key='wait-median']").CountAsync());
        Assert.AreEqual(31, await page.GetByTestId("chart-trend-target").Locator("circle").CountAsync());
        Assert.AreEqual(month.Count(r => r.State == RequestState.Expired).ToString(CultureInfo.InvariantCulture), await page.GetByTestId("range-kpi-expired").InnerTextAsync());
        await Chromium.ScreenshotAsync(page, "manager-range");

        // Day view: 14 October has 4 + 14 % 5 = 8 requests.
        var day = month.Where(r => r.LocalDay == new DateOnly(2026, 10, 14)).ToList();
        await ShowAsync(page, "#day/demo/2026-10-14", "day:demo:2026-10-14");
        Assert.AreEqual(8, day.Count);
        Assert.AreEqual("Demo library — Wednesday, 14 October 2026", await page.GetByTestId("day-title").InnerTextAsync());
        Assert.AreEqual("8", await page.GetByTestId("day-kpi-total").InnerTextAsync());
        foreach (var chart in new[] { "hours", "devices", "languages", "states" })
        {
            Assert.AreEqual(day.Count, await TotalAsync(page, chart), chart);
            Assert.AreEqual(day.Count, await SumAsync(page, chart), chart);
        }

        foreach (var category in Categories.All)
        {
            Assert.AreEqual(day.Count(r => r.Category == category), await SumAsync(page, "hours", category), category);
        }

        Assert.AreEqual(day.Count(r => r.Device == "demo-hp-1"), await ValueAsync(page, "devices", "demo-hp-1"));
        Assert.AreEqual(day.Count(r => r.State == RequestState.Done), await TotalAsync(page, "hosts"));
        Assert.AreEqual(day.Count(r => r.State == RequestState.Done), await ValueAsync(page, "states", "done"));
        Assert.AreEqual(day.Count(r => r.Feedback is not null), await TotalAsync(page, "feedback"));
        Assert.AreEqual(4, await page.GetByTestId("chart-times").Locator("rect.bar").CountAsync(), "median and p90 of wait and of helping");
        await Chromium.ScreenshotAsync(page, "manager-day");

        // The autumn DST day says so.
        await ShowAsync(page, "#day/demo/2026-10-25", "day:demo:2026-10-25");
        await Assertions.Expect(page.GetByTestId("day-note")).ToContainTextAsync("25 hours");
        Assert.AreEqual(month.Count(r => r.LocalDay.Day == 25), await TotalAsync(page, "hours"));

        // Branches side by side and the daily summary.
        await ShowAsync(page, "#compare/2026-10-01/2026-10-31", "compare:2026-10-01:2026-10-31");
        await Assertions.Expect(page.Locator("#compare-table tr[data-branch='demo'] td").Nth(1)).ToHaveTextAsync(month.Count.ToString(CultureInfo.InvariantCulture));
        Assert.AreEqual(month.Count, await TotalAsync(page, "compare-requests"));
        await ShowAsync(page, "#summary/demo/2026-10-14", "summary:demo:2026-10-14");
        await Assertions.Expect(page.Locator("[data-testid=summary] tr[data-key=requests] td.day")).ToHaveTextAsync("8");
        await Assertions.Expect(page.Locator("[data-testid=summary] tr[data-key=requests] td.week")).ToHaveTextAsync(
            month.Count(r => r.LocalDay.Day == 7).ToString(CultureInfo.InvariantCulture));
        await Chromium.ScreenshotAsync(page, "manager-summary");
        await page.Context.CloseAsync();
    }

    [TestMethod]
    public async Task The_csv_downloads_are_exactly_what_the_api_answers()
    {
        await using var gw = await TestGateway.StartAsync();
        await StatsSeed.RequestsAsync(gw, MonthSeed.Requests());
        using var api = await gw.SignInAsync("manager", "demo-manager");
        var page = await SignedInAsync(gw);

        await ShowAsync(page, "#day/demo/2026-10-14", "day:demo:2026-10-14");
        var dayCsv = await DownloadAsync(page, "day-csv");
        var rowsCsv = await DownloadAsync(page, "day-rows-csv");
        await ShowAsync(page, "#range/demo/2026-10-01/2026-10-31", "range:demo:2026-10-01:2026-10-31");
        var rangeCsv = await DownloadAsync(page, "range-csv");

        Assert.AreEqual("helppoint-demo-2026-10-14.csv", dayCsv.Name);
        Assert.AreEqual(await api.GetStringAsync("/api/v1/stats/daily?branch=demo&date=2026-10-14&format=csv"), dayCsv.Text);
        Assert.AreEqual(await api.GetStringAsync("/api/v1/stats/requests?branch=demo&from=2026-10-14&to=2026-10-14"), rowsCsv.Text);
        Assert.AreEqual(await api.GetStringAsync("/api/v1/stats/range?branch=demo&from=2026-10-01&to=2026-10-31&format=csv"), rangeCsv.Text);
        StringAssert.StartsWith(dayCsv.Text, "metric,key,value\n\"branch\",\"\",\"demo\"\n\"date\",\"\",2026-10-14\n\"total\",\"\",8\n");
        Assert.AreEqual(1 + 8, rowsCsv.Text.TrimEnd('\n').Split('\n').Length);
        await page.Context.CloseAsync();
    }

    [TestMethod]
    public async Task The_fleet_page_shows_a_help_point_going_offline_and_the_alert_for_its_silence()
    {
        await using var gw = await TestGateway.StartAsync(extra: ["--Fleet:SilentAfter=00:00:02", "--Fleet:CheckEvery=00:00:01"]);
        var helpPoint = new VirtualHelpPoint(new VirtualHelpPointOptions
        {
            Branch = "demo",
            DeviceId = "demo-hp-1",
            Secret = "demo-secret",
            MqttPort = gw.MqttPort,
            DataPath = Path.Combine(gw.DataPath, "simulator"),
        });
        try
        {
            helpPoint.Start();
            Assert.IsTrue(helpPoint.WaitForConnected(TimeSpan.FromSeconds(10)), "the simulated help point did not connect");
            var page = await SignedInAsync(gw);
            await page.EvaluateAsync("location.hash = '#fleet'");

            await Assertions.Expect(page.GetByTestId("status-demo-hp-1")).ToHaveTextAsync("Online");
            await Assertions.Expect(page.GetByTestId("device-demo-hp-1")).ToContainTextAsync("dBm");
            await Assertions.Expect(page.GetByTestId("status-demo-hp-2")).ToHaveTextAsync("Never seen");
            await Chromium.ScreenshotAsync(page, "manager-fleet-online");

            helpPoint.Dispose();

            await Assertions.Expect(page.GetByTestId("status-demo-hp-1")).ToHaveTextAsync("Offline");
            await Assertions.Expect(page.GetByTestId("device-demo-hp-1")).ToHaveAttributeAsync("data-status", "offline");
            await Assertions.Expect(page.GetByTestId("alert-banner")).ToContainTextAsync("demo-hp-1 has been silent");
            await Assertions.Expect(page.GetByTestId("alert-count")).ToHaveTextAsync("1");
            await Assertions.Expect(page.GetByTestId("alert-list")).ToContainTextAsync("Open");
            await Chromium.ScreenshotAsync(page, "manager-fleet-offline");
            await page.Context.CloseAsync();
        }
        finally
        {
            helpPoint.Dispose();
        }
    }

    [TestMethod]
    public async Task An_admin_registers_a_device_sees_its_secret_once_and_revokes_it()
    {
        await using var gw = await TestGateway.StartAsync();
        await StatsSeed.StaffAsync(gw, "root", "Root", StaffRole.Admin, "root-password-1");
        var page = await SignedInAsync(gw, "root", "root-password-1", "Root");
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByTestId("nav-devices").ClickAsync();

        await page.GetByTestId("reg-id").FillAsync("demo-hp-3");
        await page.GetByTestId("reg-ssid").FillAsync("Library-IoT");
        await page.GetByTestId("reg-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("secret-box")).ToBeVisibleAsync();
        var secret = await page.GetByTestId("secret-value").InnerTextAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("secret-download").ClickAsync());
        var config = JsonSerializer.Deserialize<JsonElement>(await File.ReadAllTextAsync(await download.PathAsync()));
        await Chromium.ScreenshotAsync(page, "manager-devices");

        Assert.AreEqual("config.json", download.SuggestedFilename);
        Assert.AreEqual(secret, config.GetProperty("secret").GetString());
        Assert.AreEqual("Library-IoT", config.GetProperty("wifi").GetProperty("ssid").GetString());
        await (await gw.DeviceAsync("demo-hp-3", secret)).DisposeAsync();

        await page.GetByTestId("revoke-demo-hp-3").ClickAsync();
        await Assertions.Expect(page.GetByTestId("registration-demo-hp-3")).ToHaveAttributeAsync("data-state", "revoked");
        await Assert.ThrowsExactlyAsync<ConnectRefusedException>(() => gw.DeviceAsync("demo-hp-3", secret));
        await page.Context.CloseAsync();
    }

    [TestMethod]
    public async Task An_it_host_is_sent_to_the_phone_app()
    {
        await using var gw = await TestGateway.StartAsync();
        var page = await DesktopPageAsync(gw);
        await page.GotoAsync("/manager/");
        await page.GetByTestId("login-user").FillAsync("host1");
        await page.GetByTestId("login-secret").FillAsync("1111");
        await page.GetByTestId("login-submit").ClickAsync();

        await Assertions.Expect(page.GetByTestId("login-error")).ToContainTextAsync("for managers and admins");
        await Assertions.Expect(page.GetByTestId("nav-day")).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    private static async Task<(string Name, string Text)> DownloadAsync(IPage page, string testId)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId(testId).ClickAsync());
        return (download.SuggestedFilename, await File.ReadAllTextAsync(await download.PathAsync()));
    }
}
