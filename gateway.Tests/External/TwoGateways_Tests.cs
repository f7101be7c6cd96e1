using System.Net.Http.Json;
using System.Text.Json;
using HelpPoint.Domain.Devices;
using HelpPoint.Gateway.Auth;
using HelpPoint.Gateway.Tests.Support;
using Npgsql;

namespace HelpPoint.Gateway.Tests.External;

/// <summary>
/// Scale-out under fault: two gateway processes share one Mosquitto (shared subscriptions) and one PostgreSQL; one is
/// killed hard mid-stream. Every press is stored exactly once, and a host connected to the survivor saw every request.
/// </summary>
[TestClass]
public sealed class TwoGateways_Tests
{
    // A help point has one open request at a time (a press while one is open gets that request's ticket), so every press
    // comes from a help point of its own: twenty lanes press at once, each its eight help points in turn.
    private const int Lanes = 20;
    private const int PressesPerLane = 8;

    [TestMethod]
    [Timeout(180_000, CooperativeCancellation = true)]
    public async Task Killing_one_of_two_gateways_mid_stream_loses_and_doubles_nothing_and_hosts_stay_informed()
    {
        var devices = Enumerable.Range(1, Lanes * PressesPerLane).Select(i => ($"dev-{i:D3}", "demo", $"secret-{i:D3}")).ToArray();
        await using var broker = await MosquittoBroker.StartAsync(devices);
        var storage = await TestGateway.StorageArgsAsync("postgres");
        var connectionString = storage[1]["--Data:ConnectionString=".Length..];

        // Register the devices in the shared database (the broker already knows their secrets).
        await using (var seed = await TestGateway.StartWithAsync(storage))
        {
            foreach (var (id, branch, secret) in devices)
            {
                await seed.Get<IDeviceStore>().UpsertAsync(new Device { Id = id, Branch = branch, SecretHash = SecretHasher.HashDeviceSecret(secret) });
            }
        }

        var data = Path.Combine(Path.GetTempPath(), "hp-two-" + Guid.NewGuid().ToString("N"));
        string[] Args(string id) => [.. storage, .. broker.GatewayArgs(id, second: id == "gw-b"), "--Routing:TickMs=500"];
        await using var a = await GatewayProcess.StartAsync(Path.Combine(data, "a"), Ports.FreeTcpPort(), Ports.FreeTcpPort(), Args("gw-a"));
        Assert.AreEqual("gw-a", await WaitForOwnerAsync(connectionString, "demo", o => o is not null), "the first gateway takes the branch");
        await using var b = await GatewayProcess.StartAsync(Path.Combine(data, "b"), Ports.FreeTcpPort(), Ports.FreeTcpPort(), Args("gw-b"));
        Assert.AreEqual("gw-a", await OwnerAsync(connectionString, "demo"), "one owner per branch: the second gateway forwards to it");

        // host1 watches through gateway B, host2 through gateway A (until A dies).
        var token1 = await OnDutyAsync(b.Http, "host1", "1111");
        var token2 = await OnDutyAsync(a.Http, "host2", "2222");
        await using var watcherOnB = SseListener.Start(b.Http, token1);
        await using var watcherOnA = SseListener.Start(a.Http, token2);
        await WaitUntilAsync(() => watcherOnA.Connected && watcherOnB.Connected, TimeSpan.FromSeconds(15), "live views did not connect");

        var clients = new List<DeviceClient>();
        foreach (var (id, branch, secret) in devices)
        {
            var client = await DeviceClient.ConnectAsync(broker.Port, branch, id, secret, mqtt5: false, clientId: null);
            await client.SubscribeTicketAsync();
            clients.Add(client);
        }

        var pressed = 0;
        var killed = false;
        long killedAt = 0;
        Task<TimeSpan>? takeover = null;
        var killAt = Lanes * PressesPerLane / 2;
        var presses = clients.Chunk(PressesPerLane).Select(async lane =>
        {
            foreach (var client in lane)
            {
                var id = $"{client.Device}-000001";
                // Like the firmware: send, and send again if no ticket came back (the id makes repeats harmless).
                for (var attempt = 0; attempt < 10; attempt++)
                {
                    await client.RequestAsync(1, lang: "sv");
                    if (await client.WaitForTicketAsync(id, "queued", TimeSpan.FromSeconds(3)) is not null)
                    {
                        break;
                    }
                }

                if (Interlocked.Increment(ref pressed) == killAt)
                {
                    killed = true;
                    await a.KillHardAsync();
                    killedAt = System.Diagnostics.Stopwatch.GetTimestamp();
                    takeover = Task.Run(async () =>
                    {
                        await WaitForOwnerAsync(connectionString, "demo", o => o == "gw-b");
                        return System.Diagnostics.Stopwatch.GetElapsedTime(killedAt);
                    });
                }
            }
        }).ToList();
        await Task.WhenAll(presses);
        Assert.IsTrue(killed);
        var takeoverTime = await takeover!;
        Assert.AreEqual("gw-b", await OwnerAsync(connectionString, "demo"), "the survivor owns the branch");

        var total = Lanes * PressesPerLane;
        foreach (var client in clients)
        {
            Assert.IsNotNull(await client.WaitForTicketAsync($"{client.Device}-000001", "queued", TimeSpan.FromSeconds(1)), $"{client.Device}'s press got no ticket");
            await client.DisposeAsync();
        }

        await using var db = new NpgsqlDataSourceBuilder(connectionString).Build();
        await using (var count = db.CreateCommand("SELECT count(*), count(DISTINCT id), count(DISTINCT ticket) FROM requests WHERE device LIKE 'dev-%'"))
        await using (var reader = await count.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            Assert.AreEqual(total, reader.GetInt64(0), "stored requests");
            Assert.AreEqual(total, reader.GetInt64(1), "distinct ids");
            Assert.AreEqual(total, reader.GetInt64(2), "every press has its own ticket number: none doubled");
        }

        var seenOnB = await WaitForAsync(() => watcherOnB.RequestIds(), ids => ids.Count(i => i.StartsWith("dev-", StringComparison.Ordinal)) >= total, TimeSpan.FromSeconds(10));
        Assert.AreEqual(total, seenOnB.Count(i => i.StartsWith("dev-", StringComparison.Ordinal)),
            "the host on gateway B must have been told of every request, also those gateway A took in");

        // host2's phone loses gateway A and reconnects (as behind a load balancer) to B: its snapshot is complete.
        await using var reconnected = SseListener.Start(b.Http, token2);
        await WaitUntilAsync(() => reconnected.Connected, TimeSpan.FromSeconds(10), "host2 could not reconnect to gateway B");
        var snapshot = reconnected.Events.First(e => e.Type == "queue").Data.GetProperty("requests");
        Assert.AreEqual(total, snapshot.EnumerateArray().Count(r => r.GetProperty("id").GetString()!.StartsWith("dev-", StringComparison.Ordinal)));
        Console.WriteLine($"two gateways: sent {total}, stored {total}, lost 0, duplicated 0; gateway A killed after {killAt} presses; B took the branch over {takeoverTime.TotalMilliseconds:F0} ms after the kill");
    }

