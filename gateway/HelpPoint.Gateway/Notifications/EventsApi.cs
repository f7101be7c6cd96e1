using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Common;
using HelpPoint.Domain.Duty;
using HelpPoint.Domain.Requests;
using HelpPoint.Domain.Staff;
using HelpPoint.Gateway.Auth;
using HelpPoint.Gateway.Http;
using HelpPoint.Gateway.Requests;
using HelpPoint.Gateway.Requests.Engine;

namespace HelpPoint.Gateway.Notifications;

/// <summary>
/// Live view for staff: <c>GET /api/v1/events</c> as server-sent events. The stream starts with a <c>queue</c> snapshot, so a
/// view that reconnects after a network loss is complete again at once, then carries <c>request</c> and <c>board</c> events
/// for everyone, and <c>offer</c>, <c>offer-withdrawn</c>, <c>escalation</c>, <c>unstaffed</c>, <c>duty-check</c> notices for whom they concern.
/// </summary>
public static class EventsApi
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static RouteGroupBuilder MapEventsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/events", StreamAsync).RequireAuthorization(Policies.Staff)
            .WithSummary("Server-sent events for the signed-in user: queue snapshot, then request and board changes");
        return api;
    }

    private static async Task StreamAsync(
        string? branch, HttpContext http, EventHub hub, BranchEngines requests, IBranchStore branches, BranchAccess access, CancellationToken cancellationToken)
    {
        var actor = http.User.ToActor();
        var allowed = await access.AllowedAsync(http.User, cancellationToken);
        if (branch is null && actor.IsManagerOrAdmin && allowed is not null)
        {
            // A manager of some branches streams one of them, never every branch's events.
            branch = allowed.Count == 1 ? allowed.Single() : null;
            if (branch is null)
            {
                await DomainProblems.Invalid("pass ?branch=… (one of your branches)").ExecuteAsync(http);
                return;
            }
        }

        if (branch is null && !actor.IsManagerOrAdmin)
        {
            branch = await requests.DutyBranchOfAsync(actor.UserName, cancellationToken);
            if (branch is null)
            {
                await DomainProblems.Invalid("go on duty, or pass ?branch=…").ExecuteAsync(http);
                return;
            }
        }

        if (branch is not null && (!Identifiers.IsValidSlug(branch) || await branches.FindAsync(branch, cancellationToken) is null))
        {
            await TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"unknown branch '{branch}'").ExecuteAsync(http);
            return;
        }

        if (branch is not null && allowed is not null && !allowed.Contains(branch))
        {
            await BranchAccess.NotYours(branch).ToProblem().ExecuteAsync(http);
            return;
        }

        using var subscription = hub.Subscribe(actor.UserName, branch);
        await ServerSentEvents.StartAsync(http, TimeSpan.FromSeconds(2), cancellationToken);

        if (branch is not null)
        {
            var snapshot = (await requests.QueueAsync(branch, cancellationToken)).Select(QueueItem.From).ToList();
            await WriteAsync(http, new StaffEvent(hub.NextId(), "queue", branch, new { branch, requests = snapshot }, []), cancellationToken);
        }

        await ServerSentEvents.PumpAsync(http, subscription.Reader, Heartbeat, (evt, ct) => WriteAsync(http, evt, ct), cancellationToken);
    }

    private static Task WriteAsync(HttpContext http, StaffEvent evt, CancellationToken cancellationToken) =>
        ServerSentEvents.WriteAsync(http, evt.Id, evt.Type, new { type = evt.Type, branch = evt.Branch, data = evt.Data }, cancellationToken);
}
