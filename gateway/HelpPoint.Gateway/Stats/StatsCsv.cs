using System.Globalization;
using HelpPoint.Domain.Requests;
using HelpPoint.Domain.Stats;

namespace HelpPoint.Gateway.Stats;

/// <summary>The CSV forms of the figures: a day as <c>metric,key,value</c> rows, a range as one row per day, a comparison as one row per branch, and anonymised request rows.</summary>
public static class StatsCsv
{
    /// <summary>
    /// The day's figures as <c>metric,key,value</c>. The first rows (branch … feedback) are those of the first version of this
    /// export and keep their form; later figures follow them.
    /// </summary>
    public static string Daily(DailyStats s)
    {
        var csv = new Csv("metric", "key", "value");
        csv.Row("branch", "", s.Branch);
        csv.Row("date", "", s.Date);
        csv.Row("total", "", s.Total);
        foreach (var (k, v) in s.ByCategory)
        {
            csv.Row("category", k, v);
        }

        for (var h = 0; h < 24; h++)
        {
            csv.Row("hour", h.ToString("00", CultureInfo.InvariantCulture), s.ByHour[h]);
        }

        foreach (var (k, v) in s.ByState)
        {
            csv.Row("state", k, v);
        }

        foreach (var (k, v) in s.ByLanguage)
        {
            csv.Row("language", k, v);
        }

        foreach (var (k, v) in s.ByDevice)
        {
            csv.Row("device", k, v);
        }

        foreach (var (k, v) in s.ByHost)
        {
            csv.Row("host", k, v);
        }

        csv.Row("wait_s", "median", s.WaitMedianS);
        csv.Row("wait_s", "p90", s.WaitP90S);
        csv.Row("handling_s", "median", s.HandlingMedianS);
        csv.Row("handling_s", "p90", s.HandlingP90S);
        foreach (var (k, v) in s.Feedback)
        {
            csv.Row("feedback", k, v);
        }

        csv.Row("time_zone", "", s.TimeZone);
        csv.Row("hours_in_day", "", s.HoursInDay);
        csv.Row("target", "accept_s", s.TargetAcceptS);
        csv.Row("target", "within", s.WithinTarget);
        csv.Row("target", "counted", s.TargetEligible);
        csv.Row("target", "share", s.WithinTargetShare);
        csv.Row("count", "escalated", s.Escalated);
        csv.Row("count", "unstaffed", s.Unstaffed);
        csv.Row("count", "cancelled", s.Cancelled);
        csv.Row("count", "expired", s.Expired);
        csv.Row("count", "done", s.Done);
        csv.Row("count", "offers", s.Offers);
        csv.Row("count", "declines", s.Declines);
        csv.Row("count", "offer_timeouts", s.OfferTimeouts);
        csv.Row("count", "releases", s.Releases);
        foreach (var (k, v) in s.Outcomes)
        {
            csv.Row("outcome", k, v);
        }

        foreach (var (category, hours) in s.ByCategoryHour)
        {
            for (var h = 0; h < 24; h++)
            {
                if (hours[h] != 0)
                {
                    csv.Row("category_hour", $"{category}@{h:00}", hours[h]);
                }
            }
        }

        foreach (var host in s.Hosts)
        {
            csv.Row("host_done", host.Name, host.Done);
            csv.Row("host_handling_median_s", host.Name, host.HandlingMedianS);
        }

        csv.Row("wait_s", "count", s.WaitCount);
        csv.Row("handling_s", "count", s.HandlingCount);
        return csv.ToString();
    }

    private static readonly string[] FigureColumns =
    [
        "total", .. Categories.All, "wait_median_s", "wait_p90_s", "handling_median_s", "handling_p90_s", "within_target_share",
        "escalated", "unstaffed", "cancelled", "expired", "done",
    ];