    private static async Task<string> OnDutyAsync(Uri gateway, string user, string secret)
    {
        using var http = new HttpClient { BaseAddress = gateway };
        var session = await http.PostAsJsonAsync("/api/v1/session", new { user, secret });
        session.EnsureSuccessStatusCode();
        var token = (await session.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        (await http.PutAsJsonAsync("/api/v1/me/duty", new { branch = "demo", onDuty = true, languages = new[] { "sv" } })).EnsureSuccessStatusCode();
        return token;
    }

    /// <summary>The gateway (its MQTT client id) holding the branch's lease: the advisory lock, found in pg_locks.</summary>
    private static async Task<string?> OwnerAsync(string connectionString, string branch)
    {
        await using var db = new NpgsqlDataSourceBuilder(connectionString).Build();
        await using var query = db.CreateCommand(
            """
            SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
              AND ((l.classid::bigint << 32) | l.objid::bigint) = hashtextextended($1, 0)
            """);
        query.Parameters.Add(new NpgsqlParameter { Value = branch });
        return (await query.ExecuteScalarAsync() as string)?.Split(' ') is [_, var gateway, _] ? gateway : null;
    }

    private static async Task<string?> WaitForOwnerAsync(string connectionString, string branch, Func<string?, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var owner = await OwnerAsync(connectionString, branch);
        while (!done(owner) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            owner = await OwnerAsync(connectionString, branch);
        }

        return owner;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string message)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.IsTrue(DateTime.UtcNow < deadline, message);
            await Task.Delay(100);
        }
    }

    private static async Task<T> WaitForAsync<T>(Func<T> read, Func<T, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var value = read();
        while (!done(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            value = read();
        }

        return value;
    }
}
