using System.Globalization;
using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Requests;
using HelpPoint.Domain.Stats;
using HelpPoint.Gateway.Demo;
using HelpPoint.Gateway.Storage;
using Microsoft.EntityFrameworkCore;

namespace HelpPoint.Gateway.Hosting;

/// <summary>
/// Demo mode with <c>--Demo:HistoryDays=N</c>: gives the demo branch N past days of made-up but plausible requests, so the manager
/// dashboard has something to show. Deterministic (seeded per day) and done once: a demo branch with any past request is left alone.
/// Off by default, because the devices' retained tickets then start from an old (finished) request.
/// </summary>
public sealed class DemoHistoryStartup(DbFactory db, IBranchStore branches, IConfiguration configuration, TimeProvider time, ILogger<DemoHistoryStartup> logger)
    : IHostedService
{
    public const int MaxDays = 400;
    private static readonly (string Key, int Weight)[] CategoryWeights =
        [("bankid", 30), ("print", 20), ("email", 15), ("swish", 10), ("phone", 10), ("forms", 10), ("other", 5)];

    private static readonly (string? Key, int Weight)[] LanguageWeights =
        [("sv", 40), ("ar", 15), ("en", 10), ("so", 10), ("fa", 8), ("ti", 6), ("uk", 6), (null, 5)];

    private static readonly int[] HourWeights = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 6, 10, 8, 7, 10, 9, 7, 6, 4, 2, 0, 0, 0, 0];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var days = configuration.GetValue<int>("Demo:HistoryDays");
        if (!configuration.GetValue<bool>("Demo") || days <= 0)
        {
            return;
        }

        days = Math.Min(days, MaxDays);
        var branch = await branches.FindAsync(DemoSeeder.Branch, cancellationToken);
        if (branch is null)
        {
            return;
        }

        var today = LocalDays.DayOf(time.GetUtcNow(), branch.TimeZone);
        if (await db.ReadAsync(d => d.Requests.AnyAsync(r => r.Branch == branch.Id && r.LocalDay < today, cancellationToken)))
        {
            return;
        }

        var total = 0;
        for (var date = today.AddDays(-days); date < today; date = date.AddDays(1))
        {
            var day = Day(branch, date, ref total);
            await db.WriteAsync(async d =>
            {
                foreach (var (request, events) in day)
                {
                    d.Requests.Add(request);
                    d.RequestEvents.AddRange(events);
                }

                return await d.SaveChangesAsync(cancellationToken);
            }, cancellationToken);
        }

        logger.LogInformation("Demo history: {Count} requests over the {Days} days before today at {Branch}", total, days, branch.Id);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static List<(HelpRequest, List<RequestEvent>)> Day(Branch branch, DateOnly date, ref int total)
    {
        var random = new Random(date.DayNumber);
        var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var count = random.Next(weekend ? 8 : 18, weekend ? 20 : 42);
        var list = new List<(HelpRequest, List<RequestEvent>)>(count);
        var start = LocalDays.StartOf(date, branch.TimeZone);
        for (var n = 0; n < count; n++)
        {
            total++;
            var device = random.Next(3) == 0 ? "demo-hp-2" : "demo-hp-1";
            var id = $"{device}-{7_000_000_000L + total}";
            var pressed = start.AddHours(Pick(random, HourWeights.Select((w, h) => (h, w)).ToArray())).AddSeconds(random.Next(3600));
            var roll = random.Next(100);
            var state = roll < 86 ? RequestState.Done : roll < 92 ? RequestState.Cancelled : roll < 97 ? RequestState.Expired : RequestState.Unstaffed;
            var host = state == RequestState.Done ? (random.Next(2) == 0 ? ("host1", "Sara") : ("host2", "Yonas")) : ((string, string)?)null;
            var assigned = host is null ? (DateTimeOffset?)null : pressed.AddSeconds(15 + (int)(random.NextDouble() * random.NextDouble() * 420));
            var finished = state switch
            {
                RequestState.Done => assigned!.Value.AddSeconds(random.Next(120, 1200)),
                RequestState.Cancelled => pressed.AddSeconds(random.Next(20, 600)),
                RequestState.Expired => pressed.AddHours(1),
                _ => pressed,
            };
            var request = new HelpRequest
            {
                Id = id,
                Branch = branch.Id,
                Device = device,
                Category = Pick(random, CategoryWeights),
                Lang = Pick(random, LanguageWeights),
                Ticket = (n + 1).ToString(CultureInfo.InvariantCulture),
                LocalDay = date,
                PressedAt = pressed,
                ReceivedAt = pressed,
                State = state,
                QueueKey = pressed.ToUnixTimeMilliseconds(),
                HostUser = host?.Item1,
                HostName = host?.Item2,
                AssignedAt = assigned,
                FinishedAt = finished,
                Escalated = state == RequestState.Expired,
                Outcome = state == RequestState.Done ? (random.Next(10) == 0 ? "referred" : "helped") : null,
                Feedback = state == RequestState.Done && random.Next(10) < 6 ? (random.Next(10) < 7 ? 3 : random.Next(1, 3)) : null,
            };
            var events = new List<RequestEvent> { Event(request, pressed, state == RequestState.Unstaffed ? "unstaffed" : "created", device) };
            if (state != RequestState.Unstaffed)
            {
                events.Add(Event(request, pressed.AddSeconds(1), "offered", "system"));
            }

            if (assigned is { } a)
            {
                events.Add(Event(request, a, "accepted", host!.Value.Item1));
            }

            if (request.Escalated)
            {
                events.Add(Event(request, pressed.AddMinutes(5), "escalated", "system"));
            }

            events.Add(Event(request, finished, state switch { RequestState.Done => "done", RequestState.Cancelled => "cancelled", RequestState.Expired => "expired", _ => "unstaffed" }, "system"));
            list.Add((request, events));
        }

        return list;
    }

    private static T Pick<T>(Random random, (T Key, int Weight)[] weights)
    {
        var roll = random.Next(weights.Sum(w => w.Weight));
        foreach (var (key, weight) in weights)
        {
            if ((roll -= weight) < 0)
            {
                return key;
            }
        }

        return weights[^1].Key;
    }

    private static RequestEvent Event(HelpRequest r, DateTimeOffset at, string kind, string actor) =>
        new() { RequestId = r.Id, Branch = r.Branch, At = at, Kind = kind, Actor = actor };
}
