using System.Diagnostics;
using System.Globalization;
using HelpPoint.Benchmarks.Support;
using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Requests;
using HelpPoint.Domain.Stats;
using HelpPoint.Gateway.Storage;
using Microsoft.EntityFrameworkCore;

namespace HelpPoint.Benchmarks.Scenarios;

/// <summary>
/// <c>stats-daily</c>: <c>GET /api/v1/stats/daily</c> for a day with 10,000 requests (and about five events each) must answer in under
/// 200 ms. Measures the 90th percentile of sequential calls over real HTTP against a real database.
/// </summary>
public sealed class StatsDailyScenario : IScenario
{
    private static readonly string[] Languages = ["sv", "sv", "sv", "en", "ar", "so", "fa", "ti", "uk"];
    private static readonly string[] Outcomes = ["helped", "helped", "helped", "referred", "no-show"];

    public string Name => "stats-daily";

    public string Description => "GET /api/v1/stats/daily for a day with 10,000 requests, cold and warm; goal: cold p90 under 200 ms (--requests N --iterations N --goal-ms N)";

    public async Task<bool> RunAsync(ScenarioArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        var requests = args.Int("requests", 10_000);
        var iterations = args.Int("iterations", 50);
        var goalMs = args.Int("goal-ms", 200);

        // Cold: every call computes the day from the database (the cache of closed days is off). This is what the goal is about.
        var cold = await RunPhaseAsync("cold", [.. args.GatewaySettings, "--Stats:CacheClosedDays=false"], requests, iterations, output, cancellationToken);
        if (cold is null)
        {
            return false;
        }

        // Warm: the default configuration, where a closed past day is computed once and then reused until one of its requests changes.
        var warm = await RunPhaseAsync("warm", args.GatewaySettings, requests, iterations, output, cancellationToken);
        if (warm is null)
        {
            return false;
        }

        var met = cold.Percentile(0.9) < goalMs;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{(met ? "PASS" : "FAIL")}: cold p90 {cold.Percentile(0.9):0.0} ms, goal under {goalMs} ms ({Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {LoadAverage()})"));
        return met;
    }

    private static async Task<Timings?> RunPhaseAsync(
        string phase, IEnumerable<string> settings, int requests, int iterations, TextWriter output, CancellationToken cancellationToken)
    {
        await using var gw = await BenchGateway.StartAsync(settings);
        var branch = (await gw.Get<IBranchStore>().FindAsync("demo", cancellationToken))!;
        var day = LocalDays.DayOf(DateTimeOffset.UtcNow, branch.TimeZone).AddDays(-1);
        var seeding = Stopwatch.StartNew();
        var events = await SeedAsync(gw.Get<DbFactory>(), branch, day, requests, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"[{phase}] seeded {requests} requests and {events} events at branch demo on {day:yyyy-MM-dd} in {seeding.Elapsed.TotalSeconds:0.0} s ({gw.Get<DbFactory>().Options.Provider})"));

        using var client = await gw.SignInAsync("manager", "demo-manager");
        var url = $"/api/v1/stats/daily?branch=demo&date={day:yyyy-MM-dd}";
        var check = await client.GetStringAsync(url, cancellationToken);
        if (!check.Contains($"\"total\":{requests}", StringComparison.Ordinal))
        {
            await output.WriteLineAsync("the answer does not count every seeded request: " + check[..Math.Min(200, check.Length)]);
            return null;
        }

        for (var i = 0; i < 5; i++)
        {
            await client.GetStringAsync(url, cancellationToken);
        }

        var json = await MeasureAsync(client, url, iterations, $"[{phase}] GET daily (JSON)", cancellationToken);
        var csv = await MeasureAsync(client, url + "&format=csv", Math.Max(5, iterations / 2), $"[{phase}] GET daily (CSV)", cancellationToken);
        await output.WriteLineAsync(json.Report());
        await output.WriteLineAsync(csv.Report());
        return json;
    }

    private static async Task<Timings> MeasureAsync(HttpClient client, string url, int iterations, string name, CancellationToken cancellationToken)
    {
        var timings = new Timings(name);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < iterations; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(url, cancellationToken);
            await response.Content.ReadAsByteArrayAsync(cancellationToken);
            response.EnsureSuccessStatusCode();
            timings.Add(watch.Elapsed);
        }

