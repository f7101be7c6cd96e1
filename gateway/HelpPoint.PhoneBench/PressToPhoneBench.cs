using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Devices;
using HelpPoint.Domain.Staff;
using HelpPoint.Gateway;
using HelpPoint.Gateway.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Protocol;

namespace HelpPoint.PhoneBench;

/// <summary>
/// Starts a gateway in this process with a number of branches (each with its help points and one IT-host on duty with a
/// live stream open), and has the help points press at a steady total rate, round-robin over the branches. Each request's latency is the time from just before its MQTT publish to the moment its first
/// <c>request</c> event is read from the host's stream; both ends use this process's monotonic clock. By default each visitor
/// withdraws the request once the phone has it (MQTT <c>cancel</c>, doubling the messages), so the queue stays as short as in
/// a real library; <c>--withdraw false</c> lets the queues grow instead.
/// </summary>
public static class PressToPhoneBench
{
    public static async Task<BenchResult> RunAsync(BenchOptions o)
    {
        var data = Path.Combine(Path.GetTempPath(), "hp-phonebench-" + Guid.NewGuid().ToString("N"));
        var mqttPort = FreePort();
        var app = GatewayHost.Build(
        [
            "--urls", "http://127.0.0.1:0", $"--Mqtt:Port={mqttPort}", "--Mqtt:BindAddress=127.0.0.1", $"--Data:Path={data}",
            $"--Data:SqliteSynchronous={o.Synchronous}", "--Logging:LogLevel:Default=Warning",
        ]);
        await app.StartAsync();
        try
        {
            var http = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            var (branches, devices) = await SeedAsync(app, o.Branches, o.DevicesPerBranch);
            var seen = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
            var arrived = new SemaphoreSlim(0);
            using var stop = new CancellationTokenSource();
            var hosts = new List<HttpClient>();
            var streams = new List<Task>();
            for (var b = 0; b < branches.Count; b++)
            {
                var host = await HostOnDutyAsync(http, $"bench-host-{b + 1}", branches[b]);
                hosts.Add(host);
                streams.Add(ReadStreamAsync(host, branches[b], seen, arrived, stop.Token));
            }

            var clients = new List<IMqttClient>();
            foreach (var (branch, device) in devices)
            {
                clients.Add(await ConnectAsync(mqttPort, device));
            }

            var sent = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
            var sequence = 0;

            async Task<string> PressAsync(int index)
            {
                // Round-robin over branches first, so consecutive presses land in different branches.
                var slot = (index % branches.Count * o.DevicesPerBranch) + (index / branches.Count % o.DevicesPerBranch);
                var client = clients[slot];
                var (branch, device) = devices[slot];
                var id = $"{device}-{Interlocked.Increment(ref sequence):D6}";
                sent[id] = Stopwatch.GetTimestamp();
                await client.PublishAsync(Message(branch, device, "request", $"{{\"id\":\"{id}\",\"category\":\"bankid\",\"lang\":\"sv\",\"ageMs\":0}}"));
                return id;
            }

            // Warm-up: JIT, connection pools, SQLite pages; not counted.
            var warm = new List<string>();
            for (var i = 0; i < o.WarmupRequests; i++)
            {
                warm.Add(await PressAsync(i));
                await Task.Delay(10);
            }

            await WaitForAsync(seen, warm, TimeSpan.FromSeconds(30));
            await CancelAllAsync(clients, devices, warm);

            // Measured run: a steady rate, each press fired on its schedule (not after the previous one finished).
            var total = (int)(o.Rate * o.Seconds);
            var interval = TimeSpan.FromSeconds(1 / o.Rate);
            var measured = new string[total];
            var pending = new List<Task>();
            var cancels = o.Withdraw ? ConsumeAndCancelAsync(clients, devices, seen, arrived, stop.Token) : Task.CompletedTask;
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < total; i++)
            {
                var due = start + (long)(i * interval.TotalSeconds * Stopwatch.Frequency);
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                var index = i;
                pending.Add(Task.Run(async () => measured[index] = await PressAsync(o.WarmupRequests + index)));
            }

            await Task.WhenAll(pending);
            var elapsed = Stopwatch.GetElapsedTime(start);
            await WaitForAsync(seen, measured, TimeSpan.FromSeconds(10));
            var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
            await stop.CancelAsync();
            await Task.WhenAll([.. streams.Select(Quietly), Quietly(cancels)]);
            hosts.ForEach(h => h.Dispose());

            var latencies = measured.Where(seen.ContainsKey)
                .Select(id => Stopwatch.GetElapsedTime(sent[id], seen[id]).TotalMilliseconds).OrderBy(x => x).ToArray();
            foreach (var client in clients)
            {
                await client.DisconnectAsync();
                client.Dispose();
            }

            return new BenchResult(total, total - latencies.Length, total / elapsed.TotalSeconds, cpuMs / total, Environment.ProcessorCount,
                Percentile(latencies, 50), Percentile(latencies, 90), Percentile(latencies, 99), latencies.Length > 0 ? latencies[^1] : double.NaN);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                // A temp directory left behind is harmless.
            }
        }
    }

    /// <summary>Branches <c>bench-1…</c>, each with help points <c>bench-{b}-hp-{d}</c> and an IT-host <c>bench-host-{b}</c>.</summary>
    private static async Task<(List<string> Branches, List<(string Branch, string Device)> Devices)> SeedAsync(WebApplication app, int branchCount, int devicesPerBranch)
    {
        var branchStore = app.Services.GetRequiredService<IBranchStore>();
        var deviceStore = app.Services.GetRequiredService<IDeviceStore>();
        var staff = app.Services.GetRequiredService<IStaffStore>();
        var branches = new List<string>();
        var devices = new List<(string, string)>();
        for (var b = 1; b <= branchCount; b++)
        {
            var branch = $"bench-{b}";
            await branchStore.UpsertAsync(new Branch { Id = branch, Name = $"Bench {b}" });
            await staff.UpsertAsync(new StaffUser { UserName = $"bench-host-{b}", DisplayName = $"Host {b}", Role = StaffRole.Host, SecretHash = SecretHasher.HashStaffSecret("0000") });
            for (var d = 1; d <= devicesPerBranch; d++)
            {
                var id = $"bench-{b}-hp-{d}";
                await deviceStore.UpsertAsync(new Device { Id = id, Branch = branch, Kind = DeviceKind.HelpPoint, SecretHash = SecretHasher.HashDeviceSecret("bench-secret") });
                devices.Add((branch, id));
            }

            branches.Add(branch);
        }

        return (branches, devices);
    }

    private static async Task<HttpClient> HostOnDutyAsync(Uri http, string user, string branch)
    {
        var client = new HttpClient { BaseAddress = http, Timeout = Timeout.InfiniteTimeSpan };
        var session = await (await client.PostAsJsonAsync("/api/v1/session", new { user, secret = "0000" })).Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.GetProperty("token").GetString());
        (await client.PutAsJsonAsync("/api/v1/me/duty", new { branch, onDuty = true, languages = new[] { "sv" } })).EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>Reads the host's stream; stamps the first <c>request</c> event of every id the moment its line is read.</summary>
    private static async Task ReadStreamAsync(HttpClient host, string branch, ConcurrentDictionary<string, long> seen, SemaphoreSlim arrived, CancellationToken cancellationToken)
    {
        using var response = await host.GetAsync($"/api/v1/events?branch={branch}", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken), Encoding.UTF8);
        string? type = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                type = line[7..];
            }
            else if (type == "request" && line.StartsWith("data: ", StringComparison.Ordinal))
            {
                var now = Stopwatch.GetTimestamp();
                using var json = JsonDocument.Parse(line.AsMemory(6));
                var id = json.RootElement.GetProperty("data").GetProperty("id").GetString()!;
                if (seen.TryAdd(id, now))
                {
                    arrived.Release();
                }
            }
        }
    }

    /// <summary>The visitor walks off once the phone has the request, so the queue stays short (as it does in a library).</summary>
    private static async Task ConsumeAndCancelAsync(List<IMqttClient> clients, List<(string Branch, string Device)> devices, ConcurrentDictionary<string, long> seen, SemaphoreSlim arrived, CancellationToken cancellationToken)
    {
        var cancelled = new HashSet<string>(seen.Keys, StringComparer.Ordinal);
        while (!cancellationToken.IsCancellationRequested)
        {
            await arrived.WaitAsync(cancellationToken);
            foreach (var id in seen.Keys)
            {
                if (cancelled.Add(id))
                {
                    await CancelAllAsync(clients, devices, [id]);
                }
            }
        }
    }

    private static async Task CancelAllAsync(List<IMqttClient> clients, List<(string Branch, string Device)> devices, IEnumerable<string> ids)
    {
        foreach (var id in ids)
        {
            var slot = devices.FindIndex(d => id.StartsWith(d.Device + "-", StringComparison.Ordinal) && !id[(d.Device.Length + 1)..].Contains('-'));
            await clients[slot].PublishAsync(Message(devices[slot].Branch, devices[slot].Device, "cancel", $"{{\"id\":\"{id}\"}}"));
        }
    }

    private static async Task WaitForAsync(ConcurrentDictionary<string, long> seen, IEnumerable<string?> ids, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (ids.Any(id => id is null || !seen.ContainsKey(id)) && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(20);
        }
    }

    private static async Task<IMqttClient> ConnectAsync(int port, string device)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithCredentials(device, "bench-secret")
            .WithClientId(device + "-bench").WithTimeout(TimeSpan.FromSeconds(10)).Build());
        return client;
    }

    private static MqttApplicationMessage Message(string branch, string device, string kind, string json) => new MqttApplicationMessageBuilder()
        .WithTopic($"helppoint/v1/{branch}/{device}/{kind}").WithPayload(json).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or HttpRequestException)
        {
            // Stopped at the end of the run.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Latency figures of one run, in milliseconds.</summary>
public sealed record BenchResult(int Requests, int Lost, double AchievedRate, double CpuMsPerRequest, int Cores, double P50Ms, double P90Ms, double P99Ms, double MaxMs)
{
    public string Report(BenchOptions o) => string.Create(CultureInfo.InvariantCulture, $"""
        Press to phone (device MQTT publish → SSE event in the host's stream), {Requests} requests at {AchievedRate:F1}/s over {o.Branches} branches ({o.Branches * o.DevicesPerBranch} help points, one IT-host each), SQLite synchronous={o.Synchronous}, {(o.Withdraw ? "each request withdrawn once seen" : "requests left waiting")}
          p50 {P50Ms:F1} ms   p90 {P90Ms:F1} ms   p99 {P99Ms:F1} ms   max {MaxMs:F1} ms   lost {Lost}
          CPU of this process (gateway + simulated devices + phones) {CpuMsPerRequest:F1} ms per request on {Cores} cores; load average {LoadAverage()}
          target p99 < {o.TargetP99Ms} ms: {(P99Ms < o.TargetP99Ms && Lost == 0 ? "met" : "NOT met")}
        """);

    /// <summary>The machine's 1-minute load average (Linux), to tell a busy machine from a slow gateway.</summary>
    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
