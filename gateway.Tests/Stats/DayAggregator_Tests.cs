using HelpPoint.Domain.Requests;
using HelpPoint.Domain.Stats;

namespace HelpPoint.Gateway.Tests.Stats;

/// <summary>Every figure of a day, computed from a hand-made data set, plus the DST days of Europe/Stockholm.</summary>
[TestClass]
public sealed class DayAggregator_Tests
{
    private static readonly TimeZoneInfo Stockholm = KnownDay.Zone;

    private static StatsFigures Figures(IEnumerable<StatsRow> rows, DateOnly date, DateTimeOffset asOf, HostNaming naming = HostNaming.Names) =>
        StatsFigures.FromAggregate(DayAggregator.Compute(KnownDay.Branch, date, rows, Stockholm, 120, asOf), naming);

    [TestMethod]
    public void Every_figure_of_the_known_day_is_what_was_worked_out_by_hand()
    {
        var f = Figures(KnownDay.Rows(), KnownDay.Date, KnownDay.AsOf);

        KnownDay.AssertFigures(f);
        KnownDay.AssertHostsByName(f);
    }

    [TestMethod]
    public void Event_totals_counted_in_bulk_give_the_same_figures_as_per_request_tallies()
    {
        // What the store counts in SQL: offers 4, declines 1, timeouts 1, releases 1; r4 escalated only in its log; r8's unstaffed
        // event adds nothing, its row already says so.
        var bare = KnownDay.Rows().Select(r => new StatsRow
        {
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
        });
        var totals = new EventTotals(Offered: 4, Declined: 1, OfferTimeouts: 1, Released: 1, EscalatedOnlyInLog: 1, UnstaffedOnlyInLog: 0);

        var f = StatsFigures.FromAggregate(DayAggregator.Compute(KnownDay.Branch, KnownDay.Date, bare, Stockholm, 120, KnownDay.AsOf, totals), HostNaming.Names);

        KnownDay.AssertFigures(f);
    }

