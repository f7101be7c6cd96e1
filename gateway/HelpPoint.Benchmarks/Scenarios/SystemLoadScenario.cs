using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HelpPoint.Benchmarks.Support;
using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Devices;
using HelpPoint.Domain.Duty;
using HelpPoint.Domain.Staff;
using HelpPoint.Gateway;
using HelpPoint.Gateway.Auth;
using HelpPoint.Gateway.Tests.Support;
using HelpPoint.Simulator.Load;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet.Server;

namespace HelpPoint.Benchmarks.Scenarios;

/// <summary>
/// <c>load</c>: the whole system against the raw broker, in one run on one machine, for one configuration
/// (<c>--config embedded</c>: embedded MQTTnet broker + SQLite; <c>--config mosquitto</c>: Mosquitto + PostgreSQL).
/// The gateway runs as its own process (Release build) so its memory and CPU are its own. Steps:
/// (1) raw broker publish→receive latency at each rate; (2) device publish → stored → ticket back at the device, and →
/// SSE event at a host, at increasing rates until p99 exceeds 100 ms; (3) memory and CPU with thousands of idle
/// connected help points sending heartbeats. Prints a Markdown table for docs/performance.md.
/// </summary>
public sealed class SystemLoadScenario : IScenario
{
    private const string BaselinePublisher = "bench-baseline";

    public string Name => "load";

    public string Description => "whole-system latency and capacity vs the raw broker (--config embedded|mosquitto --branches N --per-branch N --rates 100,500,… --seconds N --idle N --warmup-seconds 30 --warmup-rate 50)";

