using System.Security.Claims;
using HelpPoint.Domain.Fleet;
using HelpPoint.Domain.Staff;
using HelpPoint.Gateway.Auth;
using HelpPoint.Gateway.Notifications;
using HelpPoint.Gateway.Stats;

namespace HelpPoint.Gateway.Alerts;

/// <summary>Fleet alerts for managers: the current list (<c>GET /api/v1/alerts</c>) and a live feed (<c>GET /api/v1/alerts/stream</c>, server-sent events).</summary>
public static class AlertsApi
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static RouteGroupBuilder MapAlertsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/alerts", ListAsync).RequireAuthorization(Policies.Managers).Produces<List<AlertView>>()
            .WithSummary("Open alerts and those of the last 7 days, newest first, of the branches you manage");
        api.MapGet("/alerts/stream", StreamAsync).RequireAuthorization(Policies.Managers)
            .WithSummary("Server-sent events: 'alerts' (the current list) on connect, then 'alert' and 'alert-cleared'");
        return api;
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, StatsAccess access, IFleetAlertStore alerts, TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.Ok(await CurrentAsync(user, access, alerts, time, cancellationToken));

    private static async Task StreamAsync(
        HttpContext http, ClaimsPrincipal user, StatsAccess access, IFleetAlertStore alerts, AlertFeed feed, TimeProvider time, CancellationToken cancellationToken)
    {
        var branches = await BranchesAsync(user, access, cancellationToken);
        using var subscription = feed.Subscribe(branches);
        await ServerSentEvents.StartAsync(http, TimeSpan.FromSeconds(3), cancellationToken);
        await ServerSentEvents.WriteAsync(http, 0, "alerts", await CurrentAsync(user, access, alerts, time, cancellationToken), cancellationToken);
        await ServerSentEvents.PumpAsync(http, subscription.Reader, Heartbeat,
            (evt, ct) => ServerSentEvents.WriteAsync(http, evt.Id, evt.Type, evt.Alert, ct), cancellationToken);
    }

    private static async Task<List<AlertView>> CurrentAsync(ClaimsPrincipal user, StatsAccess access, IFleetAlertStore alerts, TimeProvider time, CancellationToken cancellationToken)
    {
        var branches = await BranchesAsync(user, access, cancellationToken);
        var recent = await alerts.RecentAsync(branches, time.GetUtcNow().AddDays(-7), 200, cancellationToken);
        return recent.Select(AlertView.From).ToList();
    }

    /// <summary>The branches whose alerts the user sees; null for an admin (all, including branches created later).</summary>
    private static async Task<IReadOnlySet<string>?> BranchesAsync(ClaimsPrincipal user, StatsAccess access, CancellationToken cancellationToken) =>
        user.ToActor().Role == StaffRole.Admin
            ? null
            : (await access.VisibleBranchesAsync(user, cancellationToken)).Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
}