    [TestMethod]
    public void Readers_who_may_not_see_names_get_pseudonyms_busiest_first()
    {
        var f = Figures(KnownDay.Rows(), KnownDay.Date, KnownDay.AsOf, HostNaming.Pseudonyms);

        CollectionAssert.AreEquivalent(new Dictionary<string, int> { ["Host A"] = 5, ["Host B"] = 2 }, f.ByHost.ToDictionary());
        Assert.IsFalse(f.Hosts.Any(h => h.Name.Contains("Sara", StringComparison.Ordinal) || h.Name.Contains("Yonas", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void A_queued_request_counts_for_the_target_only_once_it_has_waited_past_it()
    {
        var early = Figures(KnownDay.Rows(), KnownDay.Date, KnownDay.Local(16, 31));

        // r12 pressed at 16:30 has waited one minute: not counted yet (9 instead of 10).
        Assert.AreEqual(9, early.TargetEligible);
        Assert.AreEqual(4, early.WithinTarget);
    }

    [TestMethod]
    public void An_empty_day_has_zero_counts_and_no_percentiles_or_share()
    {
        var f = Figures([], KnownDay.Date, KnownDay.AsOf);

        Assert.AreEqual(0, f.Total);
        Assert.AreEqual(24, f.ByHour.Count);
        Assert.AreEqual(7, f.ByCategory.Count, "every category is listed, with 0");
        Assert.IsTrue(f.ByCategory.Values.All(v => v == 0));
        Assert.IsNull(f.WaitMedianS);
        Assert.IsNull(f.HandlingP90S);
        Assert.IsNull(f.WithinTargetShare);
        Assert.AreEqual(0, f.Feedback["happy"]);
    }

    [TestMethod]
    [DataRow(new[] { 10.0 }, 0.5, 10.0)]
    [DataRow(new[] { 10.0, 20.0 }, 0.5, 10.0)]
    [DataRow(new[] { 10.0, 20.0 }, 0.9, 20.0)]
    [DataRow(new[] { 5.0, 1.0, 4.0, 2.0, 3.0 }, 0.5, 3.0)]
    [DataRow(new[] { 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0 }, 0.9, 9.0)]
    [DataRow(new[] { 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0 }, 0.9, 10.0)]
    public void Percentiles_are_nearest_rank(double[] seconds, double p, double expected)
    {
        var histogram = new DurationHistogram();
        foreach (var s in seconds)
        {
            histogram.Add(TimeSpan.FromSeconds(s));
        }

        Assert.AreEqual(expected, histogram.Percentile(p));
    }

    [TestMethod]
    public void Durations_round_to_the_nearest_second_and_never_go_negative()
    {
        Assert.AreEqual(120, DurationHistogram.ToSeconds(TimeSpan.FromMilliseconds(120_499)));
        Assert.AreEqual(121, DurationHistogram.ToSeconds(TimeSpan.FromMilliseconds(120_500)));
        Assert.AreEqual(0, DurationHistogram.ToSeconds(TimeSpan.FromSeconds(-3)));
    }

    [TestMethod]
    public void Merged_days_give_the_same_percentiles_as_all_their_requests_together()
    {
        var rows = KnownDay.Rows();
        var morning = DayAggregator.Compute(KnownDay.Branch, KnownDay.Date, rows.Where(r => r.PressedAt.Hour < 12), Stockholm, 120, KnownDay.AsOf);
        var afternoon = DayAggregator.Compute(KnownDay.Branch, KnownDay.Date, rows.Where(r => r.PressedAt.Hour >= 12), Stockholm, 120, KnownDay.AsOf);

        morning.Merge(afternoon);

        KnownDay.AssertFigures(StatsFigures.FromAggregate(morning, HostNaming.Names));
        KnownDay.AssertHostsByName(StatsFigures.FromAggregate(morning, HostNaming.Names));
    }

    [TestMethod]
    public void Spring_DST_day_has_23_hours_no_hour_02_and_waits_across_the_change_are_real_time()
    {
        var day = new DateOnly(2026, 3, 29); // last Sunday of March: 02:00 CET becomes 03:00 CEST
        Assert.AreEqual(23, LocalDays.HoursIn(day, Stockholm));
        Assert.AreEqual(DateTimeOffset.Parse("2026-03-28T23:00:00Z"), LocalDays.StartOf(day, Stockholm));
        Assert.AreEqual(day, LocalDays.DayOf(DateTimeOffset.Parse("2026-03-28T23:30:00Z"), Stockholm), "00:30 local is already the 29th");
        Assert.AreEqual(day.AddDays(-1), LocalDays.DayOf(DateTimeOffset.Parse("2026-03-28T22:59:59Z"), Stockholm));
        Assert.AreEqual(day, LocalDays.DayOf(DateTimeOffset.Parse("2026-03-29T21:59:59Z"), Stockholm), "23:59:59 CEST is still the 29th");

        var rows = new[]
        {
            Row(day, "2026-03-28T23:30:00Z"),                                   // 00:30 CET → hour 0
            Row(day, "2026-03-29T00:55:00Z", acceptedAt: "2026-03-29T01:05:00Z"), // 01:55 CET, accepted 03:05 CEST: 10 minutes
            Row(day, "2026-03-29T01:00:00Z"),                                   // 03:00 CEST → hour 3
            Row(day, "2026-03-29T21:59:00Z"),                                   // 23:59 CEST → hour 23
        };
        var f = Figures(rows, day, DateTimeOffset.Parse("2026-03-30T12:00:00Z"));

        Assert.AreEqual(4, f.Total);
        Assert.AreEqual(1, f.ByHour[0]);
        Assert.AreEqual(1, f.ByHour[1]);
        Assert.AreEqual(0, f.ByHour[2], "02:00–03:00 does not exist that night");
        Assert.AreEqual(1, f.ByHour[3]);
        Assert.AreEqual(1, f.ByHour[23]);
        Assert.AreEqual(600.0, f.WaitMedianS);
        Assert.AreEqual(0, f.WithinTarget);
    }

    [TestMethod]
    public void Autumn_DST_day_has_25_hours_and_hour_02_holds_both_of_them()
    {
        var day = new DateOnly(2026, 10, 25); // last Sunday of October: 03:00 CEST becomes 02:00 CET
        Assert.AreEqual(25, LocalDays.HoursIn(day, Stockholm));
        Assert.AreEqual(DateTimeOffset.Parse("2026-10-24T22:00:00Z"), LocalDays.StartOf(day, Stockholm));
        Assert.AreEqual(day, LocalDays.DayOf(DateTimeOffset.Parse("2026-10-25T22:59:59Z"), Stockholm), "23:59:59 CET is still the 25th");
        Assert.AreEqual(day.AddDays(1), LocalDays.DayOf(DateTimeOffset.Parse("2026-10-25T23:00:00Z"), Stockholm));

        var rows = new[]
        {
            Row(day, "2026-10-24T22:00:00Z"),                                   // 00:00 CEST → hour 0
            Row(day, "2026-10-25T00:30:00Z"),                                   // 02:30 CEST → hour 2
            Row(day, "2026-10-25T00:50:00Z", acceptedAt: "2026-10-25T01:10:00Z"), // 02:50 CEST, accepted 02:10 CET: 20 minutes, not minus 40
            Row(day, "2026-10-25T01:30:00Z"),                                   // 02:30 CET → hour 2 again
            Row(day, "2026-10-25T22:59:00Z"),                                   // 23:59 CET → hour 23
        };
        var f = Figures(rows, day, DateTimeOffset.Parse("2026-10-26T12:00:00Z"));

        Assert.AreEqual(5, f.Total);
        Assert.AreEqual(1, f.ByHour[0]);
        Assert.AreEqual(3, f.ByHour[2]);
        Assert.AreEqual(1, f.ByHour[23]);
        Assert.AreEqual(1200.0, f.WaitMedianS);
    }

    [TestMethod]
    public void Pseudonyms_go_on_after_Z()
    {
        Assert.AreEqual("Host A", StatsFigures.Pseudonym(0));
        Assert.AreEqual("Host Z", StatsFigures.Pseudonym(25));
        Assert.AreEqual("Host AA", StatsFigures.Pseudonym(26));
    }

    private static StatsRow Row(DateOnly day, string pressed, string? acceptedAt = null) => new()
    {
        Id = "dst-hp-1-" + pressed.GetHashCode(StringComparison.Ordinal),
        Device = "dst-hp-1",
        Category = "print",
        LocalDay = day,
        PressedAt = DateTimeOffset.Parse(pressed),
        State = acceptedAt is null ? RequestState.Expired : RequestState.Assigned,
        AssignedAt = acceptedAt is null ? null : DateTimeOffset.Parse(acceptedAt),
        FinishedAt = acceptedAt is null ? DateTimeOffset.Parse(pressed).AddHours(1) : null,
        HostUser = acceptedAt is null ? null : "host1",
        HostName = acceptedAt is null ? null : "Sara",
    };
}