        // CPU time of this process (client and gateway) per call: unlike wall time, hardly moved by other load on the machine.
        timings.CpuPerCall = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore) / iterations;
        return timings;
    }

    /// <summary>
    /// A busy day, deterministic (fixed seed): presses spread over 08:00–22:00 local, most helped by one of 15 hosts after 1–3 offers,
    /// some cancelled, expired or unstaffed, half of the helped leaving feedback. Written in batches straight into the store.
    /// </summary>
    private static async Task<int> SeedAsync(DbFactory db, Branch branch, DateOnly day, int count, CancellationToken cancellationToken)
    {
        // A shared database (PostgreSQL) still holds the previous phase's day: start from an empty day every time.
        await db.WriteAsync(async d =>
        {
            var ids = d.Requests.Where(r => r.Branch == branch.Id && r.LocalDay == day).Select(r => r.Id);
            await d.RequestEvents.Where(e => ids.Contains(e.RequestId)).ExecuteDeleteAsync(cancellationToken);
            return await d.Requests.Where(r => r.Branch == branch.Id && r.LocalDay == day).ExecuteDeleteAsync(cancellationToken);
        }, cancellationToken);

        var random = new Random(42);
        var start = LocalDays.StartOf(day, branch.TimeZone).AddHours(8);
        var batch = new List<(HelpRequest, List<RequestEvent>)>();
        var events = 0;
        for (var n = 1; n <= count; n++)
        {
            var device = $"bench-hp-{random.Next(1, 21)}";
            var id = $"{device}-{n:D6}";
            var pressed = start.AddSeconds(random.Next(0, 14 * 3600));
            var roll = random.Next(100);
            var state = roll < 80 ? RequestState.Done : roll < 88 ? RequestState.Cancelled : roll < 94 ? RequestState.Expired : RequestState.Unstaffed;
            var host = state == RequestState.Done ? $"host{random.Next(1, 16)}" : null;
            var assigned = host is null ? (DateTimeOffset?)null : pressed.AddSeconds(random.Next(5, 600));
            var finished = state switch
            {
                RequestState.Done => assigned!.Value.AddSeconds(random.Next(60, 1800)),
                RequestState.Cancelled => pressed.AddSeconds(random.Next(10, 900)),
                RequestState.Expired => pressed.AddHours(2),
                _ => pressed,
            };
            var request = new HelpRequest
            {
                Id = id,
                Branch = branch.Id,
                Device = device,
                Category = Categories.All[random.Next(Categories.All.Count)],
                Lang = random.Next(10) == 0 ? null : Languages[random.Next(Languages.Length)],
                Ticket = n.ToString(CultureInfo.InvariantCulture),
                LocalDay = day,
                PressedAt = pressed,
                ReceivedAt = pressed,
                State = state,
                QueueKey = pressed.ToUnixTimeMilliseconds(),
                HostUser = host,
                HostName = host is null ? null : "Host " + host[4..],
                AssignedAt = assigned,
                FinishedAt = finished,
                Escalated = random.Next(20) == 0,
                Outcome = state == RequestState.Done ? Outcomes[random.Next(Outcomes.Length)] : null,
                Feedback = state == RequestState.Done && random.Next(2) == 0 ? random.Next(1, 4) : null,
            };
            var log = new List<RequestEvent> { Event(request, pressed, state == RequestState.Unstaffed ? "unstaffed" : "created") };
            if (state != RequestState.Unstaffed)
            {
                var offers = random.Next(1, 4);
                for (var o = 0; o < offers; o++)
                {
                    log.Add(Event(request, pressed.AddSeconds(o * 60), "offered"));
                    if (o < offers - 1)
                    {
                        log.Add(Event(request, pressed.AddSeconds((o * 60) + 30), random.Next(2) == 0 ? "declined" : "offer-timeout"));
                    }
                }
            }

            if (assigned is { } a)
            {
                log.Add(Event(request, a, "accepted"));
            }

            log.Add(Event(request, finished, state switch { RequestState.Done => "done", RequestState.Cancelled => "cancelled", RequestState.Expired => "expired", _ => "unstaffed" }));
            if (request.Feedback is not null)
            {
                log.Add(Event(request, finished.AddSeconds(20), "feedback"));
            }

            events += log.Count;
            batch.Add((request, log));
            if (batch.Count == 1000 || n == count)
            {
                var rows = batch.ToList();
                batch.Clear();
                await db.WriteAsync(async d =>
                {
                    foreach (var (r, e) in rows)
                    {
                        d.Requests.Add(r);
                        d.RequestEvents.AddRange(e);
                    }

                    return await d.SaveChangesAsync(cancellationToken);
                }, cancellationToken);
            }
        }

        return events;
    }

    /// <summary>The 1-minute load average on Linux, so a reader can tell a busy machine's numbers from a quiet one's.</summary>
    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private static RequestEvent Event(HelpRequest r, DateTimeOffset at, string kind) =>
        new() { RequestId = r.Id, Branch = r.Branch, At = at, Kind = kind, Actor = r.HostUser ?? r.Device };
}
