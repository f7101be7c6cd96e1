using System.Globalization;
using System.Security.Claims;
using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Common;
using HelpPoint.Domain.Stats;
using HelpPoint.Gateway.Auth;
using HelpPoint.Gateway.Http;
using HelpPoint.Gateway.Mail;

namespace HelpPoint.Gateway.Stats;

/// <summary>
/// Figures for managers: a day (<c>/stats/daily</c>, compatible with its first version), a range with a per-day trend
/// (<c>/stats/range</c>), branches side by side (<c>/stats/compare</c>), anonymised request rows (<c>/stats/requests</c>) and the
/// daily summary (<c>/stats/summary</c>). Every figure is computed in the branch's time zone.
/// </summary>
public static class StatsApi
{
    /// <summary>Request rows are one line per visit: a month at a time keeps a busy branch's file (and the gateway's memory) reasonable.</summary>
    public const int MaxRowDays = 31;

    public static RouteGroupBuilder MapStatsApi(this RouteGroupBuilder api)
    {
        var stats = api.MapGroup("/stats").RequireAuthorization(Policies.Managers);
        stats.MapGet("/branches", BranchesAsync).Produces<List<StatsBranch>>()
            .WithSummary("Branches whose figures the signed-in manager may see, with their local today");
        stats.MapGet("/daily", DailyAsync).Produces<DailyStats>().Produces<string>(200, "text/csv")
            .WithSummary("The day's figures of a branch (JSON, or CSV with format=csv); date defaults to the branch's today");
        stats.MapGet("/range", RangeAsync).Produces<PeriodStats>().Produces<string>(200, "text/csv")
            .WithSummary("Figures of a range of local days (inclusive) with one trend entry per day (JSON, or CSV: one row per day)");
        stats.MapGet("/compare", CompareAsync).Produces<List<PeriodStats>>().Produces<string>(200, "text/csv")
            .WithSummary("The same range for several branches side by side (branches=a,b; default: all of yours)");
        stats.MapGet("/requests", RequestRowsAsync).Produces<string>(200, "text/csv")
            .WithSummary("Anonymised request rows of a range as CSV (days still within retention); host names only for roles allowed to see them");
        stats.MapGet("/summary", SummaryAsync).Produces<DailySummary>().Produces<string>(200, "text/html")
            .WithSummary("The daily summary of a branch (date defaults to yesterday): format=json, html (fragment) or text");
        stats.MapPost("/summary/send", SendSummaryAsync).Produces<SummarySendResult>()
            .WithSummary("E-mail the daily summary to the branch's managers now (SMTP must be configured)");
        return api;
    }

    private static async Task<IResult> BranchesAsync(ClaimsPrincipal user, StatsAccess access, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return TypedResults.Ok((await access.VisibleBranchesAsync(user, cancellationToken))
            .Select(b => new StatsBranch(b.Id, b.Name, b.TimeZoneId, b.TargetAcceptS, b.OpeningHours, LocalDays.DayOf(now, b.TimeZone)))
            .ToList());
    }

    private static async Task<IResult> DailyAsync(
        string? branch, string? date, string? format, ClaimsPrincipal user, StatsAccess access, StatsService stats, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!IsFormat(format, "json", "csv"))
        {
            return DomainProblems.Invalid("format must be json or csv");
        }

        var b = await access.BranchAsync(user, branch, cancellationToken);
        if (b.Error is { } error)
        {
            return error.ToProblem();
        }

        var day = ParseDay(date, "date", LocalDays.DayOf(time.GetUtcNow(), b.Value!.TimeZone));
        if (day.Error is { } dateError)
        {
            return dateError.ToProblem();
        }

