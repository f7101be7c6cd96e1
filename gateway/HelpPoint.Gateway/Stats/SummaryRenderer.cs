using System.Globalization;
using System.Net;
using System.Text;
using HelpPoint.Domain.Stats;

namespace HelpPoint.Gateway.Stats;

/// <summary>
/// Renders a <see cref="DailySummary"/> as an HTML fragment (the dashboard's summary page and the e-mail body) and as plain text
/// (the e-mail's text part). Markup uses classes only: the dashboard's CSP forbids inline styles, and the e-mail carries the same
/// rules in a style element.
/// </summary>
public static class SummaryRenderer
{
    public static readonly IReadOnlyDictionary<string, string> CategoryNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["bankid"] = "BankID",
        ["swish"] = "Swish",
        ["print"] = "Print",
        ["email"] = "E-mail",
        ["phone"] = "Phone",
        ["forms"] = "Forms",
        ["other"] = "Other",
    };

    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

    public static string Subject(DailySummary s) =>
        $"HelpPoint {s.BranchName}: {s.Day.Total} requests on {s.Day.Date.ToString("ddd d MMM", En)}";

    /// <summary>The summary as an HTML fragment; <paramref name="chart"/> adds an SVG bar chart of the hours (mail clients often drop SVG, so e-mail uses a table).</summary>
    public static string Html(DailySummary s, bool chart, string? dashboardUrl = null)
    {
        var d = s.Day;
        var w = s.WeekBefore;
        var html = new StringBuilder();
        html.Append("<article class=\"summary\" data-testid=\"summary\" data-branch=\"").Append(E(s.Branch)).Append("\" data-date=\"")
            .Append(d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("\">");
        html.Append("<h2>").Append(E(s.BranchName)).Append(" — ").Append(E(d.Date.ToString("dddd d MMMM yyyy", En))).Append("</h2>");
        html.Append("<table class=\"summary-figures\"><thead><tr><th></th><th>This day</th><th>Week before</th></tr></thead><tbody>");
        Row(html, "requests", "Requests", d.Total.ToString(CultureInfo.InvariantCulture), w.Total.ToString(CultureInfo.InvariantCulture));
        Row(html, "within-target", $"Accepted within {Duration(d.TargetAcceptS)}", Share(d), Share(w));
        Row(html, "wait", "Wait, median / 90 %", Pair(d.WaitMedianS, d.WaitP90S), Pair(w.WaitMedianS, w.WaitP90S));
        Row(html, "handling", "Helping, median / 90 %", Pair(d.HandlingMedianS, d.HandlingP90S), Pair(w.HandlingMedianS, w.HandlingP90S));
        Row(html, "escalated", "Escalated to the desk", N(d.Escalated), N(w.Escalated));
        Row(html, "unstaffed", "Nobody on duty", N(d.Unstaffed), N(w.Unstaffed));
        Row(html, "cancelled", "Cancelled", N(d.Cancelled), N(w.Cancelled));
        Row(html, "expired", "Expired", N(d.Expired), N(w.Expired));
        Row(html, "feedback", "Feedback happy / neutral / unhappy", Feedback(d), Feedback(w));
        html.Append("</tbody></table>");

        if (d.Total > 0)
        {
            html.Append("<p class=\"summary-notes\">Busiest hour: <strong data-testid=\"summary-busiest\">")
                .Append(s.BusiestHour!.Value.ToString("00", CultureInfo.InvariantCulture)).Append(":00</strong>. Most asked: ")
                .Append(string.Join(", ", s.TopCategories.Take(3).Select(c => $"{E(CategoryName(c.Key))} ({c.Value})"))).Append(".</p>");
            html.Append(chart ? HourChart(d.ByHour) : HourTable(d.ByHour));
        }
        else
        {
            html.Append("<p class=\"summary-notes\">No requests this day.</p>");
        }

        if (dashboardUrl is not null)
        {
            html.Append("<p class=\"summary-link\"><a href=\"").Append(E(dashboardUrl)).Append("\">Open the dashboard</a></p>");
        }

        return html.Append("</article>").ToString();
    }

    /// <summary>A whole HTML e-mail: the fragment with its style rules in the head.</summary>
    public static string EmailHtml(DailySummary s, string? dashboardUrl) => $"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>{E(Subject(s))}</title><style>{EmailCss}</style></head>
        <body>{Html(s, chart: false, dashboardUrl)}</body></html>
        """;

    public static string Text(DailySummary s, string? dashboardUrl)
    {
        var d = s.Day;
        var w = s.WeekBefore;
        var text = new StringBuilder();
        text.Append(s.BranchName).Append(" — ").Append(d.Date.ToString("dddd d MMMM yyyy", En)).Append("\n\n");
        void Line(string label, string day, string week) => text.Append(label.PadRight(36)).Append(day.PadRight(16)).Append("week before: ").Append(week).Append('\n');
        Line("Requests", N(d.Total), N(w.Total));
        Line($"Accepted within {Duration(d.TargetAcceptS)}", Share(d), Share(w));
        Line("Wait, median / 90 %", Pair(d.WaitMedianS, d.WaitP90S), Pair(w.WaitMedianS, w.WaitP90S));
        Line("Helping, median / 90 %", Pair(d.HandlingMedianS, d.HandlingP90S), Pair(w.HandlingMedianS, w.HandlingP90S));
        Line("Escalated to the desk", N(d.Escalated), N(w.Escalated));
        Line("Nobody on duty", N(d.Unstaffed), N(w.Unstaffed));
        Line("Cancelled", N(d.Cancelled), N(w.Cancelled));
        Line("Expired", N(d.Expired), N(w.Expired));
        Line("Feedback happy/neutral/unhappy", Feedback(d), Feedback(w));
        if (d.Total > 0)
        {
            text.Append("\nBusiest hour: ").Append(s.BusiestHour!.Value.ToString("00", CultureInfo.InvariantCulture)).Append(":00\n");
            text.Append("Most asked: ").Append(string.Join(", ", s.TopCategories.Take(3).Select(c => $"{CategoryName(c.Key)} ({c.Value})"))).Append('\n');
        }

        if (dashboardUrl is not null)
        {
            text.Append("\nDashboard: ").Append(dashboardUrl).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>"45 s", "2 min", "3 min 20 s", "1 h 5 min".</summary>
    public static string Duration(double? seconds)
    {
        if (seconds is not { } value)
        {
            return "–";
        }

        var s = (int)Math.Round(value);
        return s switch
        {
            < 60 => $"{s} s",
            < 3600 when s % 60 == 0 => $"{s / 60} min",
            < 3600 => $"{s / 60} min {s % 60} s",
            _ => $"{s / 3600} h {s % 3600 / 60} min",
        };
    }

    public static string CategoryName(string category) => CategoryNames.GetValueOrDefault(category, category);

    private static string HourChart(IReadOnlyList<int> hours)
    {
        // Only the hours that had requests, padded by one on each side, so a library's day fills the width.
        var first = Math.Max(0, Enumerable.Range(0, 24).First(h => hours[h] > 0) - 1);
        var last = Math.Min(23, Enumerable.Range(0, 24).Last(h => hours[h] > 0) + 1);
        var max = Math.Max(1, hours.Max());
        const int barW = 24, gap = 6, height = 120, top = 16, bottom = 20;
        var width = ((last - first + 1) * (barW + gap)) + gap;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"summary-chart\" role=\"img\" aria-label=\"Requests per hour\" viewBox=\"0 0 {width} {height + top + bottom}\" width=\"{width}\" height=\"{height + top + bottom}\">");
        for (var h = first; h <= last; h++)
        {
            var x = gap + ((h - first) * (barW + gap));
            var barH = (int)Math.Round((double)hours[h] / max * height);
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{x}\" y=\"{top + height - barH}\" width=\"{barW}\" height=\"{barH}\" data-hour=\"{h}\" data-value=\"{hours[h]}\"><title>{h:00}:00 — {hours[h]}</title></rect>");
            if (hours[h] > 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"value\" x=\"{x + (barW / 2)}\" y=\"{top + height - barH - 3}\" text-anchor=\"middle\">{hours[h]}</text>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{x + (barW / 2)}\" y=\"{top + height + 14}\" text-anchor=\"middle\">{h:00}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static string HourTable(IReadOnlyList<int> hours)
    {
        var html = new StringBuilder("<table class=\"summary-hours\"><tr><th>Hour</th>");
        var used = Enumerable.Range(0, 24).Where(h => hours[h] > 0).ToList();
        foreach (var h in used)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{h:00}</th>");
        }

        html.Append("</tr><tr><th>Requests</th>");
        foreach (var h in used)
        {
            html.Append(CultureInfo.InvariantCulture, $"<td>{hours[h]}</td>");
        }

        return html.Append("</tr></table>").ToString();
    }

    private static void Row(StringBuilder html, string key, string label, string day, string week) =>
        html.Append("<tr data-key=\"").Append(key).Append("\"><th>").Append(E(label)).Append("</th><td class=\"day\">").Append(E(day))
            .Append("</td><td class=\"week\">").Append(E(week)).Append("</td></tr>");

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Share(StatsFigures f) => f.WithinTargetShare is { } share ? Math.Round(share * 100).ToString(CultureInfo.InvariantCulture) + " %" : "–";

    private static string Pair(double? median, double? p90) => median is null ? "–" : $"{Duration(median)} / {Duration(p90)}";

    private static string Feedback(StatsFigures f) =>
        $"{f.Feedback.GetValueOrDefault("happy")} / {f.Feedback.GetValueOrDefault("neutral")} / {f.Feedback.GetValueOrDefault("unhappy")}";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>The e-mail's style rules (the dashboard has the same ones in manager.css).</summary>
    public const string EmailCss =
        "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1b1f24;max-width:640px;margin:0 auto;padding:16px}" +
        "h2{font-size:20px;margin:0 0 12px}table{border-collapse:collapse;margin:8px 0 16px}" +
        "th,td{text-align:left;padding:4px 12px 4px 0;border-bottom:1px solid #e3e6ea;font-variant-numeric:tabular-nums}" +
        "td.week{color:#5b6470}.summary-notes{margin:8px 0}.summary-hours th,.summary-hours td{text-align:center;padding:2px 6px}";
}
