using System.Globalization;
using System.Text;
using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Common;
using HelpPoint.Domain.Requests;
using HelpPoint.Domain.Stats;
using HelpPoint.Gateway.Auth;
using HelpPoint.Gateway.Http;

namespace HelpPoint.Gateway.Stats;

/// <summary>A branch's daily figures for managers: <c>GET /api/v1/stats/daily?branch=…&amp;date=…[&amp;format=csv]</c>.</summary>
public static class StatsApi
{
    public static RouteGroupBuilder MapStatsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/stats/daily", DailyAsync).RequireAuthorization(Policies.Managers)
            .WithSummary("The day's figures of a branch (JSON, or CSV with format=csv)");
        return api;
    }

    private static async Task<IResult> DailyAsync(
        string? branch, string? date, string? format, IBranchStore branches, IRequestStore requests, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!Identifiers.IsValidSlug(branch))
        {
            return DomainProblems.Invalid("branch must match [a-z0-9-]{1,32}");
        }

        if (format is not (null or "json" or "csv"))
        {
            return DomainProblems.Invalid("format must be json or csv");
        }

        var b = await branches.FindAsync(branch!, cancellationToken);
        if (b is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"unknown branch '{branch}'");
        }

        DateOnly day;
        if (date is null)
        {
            day = b.LocalDayOf(time.GetUtcNow());
        }
        else if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return DomainProblems.Invalid("date must be yyyy-MM-dd");
        }

        var stats = DailyStats.Compute(b.Id, day, await requests.ForDayAsync(b.Id, day, cancellationToken), b.TimeZone);
        return format == "csv"
            ? TypedResults.Text(ToCsv(stats), "text/csv; charset=utf-8")
            : TypedResults.Ok(stats);
    }

    /// <summary>The same figures as rows of <c>metric,key,value</c>.</summary>
    public static string ToCsv(DailyStats s)
    {
        var csv = new StringBuilder("metric,key,value\n");
        void Row(string metric, string key, object? value) =>
            csv.Append(metric).Append(',').Append(key).Append(',').Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append('\n');

        Row("branch", "", s.Branch);
        Row("date", "", s.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Row("total", "", s.Total);
        foreach (var (k, v) in s.ByCategory)
        {
            Row("category", k, v);
        }

        for (var h = 0; h < 24; h++)
        {
            Row("hour", h.ToString("00", CultureInfo.InvariantCulture), s.ByHour[h]);
        }

        foreach (var (k, v) in s.ByState)
        {
            Row("state", k, v);
        }

        foreach (var (k, v) in s.ByLanguage)
        {
            Row("language", k, v);
        }

        foreach (var (k, v) in s.ByDevice)
        {
            Row("device", k, v);
        }

        foreach (var (k, v) in s.ByHost)
        {
            Row("host", k, v);
        }

        Row("wait_s", "median", s.WaitMedianS);
        Row("wait_s", "p90", s.WaitP90S);
        Row("handling_s", "median", s.HandlingMedianS);
        Row("handling_s", "p90", s.HandlingP90S);
        foreach (var (k, v) in s.Feedback)
        {
            Row("feedback", k, v);
        }

        return csv.ToString();
    }
}