        var figures = await stats.DailyAsync(b.Value, day.Value, access.NamingFor(user), cancellationToken);
        return format == "csv" ? Csv(StatsCsv.Daily(figures), $"helppoint-{b.Value.Id}-{day.Value:yyyy-MM-dd}.csv") : TypedResults.Ok(figures);
    }

    private static async Task<IResult> RangeAsync(
        string? branch, string? from, string? to, string? format, ClaimsPrincipal user, StatsAccess access, StatsService stats, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!IsFormat(format, "json", "csv"))
        {
            return DomainProblems.Invalid("format must be json or csv");
        }

        var b = await access.BranchAsync(user, branch, cancellationToken);
        if (b.Error is { } error)
        {
            return error.ToProblem();
        }

        var range = ParseRange(from, to, LocalDays.DayOf(time.GetUtcNow(), b.Value!.TimeZone));
        if (range.Error is { } rangeError)
        {
            return rangeError.ToProblem();
        }

        var (first, last) = range.Value;
        var figures = await stats.RangeAsync(b.Value, first, last, access.NamingFor(user), cancellationToken);
        return format == "csv" ? Csv(StatsCsv.Range(figures), $"helppoint-{b.Value.Id}-{first:yyyy-MM-dd}-{last:yyyy-MM-dd}.csv") : TypedResults.Ok(figures);
    }

    private static async Task<IResult> CompareAsync(
        string? branches, string? from, string? to, string? format, ClaimsPrincipal user, StatsAccess access, StatsService stats, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!IsFormat(format, "json", "csv"))
        {
            return DomainProblems.Invalid("format must be json or csv");
        }

        List<Branch> chosen = [];
        if (string.IsNullOrEmpty(branches))
        {
            chosen.AddRange(await access.VisibleBranchesAsync(user, cancellationToken));
        }
        else
        {
            var ids = branches.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
            if (ids.Count > 50)
            {
                return DomainProblems.Invalid("compare at most 50 branches at once");
            }

            foreach (var id in ids)
            {
                var b = await access.BranchAsync(user, id, cancellationToken);
                if (b.Error is { } error)
                {
                    return error.ToProblem();
                }

                chosen.Add(b.Value!);
            }
        }

        // Each branch's days are its own local days; "today" for the default range is the first branch's.
        var today = chosen.Count > 0 ? LocalDays.DayOf(time.GetUtcNow(), chosen[0].TimeZone) : DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var range = ParseRange(from, to, today);
        if (range.Error is { } rangeError)
        {
            return rangeError.ToProblem();
        }

        var (first, last) = range.Value;
        var figures = await stats.CompareAsync(chosen, first, last, access.NamingFor(user), cancellationToken);
        return format == "csv" ? Csv(StatsCsv.Compare(figures), $"helppoint-branches-{first:yyyy-MM-dd}-{last:yyyy-MM-dd}.csv") : TypedResults.Ok(figures);
    }

    private static async Task<IResult> RequestRowsAsync(
        string? branch, string? from, string? to, ClaimsPrincipal user, StatsAccess access, StatsService stats, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var b = await access.BranchAsync(user, branch, cancellationToken);
        if (b.Error is { } error)
        {
            return error.ToProblem();
        }

        var range = ParseRange(from, to, LocalDays.DayOf(time.GetUtcNow(), b.Value!.TimeZone), defaultDays: 1, maxDays: MaxRowDays);
        if (range.Error is { } rangeError)
        {
            return rangeError.ToProblem();
        }

        var (first, last) = range.Value;
        var rows = await stats.RowsAsync(b.Value, first, last, cancellationToken);
        return Csv(StatsCsv.Requests(rows, b.Value.TimeZone, b.Value.TargetAcceptS, access.NamingFor(user)),
            $"helppoint-{b.Value.Id}-requests-{first:yyyy-MM-dd}-{last:yyyy-MM-dd}.csv");
    }

    private static async Task<IResult> SummaryAsync(
        string? branch, string? date, string? format, ClaimsPrincipal user, StatsAccess access, StatsService stats, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!IsFormat(format, "json", "html", "text"))
        {
            return DomainProblems.Invalid("format must be json, html or text");
        }

        var b = await access.BranchAsync(user, branch, cancellationToken);
        if (b.Error is { } error)
        {
            return error.ToProblem();
        }

        var day = ParseDay(date, "date", LocalDays.DayOf(time.GetUtcNow(), b.Value!.TimeZone).AddDays(-1));
        if (day.Error is { } dateError)
        {
            return dateError.ToProblem();
        }

        var summary = await stats.SummaryAsync(b.Value, day.Value, access.NamingFor(user), cancellationToken);
        return format switch
        {
            "html" => TypedResults.Text(SummaryRenderer.Html(summary, chart: true), "text/html; charset=utf-8"),
            "text" => TypedResults.Text(SummaryRenderer.Text(summary, null), "text/plain; charset=utf-8"),
            _ => TypedResults.Ok(summary),
        };
    }

    private static async Task<IResult> SendSummaryAsync(
        string? branch, string? date, ClaimsPrincipal user, StatsAccess access, DailySummaryMailer mailer, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var b = await access.BranchAsync(user, branch, cancellationToken);
        if (b.Error is { } error)
        {
            return error.ToProblem();
        }

        var day = ParseDay(date, "date", LocalDays.DayOf(time.GetUtcNow(), b.Value!.TimeZone).AddDays(-1));
        if (day.Error is { } dateError)
        {
            return dateError.ToProblem();
        }

        var sent = await mailer.SendAsync(b.Value, day.Value, record: false, cancellationToken);
        return sent.IsSuccess ? TypedResults.Ok(sent.Value) : sent.Error!.ToProblem();
    }

    private static bool IsFormat(string? format, params string[] allowed) => format is null || allowed.Contains(format, StringComparer.Ordinal);

    private static CsvResult Csv(string text, string fileName) => new(text, fileName);

    internal static Result<DateOnly> ParseDay(string? text, string name, DateOnly fallback)
    {
        if (text is null)
        {
            return fallback;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : DomainError.Invalid($"{name} must be yyyy-MM-dd");
    }

    /// <summary>from/to (inclusive); missing to is today, missing from makes the range <paramref name="defaultDays"/> long.</summary>
    internal static Result<(DateOnly From, DateOnly To)> ParseRange(string? from, string? to, DateOnly today, int defaultDays = 7, int maxDays = StatsService.MaxRangeDays)
    {
        var last = ParseDay(to, "to", today);
        if (last.Error is { } e1)
        {
            return e1;
        }

        var first = ParseDay(from, "from", last.Value.AddDays(1 - defaultDays));
        if (first.Error is { } e2)
        {
            return e2;
        }

        if (first.Value > last.Value)
        {
            return DomainError.Invalid("from must not be after to");
        }

        if (last.Value.DayNumber - first.Value.DayNumber >= maxDays)
        {
            return DomainError.Invalid($"a range covers at most {maxDays} days");
        }

        return (first.Value, last.Value);
    }
}

/// <summary>A branch in the dashboard's branch picker.</summary>
public sealed record StatsBranch(string Id, string Name, string TimeZone, int TargetAcceptS, string OpeningHours, DateOnly Today);
