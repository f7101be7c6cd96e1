using System.Net.Http.Json;
using System.Text.Json;
using HelpPoint.Gateway.Stats;
using HelpPoint.Gateway.Storage;
using HelpPoint.Gateway.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HelpPoint.Gateway.Tests.Stats;

/// <summary>Retention on a fake clock: old days are folded into kept aggregates and their raw rows deleted, and their figures do not change.</summary>
[TestClass]
public sealed class Retention_Tests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task Old_days_are_folded_on_schedule_and_still_give_the_same_figures(string provider)
    {
        await using var gw = await StatsGateway.StartAsync(provider);
        await StatsSeed.RequestsAsync(gw, MonthSeed.Requests());
        await StatsSeed.KnownDayAsync(gw);
        var db = gw.Get<DbFactory>();
        var monthTotal = MonthSeed.Requests().Count;
        var before = await ReadAsync(gw);

        // A year later the retention job (first run one minute after start) folds every day older than 365 days: 1–19 October 2026.
        gw.Clock().SetUtcNow(DateTimeOffset.Parse("2027-10-20T12:00:00Z"));
        Assert.IsTrue(await WaitUntilAsync(async () => await CountAsync(db, new DateOnly(2026, 10, 20)) == 0), "October 1–19 were not folded");

        var afterFirst = await ReadAsync(gw);
        Assert.AreEqual(before.Range, afterFirst.Range, "the month's figures did not change");
        Assert.AreEqual(before.Day, afterFirst.Day.Replace("\"folded\":true", "\"folded\":false", StringComparison.Ordinal));
        StringAssert.Contains(afterFirst.Day, "\"folded\":true");
        var kept = await db.ReadAsync(d => d.DailyAggregates.CountAsync());
        Assert.AreEqual(19, kept);
        var eventsLeft = await db.ReadAsync(d => d.RequestEvents.CountAsync(e => e.Branch == MonthSeed.Branch));
        var requestsLeft = await db.ReadAsync(d => d.Requests.CountAsync(r => r.Branch == MonthSeed.Branch));
        Assert.IsTrue(requestsLeft < monthTotal && requestsLeft > 0);
        Assert.IsTrue(eventsLeft >= requestsLeft && eventsLeft <= 2 * requestsLeft, "the folded requests' events went with them");
        Assert.AreEqual(12, await db.ReadAsync(d => d.Requests.CountAsync(r => r.Branch == KnownDay.Branch)), "a day within retention is untouched");

        // The next run (every 6 hours) a week later takes the days up to the 26th, the autumn DST day among them.
        gw.Clock().SetUtcNow(DateTimeOffset.Parse("2027-10-26T12:00:00Z"));
        Assert.IsTrue(await WaitUntilAsync(async () => await CountAsync(db, new DateOnly(2026, 10, 26)) == 0), "October 20–25 were not folded");
        var afterSecond = await ReadAsync(gw);
        Assert.AreEqual(before.Range, afterSecond.Range);
        Assert.AreEqual(before.DstDay, afterSecond.DstDay.Replace("\"folded\":true", "\"folded\":false", StringComparison.Ordinal));
        StringAssert.Contains(afterSecond.DstDay, "\"hoursInDay\":25");
    }

    [TestMethod]
    public async Task Retention_days_of_zero_keep_everything()
    {
        await using var gw = await StatsGateway.StartAsync("sqlite", "--Stats:RetentionDays=0");
        await StatsSeed.RequestsAsync(gw, MonthSeed.Requests());
        gw.Clock().SetUtcNow(DateTimeOffset.Parse("2030-01-01T12:00:00Z"));

        var result = await gw.Get<RetentionJob>().RunOnceAsync(CancellationToken.None);

        Assert.AreEqual(0, result.Requests);
        Assert.AreEqual(MonthSeed.Requests().Count, await gw.Get<DbFactory>().ReadAsync(d => d.Requests.CountAsync()));
    }

    private static Task<int> CountAsync(DbFactory db, DateOnly before) =>
        db.ReadAsync(d => d.Requests.CountAsync(r => r.Branch == MonthSeed.Branch && r.LocalDay < before));

    /// <summary>Signs in anew each time (the fake clock jumps past session lifetimes) and reads the month, 5 October and 25 October.</summary>
    private static async Task<(string Range, string Day, string DstDay)> ReadAsync(TestGateway gw)
    {
        using var manager = await gw.SignInAsync("manager", "demo-manager");
        var range = await manager.GetStringAsync("/api/v1/stats/range?branch=demo&from=2026-10-01&to=2026-10-31");
        var day = await manager.GetStringAsync("/api/v1/stats/daily?branch=demo&date=2026-10-05");
        var dst = await manager.GetStringAsync("/api/v1/stats/daily?branch=demo&date=2026-10-25");
        Assert.AreEqual(JsonValueKind.Object, JsonSerializer.Deserialize<JsonElement>(range).ValueKind);
        return (range, day, dst);
    }

    private static async Task<bool> WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return await condition();
    }
}
