using HelpPoint.Domain.Requests;
using HelpPoint.Domain.Stats;

namespace HelpPoint.Gateway.Tests.Stats;

/// <summary>
/// A hand-made day at branch "known" (Europe/Stockholm, target 120 s) on Wednesday 2026-11-18 (CET, UTC+1), with every figure worked
/// out by hand in the comments. Times carry milliseconds on purpose, to pin the rounding to whole seconds.
/// </summary>
public static class KnownDay
{
    public const string Branch = "known";
    public static readonly DateOnly Date = new(2026, 11, 18);
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    /// <summary>When the figures are taken: 16:40 local, so the queued request r12 (16:30) has waited 10 minutes.</summary>
    public static readonly DateTimeOffset AsOf = Local(16, 40);

    public static DateTimeOffset Local(int hour, int minute, int second = 0) => new(2026, 11, 18, hour, minute, second, TimeSpan.FromHours(1));

    /// <summary>The twelve requests with their events, as the store holds them.</summary>
    public static IReadOnlyList<(HelpRequest Request, List<RequestEvent> Events)> Requests()
    {
        var list = new List<(HelpRequest, List<RequestEvent>)>();
        void Add(int n, string device, string category, string? lang, DateTimeOffset pressed, RequestState state,
            double? waitS = null, double? handlingS = null, double? finishedAfterS = null, string? host = null,
            bool escalatedFlag = false, int? feedback = null, string? outcome = null, params string[] events)
        {
            var assigned = waitS is { } w ? pressed.AddSeconds(w) : (DateTimeOffset?)null;
            var finished = handlingS is { } h ? assigned!.Value.AddSeconds(h) : finishedAfterS is { } f ? pressed.AddSeconds(f) : (DateTimeOffset?)null;
            var id = $"{device}-{n:D6}";
            var request = new HelpRequest
            {
                Id = id,
                Branch = Branch,
                Device = device,
                Category = category,
                Lang = lang,
                Ticket = n.ToString(System.Globalization.CultureInfo.InvariantCulture),
                LocalDay = Date,
                PressedAt = pressed,
                ReceivedAt = pressed,
                State = state,
                QueueKey = pressed.ToUnixTimeMilliseconds(),
                HostUser = host,
                HostName = host switch { "host1" => "Sara", "host2" => "Yonas", _ => null },
                AssignedAt = assigned,
                FinishedAt = finished,
                Escalated = escalatedFlag,
                Feedback = feedback,
                Outcome = outcome,
            };
            var log = new List<RequestEvent> { Event(id, pressed, state == RequestState.Unstaffed ? "unstaffed" : "created") };
            log.AddRange(events.Select((kind, i) => Event(id, pressed.AddSeconds(i + 1), kind)));
            if (assigned is { } a)
            {
                log.Add(Event(id, a, "accepted"));
            }

            list.Add((request, log));
        }

        // r1: wait 30 s, help 300 s, Sara, happy, helped; one offer before the accept.
        Add(1, "known-hp-1", "bankid", "sv", Local(9, 5), RequestState.Done, waitS: 30, handlingS: 300, host: "host1", feedback: 3, outcome: "helped", events: ["offered"]);
        // r2: wait 90.4 s (rounds to 90), help 600 s, Yonas, neutral, referred.
        Add(2, "known-hp-1", "bankid", "ar", Local(9, 40), RequestState.Done, waitS: 90.4, handlingS: 600, host: "host2", feedback: 2, outcome: "referred");
        // r3: wait 150 s (misses the target), help 120 s, Sara, unhappy, helped; offered 3 times, one decline, one timeout.
        Add(3, "known-hp-2", "print", null, Local(10, 10), RequestState.Done, waitS: 150, handlingS: 120, host: "host1", feedback: 1, outcome: "helped",
            events: ["offered", "declined", "offered", "offer-timeout", "offered"]);
        // r4: escalated (event only, flag not set), wait 200 s, help 240 s, Sara, no feedback, no-show.
        Add(4, "known-hp-2", "swish", "sv", Local(10, 20), RequestState.Done, waitS: 200, handlingS: 240, host: "host1", outcome: "no-show", events: ["escalated"]);
        // r5: visitor cancelled after 60 s: does not count for the target.
        Add(5, "known-hp-1", "email", "en", Local(11, 0), RequestState.Cancelled, finishedAfterS: 60);
        // r6: visitor cancelled after 400 s: counts, and misses.
        Add(6, "known-hp-1", "email", "en", Local(11, 30), RequestState.Cancelled, finishedAfterS: 400);
        // r7: expired after 30 minutes, escalated by flag: counts, misses.
        Add(7, "known-hp-2", "phone", "so", Local(13, 0), RequestState.Expired, finishedAfterS: 1800, escalatedFlag: true);
        // r8: nobody on duty: unstaffed, does not count for the target.
        Add(8, "known-hp-2", "forms", "sv", Local(13, 15), RequestState.Unstaffed, finishedAfterS: 0);
        // r9: released once, then accepted 45 s after the press; help 900 s, Yonas, happy, helped.
        Add(9, "known-hp-1", "bankid", "sv", Local(14, 45), RequestState.Done, waitS: 45, handlingS: 900, host: "host2", feedback: 3, outcome: "helped", events: ["released"]);
        // r10: wait 120.4 s rounds to 120 = exactly the target: within. Help 60 s, Sara, happy.
        Add(10, "known-hp-1", "other", "fa", Local(15, 59, 59), RequestState.Done, waitS: 120.4, handlingS: 60, host: "host1", feedback: 3, outcome: "helped");
        // r11: still assigned; wait 120.6 s rounds to 121: misses. Sara.
        Add(11, "known-hp-2", "bankid", "sv", Local(16, 0), RequestState.Assigned, waitS: 120.6, host: "host1");
        // r12: still queued at 16:40 after 10 minutes: counts, misses.
        Add(12, "known-hp-2", "print", "sv", Local(16, 30), RequestState.Queued);
        return list;
    }