    public async Task<bool> RunAsync(ScenarioArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        var config = args.Text("config") ?? "embedded";
        var branches = args.Int("branches", 40);
        var perBranch = args.Int("per-branch", 25);
        var seconds = args.Int("seconds", 10);
        var idle = args.Int("idle", 5000);
        var rates = (args.Text("rates") ?? "25,50,100,250,500,1000,2000").Split(',').Select(r => double.Parse(r, CultureInfo.InvariantCulture)).ToArray();
        var external = config switch
        {
            "embedded" => false,
            "mosquitto" => true,
            _ => throw new ArgumentException("--config must be embedded or mosquitto"),
        };

        var work = Directory.CreateTempSubdirectory("hp-load-").FullName;
        var busy = LoadFleet.Plan(branches, perBranch, "bench");
        var idlePlan = Enumerable.Range(1, idle).Select(i => ("load-idle", $"idle-{i}", $"bench-idle-{i}")).ToList();
        var storage = new List<string>();
        if (external)
        {
            storage.Add("--Data:Provider=postgres");
            storage.Add($"--Data:ConnectionString={await PostgresServer.CreateDatabaseAsync()}");
        }

        var mqttPort = PortsFree();
        await SeedAsync(Path.Combine(work, "gateway"), storage, [.. busy, .. idlePlan], branches, cancellationToken);
        await output.WriteLineAsync($"seeded {busy.Count + idlePlan.Count} devices in {branches + 1} branches ({(external ? "postgres" : "sqlite")})");

        MosquittoBroker? mosquitto = null;
        MqttServer? bareBroker = null;
        var gatewayArgs = new List<string>(storage) { "--Mqtt:RateLimit:MessagesPerSecond=100", "--Mqtt:RateLimit:MessageBurst=200", "--Mqtt:RateLimit:ConnectBurst=50" };
        string brokerHost = "127.0.0.1";
        int brokerPort;
        int baselinePort;
        (string User, string Password) baselineUser;
        if (external)
        {
            mosquitto = await MosquittoBroker.StartAsync([.. busy.Select(d => (d.Device, d.Branch, d.Secret)), .. idlePlan.Select(d => (d.Item2, d.Item1, d.Item3))]);
            gatewayArgs.AddRange(mosquitto.GatewayArgs("bench-gateway"));
            brokerPort = baselinePort = mosquitto.Port;
            // Users of its own: Mosquitto takes the user name as the client id, so the baseline's publisher and subscriber
            // sharing one user (or the gateway's) would replace each other's sessions.
            foreach (var benchUser in new[] { BaselinePublisher, BaselinePublisher + "-sub" })
            {
                await HelpPoint.Gateway.Mqtt.MosquittoFiles.SetPasswordAsync(mosquitto.PasswordFile, benchUser, MosquittoBroker.GatewayPassword, cancellationToken);
                await HelpPoint.Gateway.Mqtt.MosquittoFiles.SetAclAsync(mosquitto.AclFile, benchUser, HelpPoint.Gateway.Mqtt.MosquittoFiles.GatewayAcl(benchUser), cancellationToken);
            }

            mosquitto.Reload();
            await Task.Delay(500, cancellationToken);
            baselineUser = (BaselinePublisher, MosquittoBroker.GatewayPassword);
        }
        else
        {
            brokerPort = mqttPort;
            baselinePort = PortsFree();
            bareBroker = new MqttServerFactory().CreateMqttServer(new MqttServerOptionsBuilder().WithDefaultEndpoint()
                .WithDefaultEndpointBoundIPAddress(System.Net.IPAddress.Loopback).WithDefaultEndpointPort(baselinePort).Build());
            await bareBroker.StartAsync();
            baselineUser = ("bench", "bench");
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"### {(external ? "Mosquitto + PostgreSQL" : "Embedded broker + SQLite")}");
        report.AppendLine();
        report.AppendLine("| rate (req/s) | raw broker p50 / p99 (ms) | press→ticket p50 / p99 (ms) | press→SSE p50 / p99 (ms) | answered/s | timeouts | p99 ÷ broker p99 | gateway CPU per request (ms) |");
        report.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        var highest = 0.0;
        var misses = 0;
        var ok = true;
        // The brokers started here are stopped however the run ends (a crash must not leave Mosquitto running).
        try
        {
            await using (var gateway = await GatewayProcess.StartAsync(Path.Combine(work, "gateway"), mqttPort, PortsFree(), [.. gatewayArgs]))
            {
                var tokens = new List<(string Branch, string Token)>();
                for (var b = 1; b <= branches; b++)
                {
                    tokens.Add(($"load-{b}", await SignInAsync(gateway.Http, $"host-load-{b}", "4242", cancellationToken)));
                }

                var clocks = tokens.Select(t => new SseClock(gateway.Http, t.Token, t.Branch)).ToList();
                await using var fleet = new LoadFleet(busy);
                var connecting = Stopwatch.StartNew();
                await fleet.ConnectAsync(brokerHost, brokerPort, 50, cancellationToken);
                await output.WriteLineAsync($"connected {busy.Count} load devices in {connecting.Elapsed.TotalSeconds:0.0} s");
                await Task.Delay(2000, cancellationToken);

                // Warm-up, not measured: the gateway's first requests compile its database queries (hundreds of milliseconds once), and
                // for its first half minute or so the JIT re-compiles hot methods in the background (tiered compilation), taking CPU a
                // long-running gateway does not spend. Both would otherwise land in the first rates' numbers.
                var warmup = args.Int("warmup-seconds", 30);
                if (warmup > 0)
                {
                    await fleet.RunAsync(args.Int("warmup-rate", 50), TimeSpan.FromSeconds(warmup), TimeSpan.FromSeconds(5), cancellationToken);
                    await Task.Delay(500, cancellationToken);
                    fleet.SentAt.Clear();
                    foreach (var c in clocks)
                    {
                        c.FirstSeen.Clear();
                    }
                }

                foreach (var rate in rates)
                {
                    var baseline = await BrokerBaseline.MeasureAsync(brokerHost, baselinePort, baselineUser.User, baselineUser.Password,
                        "helppoint/v1/_bench/latency", rate, TimeSpan.FromSeconds(Math.Min(5, seconds)), cancellationToken);
                    var cpuBefore = ProcessStats.CpuTime(gateway.Pid);
                    var run = await fleet.RunAsync(rate, TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(5), cancellationToken);
                    await Task.Delay(500, cancellationToken);

                    // Each request is a press and its withdrawal; the gateway's process CPU time over the run, per request sent.
                    var cpuPerRequest = (ProcessStats.CpuTime(gateway.Pid) - cpuBefore).TotalMilliseconds / Math.Max(1, run.Presses);
                    var sse = fleet.SentAt.Select(kv => clocks.Select(c => c.FirstSeen.TryGetValue(kv.Key, out var seen) ? (double?)Stopwatch.GetElapsedTime(kv.Value, seen).TotalMilliseconds : null).FirstOrDefault(x => x is not null))
                        .Where(x => x is not null).Select(x => x!.Value).Order().ToArray();
                    fleet.SentAt.Clear();
                    foreach (var c in clocks)
                    {
                        c.FirstSeen.Clear();
                    }

                    var ingest = await IngestMeanAsync(gateway.Http, cancellationToken);
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  gateway-side ingest so far: request {ingest.Request:0.0} ms, cancel {ingest.Cancel:0.0} ms on average"));
                    var p99 = run.Percentile(0.99);
                    var broker99 = baseline.Count > 0 ? baseline.Percentile(0.99) : double.NaN;
                    report.AppendLine(CultureInfo.InvariantCulture,
                        $"| {rate:0} | {P(baseline, 0.5):0.0} / {broker99:0.0} | {run.Percentile(0.5):0.0} / {p99:0.0} | {Pct(sse, 0.5):0.0} / {Pct(sse, 0.99):0.0} | {run.Throughput:0} | {run.Timeouts} | {p99 / broker99:0.0}× | {cpuPerRequest:0.000} |");
                    await output.WriteLineAsync(report.ToString().Split('\n').Reverse().Skip(1).First());
                    var sustained = p99 <= 100 && run.Timeouts <= run.Presses / 100 && run.Throughput >= rate * 0.9;
                    if (sustained)
                    {
                        highest = rate;
                        misses = 0;
                    }
                    else if (++misses == 2)
                    {
                        // One rate beyond the sustained one shows how overload is handled; a second miss ends the run.
                        break;
                    }
                }

                foreach (var c in clocks)
                {
                    await c.DisposeAsync();
                }

                // Idle help points: connect, one heartbeat round, then measure the gateway over a quiet window.
                await fleet.DisposeAsync();
                var before = ProcessStats.ResidentBytes(gateway.Pid);
                await using var idleFleet = new LoadFleet(idlePlan);
                connecting.Restart();
                await idleFleet.ConnectAsync(brokerHost, brokerPort, 100, cancellationToken);
                var connectTime = connecting.Elapsed;
                await idleFleet.HeartbeatAsync(TimeSpan.FromSeconds(20), cancellationToken);
                var cpu0 = ProcessStats.CpuTime(gateway.Pid);
                var window = Stopwatch.StartNew();
                await idleFleet.HeartbeatAsync(TimeSpan.FromSeconds(30), cancellationToken);
                var cpu = (ProcessStats.CpuTime(gateway.Pid) - cpu0) / window.Elapsed;
                GC.Collect();
                var rss = ProcessStats.ResidentBytes(gateway.Pid);
                report.AppendLine();
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"Highest sustained rate (p99 ≤ 100 ms, ≥ 90 % answered): **{highest:0} req/s**. {idle} idle help points connected in {connectTime.TotalSeconds:0} s, one heartbeat each per 30 s: gateway resident memory **{rss / 1048576.0:0} MB** (before them: {before / 1048576.0:0} MB), CPU {cpu * 100:0} % of one core.");
                ok = rss < 300L * 1024 * 1024;
            }

        }
        finally
        {
            if (bareBroker is not null)
            {
                await bareBroker.StopAsync();
                bareBroker.Dispose();
            }

            if (mosquitto is not null)
            {
                await mosquitto.DisposeAsync();
            }
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync(report.ToString());
        try
        {
            Directory.Delete(work, recursive: true);
        }
        catch (IOException)
        {
            // Left in /tmp.
        }

        return ok;
    }

