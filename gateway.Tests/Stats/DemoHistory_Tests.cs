using System.Net.Http.Json;
using System.Text.Json;
using HelpPoint.Gateway.Storage;
using HelpPoint.Gateway.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HelpPoint.Gateway.Tests.Stats;

/// <summary><c>--Demo:HistoryDays</c> gives the demo dashboard past days to show, once.</summary>
[TestClass]
public sealed class DemoHistory_Tests
{
    [TestMethod]
    public async Task Demo_history_fills_the_past_days_once_and_leaves_today_empty()
    {
        var data = Path.Combine(Path.GetTempPath(), "hp-history-" + Guid.NewGuid().ToString("N"));
        try
        {
            int seeded;
            await using (var gw = await TestGateway.StartAsync(dataPath: data, extra: ["--Demo:HistoryDays=14"]))
            {
                using var manager = await gw.SignInAsync("manager", "demo-manager");
                var branch = (await manager.GetFromJsonAsync<JsonElement>("/api/v1/stats/branches"))[0];
                var today = DateOnly.Parse(branch.GetProperty("today").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                var range = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/stats/range?branch=demo&from={today.AddDays(-14):yyyy-MM-dd}&to={today:yyyy-MM-dd}");

                var days = range.GetProperty("days").EnumerateArray().ToList();
                Assert.AreEqual(15, days.Count);
                Assert.IsTrue(days.Take(14).All(d => d.GetProperty("total").GetInt32() >= 8), "every past day has requests");
                Assert.AreEqual(0, days[14].GetProperty("total").GetInt32(), "today is left to the real help points");
                seeded = await gw.Get<DbFactory>().ReadAsync(db => db.Requests.CountAsync());
                Assert.AreEqual(seeded, range.GetProperty("total").GetInt32());
            }

            await using (var again = await TestGateway.StartAsync(dataPath: data, extra: ["--Demo:HistoryDays=14"]))
            {
                Assert.AreEqual(seeded, await again.Get<DbFactory>().ReadAsync(db => db.Requests.CountAsync()), "not seeded a second time");
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }
}