    /// <summary>The requests as statistics read them (what the store builds from rows and events).</summary>
    public static IReadOnlyList<StatsRow> Rows() => Requests().Select(x => ToRow(x.Request, x.Events)).ToList();

    public static StatsRow ToRow(HelpRequest r, IEnumerable<RequestEvent> events) => new()
    {
        Id = r.Id,
        Device = r.Device,
        Category = r.Category,
        Lang = r.Lang,
        LocalDay = r.LocalDay,
        PressedAt = r.PressedAt,
        State = r.State,
        HostUser = r.HostUser,
        HostName = r.HostName,
        AssignedAt = r.AssignedAt,
        FinishedAt = r.FinishedAt,
        Escalated = r.Escalated,
        Outcome = r.Outcome,
        Feedback = r.Feedback,
        Events = EventTally.From(events.Select(e => e.Kind)),
    };

    public static RequestEvent Event(string id, DateTimeOffset at, string kind) => new() { RequestId = id, Branch = Branch, At = at, Kind = kind, Actor = "test" };

    /// <summary>Every figure of the day, as worked out by hand above.</summary>
    public static void AssertFigures(StatsFigures f)
    {
        Assert.AreEqual(12, f.Total);
        CollectionAssert.AreEquivalent(
            new Dictionary<string, int> { ["bankid"] = 4, ["swish"] = 1, ["print"] = 2, ["email"] = 2, ["phone"] = 1, ["forms"] = 1, ["other"] = 1 },
            f.ByCategory.ToDictionary());
        var hours = new int[24];
        hours[9] = 2; hours[10] = 2; hours[11] = 2; hours[13] = 2; hours[14] = 1; hours[15] = 1; hours[16] = 2;
        CollectionAssert.AreEqual(hours, f.ByHour.ToArray());
        CollectionAssert.AreEqual(new[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0 }, f.ByCategoryHour["bankid"].ToArray());
        CollectionAssert.AreEqual(new[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0 }, f.ByCategoryHour["print"].ToArray());
        CollectionAssert.AreEquivalent(
            new Dictionary<string, int> { ["done"] = 6, ["cancelled"] = 2, ["expired"] = 1, ["unstaffed"] = 1, ["assigned"] = 1, ["queued"] = 1 },
            f.ByState.ToDictionary());
        CollectionAssert.AreEquivalent(
            new Dictionary<string, int> { ["sv"] = 6, ["ar"] = 1, ["none"] = 1, ["en"] = 2, ["so"] = 1, ["fa"] = 1 }, f.ByLanguage.ToDictionary());
        CollectionAssert.AreEquivalent(new Dictionary<string, int> { ["known-hp-1"] = 6, ["known-hp-2"] = 6 }, f.ByDevice.ToDictionary());

        // Waits 30, 45, 90, 120, 121, 150, 200: median = 4th of 7, p90 = 7th (ceil 6.3).
        Assert.AreEqual(7, f.WaitCount);
        Assert.AreEqual(120.0, f.WaitMedianS);
        Assert.AreEqual(200.0, f.WaitP90S);

        // Handling 60, 120, 240, 300, 600, 900: median = 3rd of 6, p90 = 6th (ceil 5.4).
        Assert.AreEqual(6, f.HandlingCount);
        Assert.AreEqual(240.0, f.HandlingMedianS);
        Assert.AreEqual(900.0, f.HandlingP90S);

        // Counted for the target: 7 accepted + r6 (cancelled late) + r7 (expired) + r12 (queued 10 min) = 10; within: r1, r2, r9, r10.
        Assert.AreEqual(120, f.TargetAcceptS);
        Assert.AreEqual(10, f.TargetEligible);
        Assert.AreEqual(4, f.WithinTarget);
        Assert.AreEqual(0.4, f.WithinTargetShare!.Value, 1e-9);

        Assert.AreEqual(2, f.Escalated, "r4 by event, r7 by flag");
        Assert.AreEqual(1, f.Unstaffed);
        Assert.AreEqual(2, f.Cancelled);
        Assert.AreEqual(1, f.Expired);
        Assert.AreEqual(6, f.Done);
        Assert.AreEqual(4, f.Offers);
        Assert.AreEqual(1, f.Declines);
        Assert.AreEqual(1, f.OfferTimeouts);
        Assert.AreEqual(1, f.Releases);

        CollectionAssert.AreEquivalent(new Dictionary<string, int> { ["happy"] = 3, ["neutral"] = 1, ["unhappy"] = 1 }, f.Feedback.ToDictionary());
        CollectionAssert.AreEquivalent(new Dictionary<string, int> { ["helped"] = 4, ["referred"] = 1, ["no-show"] = 1 }, f.Outcomes.ToDictionary());
    }

    /// <summary>Per host, with names: Sara accepted r1, r3, r4, r10, r11 (finished 4; handling 60, 120, 240, 300), Yonas r2, r9 (600, 900).</summary>
    public static void AssertHostsByName(StatsFigures f)
    {
        CollectionAssert.AreEquivalent(new Dictionary<string, int> { ["Sara"] = 5, ["Yonas"] = 2 }, f.ByHost.ToDictionary());
        Assert.AreEqual(new HostFigures("Sara", 5, 4, 120, 300), f.Hosts[0]);
        Assert.AreEqual(new HostFigures("Yonas", 2, 2, 600, 900), f.Hosts[1]);
    }
}