    /// <summary>Average time the gateway spent per request and per cancel message so far (its own /metrics).</summary>
    private static async Task<(double Request, double Cancel)> IngestMeanAsync(Uri gateway, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = gateway };
        var text = await http.GetStringAsync("/metrics", cancellationToken);
        double Value(string name) => text.Split('\n').Where(l => l.StartsWith(name + " ", StringComparison.Ordinal))
            .Select(l => double.Parse(l[(name.Length + 1)..], CultureInfo.InvariantCulture)).FirstOrDefault();
        double Mean(string kind) => Value($"helppoint_ingest_{kind}_ms_sum") / Math.Max(1, Value($"helppoint_ingest_{kind}_ms_count"));
        return (Mean("request"), Mean("cancel"));
    }

    private static double P(Timings t, double p) => t.Count == 0 ? double.NaN : t.Percentile(p);

    private static double Pct(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length), 1, sorted.Length) - 1];

    private static int PortsFree() => Ports.FreeTcpPort();

    /// <summary>Branches, their hosts on duty, and every device, written by an in-process gateway that then stops.</summary>
    private static async Task SeedAsync(string dataPath, IEnumerable<string> storage, IReadOnlyList<(string Branch, string Device, string Secret)> devices, int branches, CancellationToken cancellationToken)
    {
        var app = GatewayHost.Build([
            "--urls", "http://127.0.0.1:0", $"--Mqtt:Port={PortsFree()}", "--Mqtt:BindAddress=127.0.0.1", $"--Data:Path={dataPath}",
            "--Logging:LogLevel:Default=Warning", "--Routing:TickMs=0", "--demo", .. storage]);
        await app.StartAsync(cancellationToken);
        try
        {
            var sp = app.Services;
            foreach (var branch in devices.Select(d => d.Branch).Distinct())
            {
                await sp.GetRequiredService<IBranchStore>().UpsertAsync(new Branch { Id = branch, Name = branch, AcceptTimeoutS = 600 }, cancellationToken);
            }

            var pin = SecretHasher.HashStaffSecret("4242");
            for (var b = 1; b <= branches; b++)
            {
                var user = new StaffUser { UserName = $"host-load-{b}", DisplayName = $"Host {b}", Role = StaffRole.Host, SecretHash = pin, Languages = ["sv"] };
                await sp.GetRequiredService<IStaffStore>().UpsertAsync(user, cancellationToken);
                await sp.GetRequiredService<HelpPoint.Gateway.Requests.Engine.BranchEngines>().SetDutyAsync(new Actor(user.UserName, user.DisplayName, StaffRole.Host), $"load-{b}", true, ["sv"], cancellationToken);
            }

            var store = sp.GetRequiredService<IDeviceStore>();
            foreach (var (branch, device, secret) in devices)
            {
                await store.UpsertAsync(new Device { Id = device, Branch = branch, SecretHash = SecretHasher.HashDeviceSecret(secret) }, cancellationToken);
            }
        }
        finally
        {
            await app.StopAsync(cancellationToken);
            await app.DisposeAsync();
        }
    }

    private static async Task<string> SignInAsync(Uri gateway, string user, string secret, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = gateway };
        var response = await http.PostAsJsonAsync("/api/v1/session", new { user, secret }, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("token").GetString()!;
    }
}