    /// <summary>A range: one row per day, then a <c>total</c> row over the whole range (its percentiles taken over all the range's requests).</summary>
    public static string Range(PeriodStats s)
    {
        var csv = new Csv(["date", .. FigureColumns]);
        foreach (var d in s.Days ?? [])
        {
            Figures(csv.Field(d.Date), d.Total, d.ByCategory, d.WaitMedianS, d.WaitP90S, d.HandlingMedianS, d.HandlingP90S, d.WithinTargetShare,
                d.Escalated, d.Unstaffed, d.Cancelled, d.Expired, d.Done);
        }

        Figures(csv.Field("total"), s.Total, s.ByCategory, s.WaitMedianS, s.WaitP90S, s.HandlingMedianS, s.HandlingP90S, s.WithinTargetShare,
            s.Escalated, s.Unstaffed, s.Cancelled, s.Expired, s.Done);
        return csv.ToString();
    }

    /// <summary>Branches side by side: one row per branch over the same range.</summary>
    public static string Compare(IReadOnlyList<PeriodStats> branches)
    {
        var csv = new Csv(["branch", "name", "from", "to", .. FigureColumns]);
        foreach (var s in branches)
        {
            Figures(csv.Field(s.Branch).Field(s.BranchName).Field(s.From).Field(s.To), s.Total, s.ByCategory, s.WaitMedianS, s.WaitP90S,
                s.HandlingMedianS, s.HandlingP90S, s.WithinTargetShare, s.Escalated, s.Unstaffed, s.Cancelled, s.Expired, s.Done);
        }

        return csv.ToString();
    }

    /// <summary>
    /// One row per request, anonymised: no request id or ticket number (the only handles to a visit), times as the branch's local
    /// clock, and the host as a name only when <paramref name="naming"/> allows, else a pseudonym stable within this file.
    /// </summary>
    public static string Requests(IReadOnlyList<StatsRow> rows, TimeZoneInfo zone, int targetAcceptS, HostNaming naming)
    {
        var csv = new Csv(
            "date", "pressed", "hour", "device", "category", "lang", "state", "outcome", "wait_s", "handling_s", "within_target",
            "escalated", "unstaffed", "offers", "declines", "feedback", "host");
        var pseudonyms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            var local = TimeZoneInfo.ConvertTime(r.PressedAt, zone);
            int? wait = r.Wait is { } w ? DurationHistogram.ToSeconds(w) : null;
            int? handling = r.Handling is { } h ? DurationHistogram.ToSeconds(h) : null;
            string? host = null;
            if (r.HostUser is { } user)
            {
                if (naming == HostNaming.Names)
                {
                    host = r.HostName ?? user;
                }
                else if (!pseudonyms.TryGetValue(user, out host))
                {
                    host = StatsFigures.Pseudonym(pseudonyms.Count);
                    pseudonyms[user] = host;
                }
            }

            csv.Row(
                r.LocalDay, local.ToString("HH:mm:ss", CultureInfo.InvariantCulture), local.Hour, r.Device, r.Category, r.Lang ?? "",
                r.State.ToWire(), r.Outcome ?? "", wait, handling, wait is { } ws ? ws <= targetAcceptS : null,
                r.WasEscalated, r.WasUnstaffed, r.Events.Offered, r.Events.Declined,
                r.Feedback switch { 1 => "unhappy", 2 => "neutral", 3 => "happy", _ => "" }, host ?? "");
        }

        return csv.ToString();
    }

    private static void Figures(
        Csv csv, int total, IReadOnlyDictionary<string, int> byCategory, double? waitMedian, double? waitP90, double? handlingMedian,
        double? handlingP90, double? share, int escalated, int unstaffed, int cancelled, int expired, int done)
    {
        csv.Field(total);
        foreach (var category in Categories.All)
        {
            csv.Field(byCategory.GetValueOrDefault(category));
        }

        csv.Field(waitMedian).Field(waitP90).Field(handlingMedian).Field(handlingP90).Field(share)
            .Field(escalated).Field(unstaffed).Field(cancelled).Field(expired).Field(done).End();
    }
}
