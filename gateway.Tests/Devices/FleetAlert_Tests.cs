using System.Net.Http.Json;
using System.Text.Json;
using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Devices;
using HelpPoint.Domain.Fleet;
using HelpPoint.Domain.Staff;
using HelpPoint.Gateway.Tests.Stats;
using HelpPoint.Gateway.Tests.Support;
using Microsoft.Extensions.Options;

namespace HelpPoint.Gateway.Tests.Devices;

/// <summary>
/// Silent help points during opening hours raise alerts to the branch's managers: recorded, shown, pushed live and e-mailed.
/// The gateway runs on a fake clock set to Wednesday 2026-11-18 16:40 (Stockholm); the demo branch opens mon–fri 10:00–19:00.
/// </summary>
[TestClass]
public sealed class FleetAlert_Tests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);
    private static readonly DeviceStatus Heartbeat = new(true, "1.0.0", 60, -61, 81234, 0);

    private static async Task<TestGateway> StartAsync(params string[] extra)
    {
        var gw = await StatsGateway.StartAsync("sqlite", ["--Fleet:SilentAfter=00:10:00", .. extra]);
        var branches = gw.Get<IBranchStore>();
        var demo = (await branches.FindAsync("demo"))!;
        demo.OpeningHours = "mon-fri 10:00-19:00";
        await branches.UpsertAsync(demo);
        return gw;
    }

    private static DateTimeOffset Local(int day, int hour, int minute) => new(2026, 11, day, hour, minute, 0, TimeSpan.FromHours(1));

    private static Task<FleetCheck> CheckAsync(TestGateway gw) => gw.Get<FleetWatch>().CheckAsync(gw.Get<IOptions<FleetWatchOptions>>().Value);

    [TestMethod]
    public async Task A_help_point_silent_for_ten_minutes_while_open_raises_one_alert_that_clears_when_it_is_back()
    {
        await using var smtp = new FakeSmtpServer();
        await using var gw = await StartAsync(
            "--Smtp:Host=127.0.0.1", $"--Smtp:Port={smtp.Port}", "--Smtp:Security=none", "--Smtp:From=helppoint@library.test", "--Summary:Enabled=false");
        await StatsSeed.StaffAsync(gw, "kim", "Kim", StaffRole.Manager, "kim-password-1", ["demo"], email: "kim@library.test");
        var devices = gw.Get<DeviceService>();
        await devices.RecordStatusAsync("demo-hp-1", Heartbeat);
        using var manager = await gw.SignInAsync("manager", "demo-manager");
        using var stream = await OpenStreamAsync(manager);
        Assert.AreEqual("alerts", (await stream.NextAsync()).Event);

        gw.Clock().SetUtcNow(Local(18, 16, 49));
        Assert.AreEqual(0, (await CheckAsync(gw)).Raised, "9 minutes is not yet silent");
        gw.Clock().SetUtcNow(Local(18, 16, 51));
        Assert.AreEqual(1, (await CheckAsync(gw)).Raised);
        Assert.AreEqual(0, (await CheckAsync(gw)).Raised, "one alert per silence");

        var pushed = await stream.NextAsync();
        Assert.AreEqual("alert", pushed.Event);
        Assert.AreEqual("demo-hp-1", pushed.Data.GetProperty("device").GetString());
        StringAssert.Contains(pushed.Data.GetProperty("message").GetString(), "silent for 11 minutes");
        var listed = await manager.GetFromJsonAsync<JsonElement>("/api/v1/alerts");
        Assert.IsTrue(listed[0].GetProperty("open").GetBoolean());
        var fleet = await manager.GetFromJsonAsync<JsonElement>("/api/v1/devices?branch=demo");
        var hp1 = fleet.EnumerateArray().Single(d => d.GetProperty("id").GetString() == "demo-hp-1");
        Assert.AreEqual("silent", hp1.GetProperty("status").GetString());
        Assert.AreEqual(660, hp1.GetProperty("silentS").GetInt64());
        Assert.AreEqual("demo-hp-1", hp1.GetProperty("alert").GetProperty("device").GetString());
        Assert.AreEqual("never-seen", fleet.EnumerateArray().Single(d => d.GetProperty("id").GetString() == "demo-hp-2").GetProperty("status").GetString());
        Assert.IsTrue(await smtp.WaitForAsync(1, Bound), "no alert e-mail");
        Assert.AreEqual("HelpPoint alert: demo-hp-1 is silent", smtp.Messages[0].Subject);
        CollectionAssert.AreEqual(new[] { "kim@library.test" }, smtp.Messages[0].To.ToArray());

        await devices.RecordStatusAsync("demo-hp-1", Heartbeat);
        Assert.AreEqual(1, (await CheckAsync(gw)).Cleared);
        var cleared = await stream.NextAsync();
        Assert.AreEqual("alert-cleared", cleared.Event);
        Assert.IsFalse(cleared.Data.GetProperty("open").GetBoolean());
    }

    [TestMethod]
    public async Task A_raised_alert_reaches_the_managers_phone_on_its_ntfy_topic()
    {
        await using var ntfy = await FakeHttpService.StartAsync();
        ntfy.DefaultStatus = 200;
        await using var gw = await StartAsync("--Notifications:Ntfy:Enabled=true", $"--Notifications:Ntfy:BaseUrl={ntfy.Url}", "--Summary:Enabled=false");
        using var manager = await gw.SignInAsync("manager", "demo-manager");
        var set = await manager.PutAsJsonAsync("/api/v1/me/channels", new { ntfyTopic = "branch-manager-x9", uiLang = "en" });
        Assert.AreEqual(System.Net.HttpStatusCode.OK, set.StatusCode, await set.Content.ReadAsStringAsync());
        await gw.Get<DeviceService>().RecordStatusAsync("demo-hp-1", Heartbeat);

        gw.Clock().SetUtcNow(Local(18, 16, 51));
        Assert.AreEqual(1, (await CheckAsync(gw)).Raised);

        var publish = (await ntfy.WaitForAsync(1, Bound)).Single();
        var json = JsonDocument.Parse(publish.Body).RootElement;
        Assert.AreEqual("branch-manager-x9", json.GetProperty("topic").GetString());
        Assert.AreEqual("Help point demo-hp-1 is silent", json.GetProperty("title").GetString());
        StringAssert.Contains(json.GetProperty("message").GetString(), "silent for 11 minutes");
        Assert.AreEqual(5, json.GetProperty("priority").GetInt32(), "an alert is urgent");

        // Back again: cleared on the dashboard, nothing more sent to the phone.
        await gw.Get<DeviceService>().RecordStatusAsync("demo-hp-1", Heartbeat);
        Assert.AreEqual(1, (await CheckAsync(gw)).Cleared);
        await Task.Delay(500);
        Assert.AreEqual(1, ntfy.Requests.Count);
    }

    [TestMethod]
    public async Task Silence_while_closed_does_not_count_and_after_opening_it_counts_from_the_opening()
    {
        await using var gw = await StartAsync();
        var devices = gw.Get<DeviceService>();
        gw.Clock().SetUtcNow(Local(18, 18, 55));
        await devices.RecordStatusAsync("demo-hp-1", Heartbeat with { Online = false });

        gw.Clock().SetUtcNow(Local(18, 22, 0));
        Assert.AreEqual(0, (await CheckAsync(gw)).Raised, "closed at night");
        gw.Clock().SetUtcNow(Local(19, 10, 5));
        Assert.AreEqual(0, (await CheckAsync(gw)).Raised, "open for 5 minutes only");
        gw.Clock().SetUtcNow(Local(19, 10, 11));
        Assert.AreEqual(1, (await CheckAsync(gw)).Raised);
        var alert = (await gw.Get<IFleetAlertStore>().OpenAsync()).Single();
        StringAssert.Contains(alert.Message, "(offline)");
        Assert.AreEqual(Local(18, 18, 55), alert.Since);
    }

    [TestMethod]
    public async Task The_watch_runs_by_itself_on_its_interval()
    {
        await using var gw = await StartAsync("--Fleet:CheckEvery=00:00:30");
        await gw.Get<DeviceService>().RecordStatusAsync("demo-hp-2", Heartbeat);

        gw.Clock().Advance(TimeSpan.FromMinutes(11));

        var deadline = DateTime.UtcNow + Bound;
        while ((await gw.Get<IFleetAlertStore>().OpenAsync()).Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.AreEqual("demo-hp-2", (await gw.Get<IFleetAlertStore>().OpenAsync()).Single().Device);
    }

    [TestMethod]
    public async Task A_manager_of_another_branch_neither_lists_nor_streams_its_alerts()
    {
        await using var gw = await StartAsync();
        await StatsSeed.BranchAsync(gw, "north", "North library");
        await StatsSeed.StaffAsync(gw, "lee", "Lee", StaffRole.Manager, "lee-password-1", ["north"]);
        await gw.Get<DeviceService>().RecordStatusAsync("demo-hp-1", Heartbeat);
        using var lee = await gw.SignInAsync("lee", "lee-password-1");
        using var stream = await OpenStreamAsync(lee);
        await stream.NextAsync();

        gw.Clock().Advance(TimeSpan.FromMinutes(11));
        Assert.AreEqual(1, (await CheckAsync(gw)).Raised);

        Assert.AreEqual(0, (await lee.GetFromJsonAsync<JsonElement>("/api/v1/alerts")).GetArrayLength());
        Assert.AreEqual(0, (await lee.GetFromJsonAsync<JsonElement>("/api/v1/devices")).GetArrayLength());
        Assert.IsNull(await stream.NextAsync(TimeSpan.FromMilliseconds(500)), "nothing pushed");
    }

    private static async Task<SseReader> OpenStreamAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/alerts/stream", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        Assert.AreEqual("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new SseReader(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    /// <summary>Reads server-sent events one at a time, with a bounded wait.</summary>
    private sealed class SseReader(HttpResponseMessage response, StreamReader reader) : IDisposable
    {
        private Task<string?>? _pending;

        public async Task<(string Event, JsonElement Data)> NextAsync() =>
            await NextAsync(Bound) ?? throw new AssertFailedException("no server-sent event within the bound");

        public async Task<(string Event, JsonElement Data)?> NextAsync(TimeSpan timeout)
        {
            string? type = null;
            var deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                _pending ??= reader.ReadLineAsync();
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || await Task.WhenAny(_pending, Task.Delay(left)) != _pending)
                {
                    return null;
                }

                var line = await _pending;
                _pending = null;
                if (line is null)
                {
                    return null;
                }

                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    type = line[7..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal) && type is not null)
                {
                    return (type, JsonSerializer.Deserialize<JsonElement>(line[6..]));
                }
            }
        }

        public void Dispose()
        {
            reader.Dispose();
            response.Dispose();
        }
    }
}
