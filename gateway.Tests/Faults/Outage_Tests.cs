using System.Net.Http.Json;
using System.Text.Json;
using HelpPoint.Domain.Devices;
using HelpPoint.Gateway.Auth;
using HelpPoint.Gateway.Tests.Support;
using HelpPoint.Simulator.Devices;
using Microsoft.Data.Sqlite;

namespace HelpPoint.Gateway.Tests.Faults;

/// <summary>
/// Breaking things on purpose with real simulated help points (HelpPoint.Core with its durable offline queue): the gateway
/// killed hard mid-stream, the broker away for 10 s. Every press is stored exactly once.
/// </summary>
[TestClass]
public sealed class Outage_Tests
{
    [TestMethod]
    [Timeout(240_000, CooperativeCancellation = true)]
    public async Task The_gateway_killed_hard_mid_stream_from_20_devices_stores_every_press_exactly_once()
    {
        const int devices = 20, pressesEach = 5;
        var data = Directory.CreateTempSubdirectory("hp-kill-").FullName;
        var mqttPort = Ports.FreeTcpPort();
        var httpPort = Ports.FreeTcpPort();
        var ids = Enumerable.Range(1, devices).Select(i => $"kill-hp-{i:D2}").ToArray();
        await RegisterAsync(data, mqttPort, ids);

        var gateway = await GatewayProcess.StartAsync(data, mqttPort, httpPort);
        var points = ids.Select(id => Start(id, mqttPort, Path.Combine(data, "devices"))).ToList();
        var pressed = 0;
        var restarted = new TaskCompletionSource();
        try
        {
            var killer = Task.Run(async () =>
            {
                while (Volatile.Read(ref pressed) < devices * pressesEach * 2 / 5)
                {
                    await Task.Delay(20);
                }

                await gateway.KillHardAsync();
                await Task.Delay(1500);
                gateway = await GatewayProcess.StartAsync(data, mqttPort, httpPort);
                restarted.SetResult();
            });

            await Task.WhenAll(points.Select(p => Task.Run(() =>
            {
                for (var i = 0; i < pressesEach; i++)
                {
                    Assert.IsTrue(SpinUntil(() => p.Press("print"), TimeSpan.FromSeconds(60)), $"{p.DeviceId} could not press ({p.State})");
                    Interlocked.Increment(ref pressed);
                    Assert.IsTrue(p.WaitForState("unstaffed", TimeSpan.FromSeconds(90)), $"{p.DeviceId} press {i + 1}: {p.State}\n{gateway.Output}");
                }
            })));
            await killer;
        }
        finally
        {
            foreach (var p in points)
            {
                p.Dispose();
            }

            await gateway.DisposeAsync();
        }

        var (stored, distinct) = Count(data, "kill-hp-%");
        Console.WriteLine($"gateway kill: pressed {pressed}, stored {stored}, lost {pressed - distinct}, duplicated {stored - distinct}");
        Assert.AreEqual(devices * pressesEach, pressed);
        Assert.AreEqual(pressed, distinct, "every press is stored");
        Assert.AreEqual(distinct, stored, "none is stored twice");
        Directory.Delete(data, recursive: true);
    }

    [TestMethod]
    [Timeout(180_000, CooperativeCancellation = true)]
    public async Task The_embedded_broker_away_for_10_s_loses_nothing_pressed_meanwhile()
    {
        var data = Directory.CreateTempSubdirectory("hp-away-").FullName;
        var mqttPort = Ports.FreeTcpPort();
        var httpPort = Ports.FreeTcpPort();
        var ids = Enumerable.Range(1, 5).Select(i => $"away-hp-{i}").ToArray();
        await RegisterAsync(data, mqttPort, ids);
        var gateway = await GatewayProcess.StartAsync(data, mqttPort, httpPort);
        var points = ids.Select(id => Start(id, mqttPort, Path.Combine(data, "devices"))).ToList();
        try
        {
            foreach (var p in points)
            {
                Assert.IsTrue(p.WaitForConnected(TimeSpan.FromSeconds(15)));
            }

            // The gateway (and with it the embedded broker) stops; visitors keep pressing.
            await gateway.KillHardAsync();
            var down = DateTimeOffset.UtcNow;
            foreach (var p in points)
            {
                Assert.IsTrue(SpinUntil(() => !p.IsConnected, TimeSpan.FromSeconds(30)), $"{p.DeviceId} did not notice the broker was gone");
                Assert.IsTrue(p.Press("swish"));
                Assert.AreEqual("offline", p.State, "the display says the press is saved");
            }

            await Task.Delay(TimeSpan.FromSeconds(10) - (DateTimeOffset.UtcNow - down));
            gateway = await GatewayProcess.StartAsync(data, mqttPort, httpPort);

            foreach (var p in points)
            {
                Assert.IsTrue(p.WaitForState("unstaffed", TimeSpan.FromSeconds(90)), $"{p.DeviceId}: {p.State}");
            }
        }
        finally
        {
            foreach (var p in points)
            {
                p.Dispose();
            }

            await gateway.DisposeAsync();
        }

        var (stored, distinct) = Count(data, "away-hp-%");
        Console.WriteLine($"embedded broker away 10 s: pressed 5, stored {stored}, lost {5 - distinct}, duplicated {stored - distinct}");
        Assert.AreEqual(5, stored);
        Assert.AreEqual(5, distinct);
        using var db = Open(data);
        using var ages = db.CreateCommand();
        ages.CommandText = "SELECT min(received_at - pressed_at) FROM requests WHERE device LIKE 'away-hp-%'";
        Assert.IsTrue((long)ages.ExecuteScalar()! >= 8000, "the time spent waiting offline counts as waiting (ageMs)");
        Directory.Delete(data, recursive: true);
    }

