using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HelpPoint.Gateway.Tests.Support;
using Microsoft.Data.Sqlite;

namespace HelpPoint.Gateway.Tests.Faults;

/// <summary>The database file locked by someone else, or its disk full: the gateway says it is unhealthy, keeps what it has, and recovers by itself.</summary>
[TestClass]
public sealed class Database_Faults_Tests
{
    private static async Task FinishAsync(HttpClient host, string id)
    {
        Assert.AreEqual(HttpStatusCode.OK, (await host.PostAsync($"/api/v1/requests/{id}/accept", null)).StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, (await host.PostAsync($"/api/v1/requests/{id}/done", null)).StatusCode);
    }

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task A_locked_database_makes_the_gateway_unhealthy_and_nothing_is_lost_when_it_is_released()
    {
        await using var gw = await TestGateway.StartAsync();
        using var host = await gw.HostOnDutyAsync();
        using var anonymous = gw.Client();
        await using var device = new StubbornDevice(gw.MqttPort, "demo", "demo-hp-1", "demo-secret");
        Assert.IsNotNull(await device.PressUntilTicketAsync(1, "queued", TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(3)));
        await FinishAsync(host, "demo-hp-1-000001"); // one open request per help point: the next press is a new one

        // Someone (a backup tool, an admin's sqlite3 shell) takes an exclusive lock on the database file.
        await using var locker = new SqliteConnection($"Data Source={Path.Combine(gw.DataPath, "helppoint.db")};Pooling=False");
        await locker.OpenAsync();
        await using (var begin = locker.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE;";
            await begin.ExecuteNonQueryAsync();
        }

        var unhealthy = await WaitForHealthAsync(anonymous, HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(15));
        StringAssert.Contains(unhealthy, "database");
        var pressing = device.PressUntilTicketAsync(2, "queued", TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(4));
        await Task.Delay(TimeSpan.FromSeconds(6));
        Assert.IsFalse(pressing.IsCompleted, "no ticket can be given while nothing can be stored");

        await using (var rollback = locker.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync();
        }

        await locker.CloseAsync();
        await WaitForHealthAsync(anonymous, HttpStatusCode.OK, TimeSpan.FromSeconds(15));
        Assert.IsNotNull(await pressing, "the press made during the lock must be stored once the lock is gone");
        var queue = await host.GetFromJsonAsync<JsonElement>("/api/v1/branches/demo/queue");
        CollectionAssert.AreEquivalent(new[] { "demo-hp-1-000002" }, queue.EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToArray());
        Assert.AreEqual(HelpPoint.Domain.Requests.RequestState.Done, (await gw.Get<HelpPoint.Domain.Requests.IRequestStore>().FindAsync("demo-hp-1-000001"))?.State, "the earlier request is kept as it was");
    }

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task A_full_disk_makes_the_gateway_unhealthy_and_it_recovers_when_space_returns()
    {
        var mount = Directory.CreateTempSubdirectory("hp-full-").FullName;
        Run("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", mount);
        try
        {
            var data = Path.Combine(mount, "data");
            await using var gw = await TestGateway.StartAsync(dataPath: data, extra: ["--Data:MinFreeBytes=4194304"]);
            using var host = await gw.HostOnDutyAsync();
            using var anonymous = gw.Client();
            await using var device = new StubbornDevice(gw.MqttPort, "demo", "demo-hp-2", "demo-secret");
            Assert.IsNotNull(await device.PressUntilTicketAsync(1, "queued", TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(3)));
            await FinishAsync(host, "demo-hp-2-000001"); // one open request per help point: the next press is a new one

            // Something else fills the disk.
            var filler = Path.Combine(mount, "filler.bin");
            await FillAsync(filler);
            var unhealthy = await WaitForHealthAsync(anonymous, HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(10));
            StringAssert.Contains(unhealthy, "disk almost full");
            var pressing = device.PressUntilTicketAsync(2, "queued", TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(4));

            File.Delete(filler);
            await WaitForHealthAsync(anonymous, HttpStatusCode.OK, TimeSpan.FromSeconds(10));
            Assert.IsNotNull(await pressing, "the press must be stored once there is space");
            var queue = await host.GetFromJsonAsync<JsonElement>("/api/v1/branches/demo/queue");
            CollectionAssert.AreEquivalent(new[] { "demo-hp-2-000002" }, queue.EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToArray());
            Assert.AreEqual(HelpPoint.Domain.Requests.RequestState.Done, (await gw.Get<HelpPoint.Domain.Requests.IRequestStore>().FindAsync("demo-hp-2-000001"))?.State, "the earlier request is kept as it was");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Run("umount", "-l", mount);
            Directory.Delete(mount, recursive: true);
        }
    }

    private static async Task FillAsync(string path)
    {
        var chunk = new byte[256 * 1024];
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough);
        try
        {
            for (var i = 0; i < 1000; i++)
            {
                await file.WriteAsync(chunk);
                await file.FlushAsync();
            }
        }
        catch (IOException)
        {
            // Full.
        }
    }

    private static async Task<string> WaitForHealthAsync(HttpClient client, HttpStatusCode expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            using var response = await client.GetAsync("/healthz");
            last = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == expected)
            {
                return last;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"healthz never became {expected}; last answer: {last}");
        return last;
    }

    private static void Run(string command, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(command, args) { RedirectStandardError = true, UseShellExecute = false })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.AreEqual(0, process.ExitCode, $"{command} {string.Join(' ', args)}: {error} (these fault tests run as root, as the test command does)");
    }
}