    [TestMethod]
    [Timeout(180_000, CooperativeCancellation = true)]
    public async Task Mosquitto_away_for_10_s_loses_nothing_and_the_gateway_reconnects()
    {
        var ids = Enumerable.Range(1, 5).Select(i => ($"mq-hp-{i}", "demo", $"mq-secret-{i}")).ToArray();
        await using var broker = await MosquittoBroker.StartAsync(ids);
        await using var gw = await TestGateway.StartWithAsync(broker.GatewayArgs("gw-outage"));
        foreach (var (id, branch, secret) in ids)
        {
            await gw.Get<IDeviceStore>().UpsertAsync(new Device { Id = id, Branch = branch, SecretHash = SecretHasher.HashDeviceSecret(secret) });
        }

        await gw.Get<HelpPoint.Gateway.Mqtt.DeviceStateRepublisher>().RepublishAsync(CancellationToken.None);
        var points = ids.Select(d => Start(d.Item1, broker.Port, Path.Combine(gw.DataPath, "devices"), d.Item3)).ToList();
        try
        {
            foreach (var p in points)
            {
                Assert.IsTrue(p.WaitForConnected(TimeSpan.FromSeconds(15)));
                Assert.IsTrue(SpinUntil(() => p.Snapshot.Categories is { Length: > 0 }, TimeSpan.FromSeconds(10)), "config arrived");
            }

            await broker.StopAsync();
            var down = DateTimeOffset.UtcNow;
            foreach (var p in points)
            {
                Assert.IsTrue(SpinUntil(() => !p.IsConnected, TimeSpan.FromSeconds(30)));
                Assert.IsTrue(p.Press("email"));
            }

            using var client = gw.Client();
            Assert.AreEqual(System.Net.HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz")).StatusCode, "no broker: not ready");
            await Task.Delay(TimeSpan.FromSeconds(10) - (DateTimeOffset.UtcNow - down));
            await broker.StartAgainAsync();

            foreach (var p in points)
            {
                Assert.IsTrue(p.WaitForState("unstaffed", TimeSpan.FromSeconds(90)), $"{p.DeviceId}: {p.State}\n{broker.Log}");
            }

            Assert.IsTrue((await client.GetAsync("/healthz")).IsSuccessStatusCode);
        }
        finally
        {
            foreach (var p in points)
            {
                p.Dispose();
            }
        }

        using var manager = await gw.SignInAsync("manager", "demo-manager");
        var counts = await gw.Get<HelpPoint.Gateway.Storage.DbFactory>().ReadAsync(db => Task.FromResult(db.Requests.Count(r => r.Device.StartsWith("mq-hp-"))));
        Console.WriteLine($"mosquitto away 10 s: pressed 5, stored {counts}");
        Assert.AreEqual(5, counts);
    }

    private static VirtualHelpPoint Start(string id, int port, string dataPath, string secret = "s3cret")
    {
        var p = new VirtualHelpPoint(new VirtualHelpPointOptions
        {
            Branch = "demo",
            DeviceId = id,
            Secret = secret,
            MqttPort = port,
            DataPath = dataPath,
            EndStateScreenTime = TimeSpan.FromSeconds(120),
            ResendAfter = TimeSpan.FromSeconds(3),
            MqttTimeout = TimeSpan.FromSeconds(3),
        });
        p.Start();
        return p;
    }

    private static async Task RegisterAsync(string data, int mqttPort, IEnumerable<string> ids)
    {
        await using var seed = await TestGateway.StartAsync(dataPath: data, mqttPort: mqttPort);
        foreach (var id in ids)
        {
            await seed.Get<IDeviceStore>().UpsertAsync(new Device { Id = id, Branch = "demo", SecretHash = SecretHasher.HashDeviceSecret("s3cret") });
        }
    }

    private static (long Stored, long Distinct) Count(string data, string pattern)
    {
        using var db = Open(data);
        using var command = db.CreateCommand();
        command.CommandText = "SELECT count(*), count(DISTINCT id) FROM requests WHERE device LIKE $p";
        command.Parameters.AddWithValue("$p", pattern);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static SqliteConnection Open(string data)
    {
        var db = new SqliteConnection($"Data Source={Path.Combine(data, "helppoint.db")};Mode=ReadOnly;Pooling=False");
        db.Open();
        return db;
    }

    private static bool SpinUntil(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            Thread.Sleep(20);
        }

        return true;
    }
}
