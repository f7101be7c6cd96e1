using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Duty;
using HelpPoint.Domain.Requests;

namespace HelpPoint.Domain.Routing;

/// <summary>
/// Offers waiting requests to hosts, one offer per request and per host at a time, in queue order. A lapsed or orphaned
/// offer is withdrawn and the next host tried; when every host on duty has been tried, the request is escalated to the
/// information desk (the visitor keeps seeing "queued"). Runs under the branch's gate; every write is conditional.
/// </summary>
public sealed class Dispatcher(IRequestStore requests, IDutyStore duty, IAnnouncer announcer, TimeProvider time)
{
    public const string Actor = "router";

    public async Task DispatchAsync(Branch branch, CancellationToken cancellationToken = default)
    {
        var open = await requests.OpenAsync(branch.Id, cancellationToken).ConfigureAwait(false);
        if (!open.Any(r => r.State == RequestState.Queued))
        {
            return;
        }

        var onDuty = await duty.OnDutyAsync(branch.Id, cancellationToken).ConfigureAwait(false);
        await DispatchAsync(new BranchState(branch, [.. open], onDuty, 0), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Offers and escalates as <paramref name="state"/> has the branch, and keeps <paramref name="state"/> current.</summary>
    public async Task DispatchAsync(BranchState state, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var branch = state.Branch;
        var open = state.Open.ToList();
        if (!open.Any(r => r.State == RequestState.Queued))
        {
            return;
        }

        var onDuty = state.OnDuty;
        var hosts = onDuty.Where(d => !d.IsDesk).ToList();
        var hostNames = hosts.Select(h => h.UserName).ToHashSet(StringComparer.Ordinal);
        var helping = open.Where(r => r.State == RequestState.Assigned && r.HostUser is not null).Select(r => r.HostUser!).ToHashSet(StringComparer.Ordinal);
        var offering = open.Where(r => IsLiveOffer(r, hostNames, now)).Select(r => r.OfferedTo!).ToHashSet(StringComparer.Ordinal);
        var desk = onDuty.Where(d => d.IsDesk).Select(d => d.UserName).ToList();

        foreach (var original in open.Where(r => r.State == RequestState.Queued))
        {
            var request = original;
            if (IsLiveOffer(request, hostNames, now))
            {
                continue;
            }

            if (request.OfferedTo is not null)
            {
                request = await WithdrawAsync(request, "offer-timeout", now, cancellationToken).ConfigureAwait(false);
                if (request is null)
                {
                    continue;
                }

                state.Apply(request);
            }

            var eligible = hosts
                .Where(h => !request.Tried.Contains(h.UserName) && !offering.Contains(h.UserName))
                .Select(h => new HostCandidate(h.UserName, h.Languages, h.LastAssignedAt, h.Since, helping.Contains(h.UserName)));
            var chosen = Router.Choose(request.Lang, eligible);
            if (chosen is not null)
            {
                var offered = request.Copy();
                offered.OfferedTo = chosen.UserName;
                offered.OfferExpiresAt = now.AddSeconds(branch.AcceptTimeoutS);
                offered.Tried.Add(chosen.UserName);
                if (await WriteAsync(request, offered, "offered", now, cancellationToken).ConfigureAwait(false))
                {
                    state.Apply(offered);
                    offering.Add(chosen.UserName);
                    await announcer.StaffNoticeAsync(new StaffNotice(StaffNoticeKinds.Offer, branch.Id, [chosen.UserName], offered), cancellationToken).ConfigureAwait(false);
                }
            }
            else if (!request.Escalated && hosts.All(h => request.Tried.Contains(h.UserName)))
            {
                var escalated = request.Copy();
                escalated.Escalated = true;
                if (await WriteAsync(request, escalated, "escalated", now, cancellationToken).ConfigureAwait(false))
                {
                    state.Apply(escalated);
                    await announcer.StaffNoticeAsync(new StaffNotice(StaffNoticeKinds.Escalation, branch.Id, desk, escalated), cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>An offer counts while it has not lapsed and its host is still on duty.</summary>
    public static bool IsLiveOffer(HelpRequest r, IReadOnlySet<string> hostsOnDuty, DateTimeOffset now) =>
        r.State == RequestState.Queued && r.OfferedTo is not null && r.OfferExpiresAt > now && hostsOnDuty.Contains(r.OfferedTo);

    private async Task<HelpRequest?> WithdrawAsync(HelpRequest request, string kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var withdrawn = request.Copy();
        var host = withdrawn.OfferedTo!;
        withdrawn.OfferedTo = null;
        withdrawn.OfferExpiresAt = null;
        if (!await WriteAsync(request, withdrawn, kind, now, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        await announcer.StaffNoticeAsync(new StaffNotice(StaffNoticeKinds.OfferWithdrawn, request.Branch, [host], withdrawn), cancellationToken).ConfigureAwait(false);
        return withdrawn;
    }

    private async Task<bool> WriteAsync(HelpRequest before, HelpRequest after, string kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var evt = new RequestEvent { RequestId = before.Id, Branch = before.Branch, At = now, Kind = kind, Actor = kind == "offered" ? after.OfferedTo! : Actor };
        if (!await requests.TryUpdateAsync(after, before.Version, evt, cancellationToken).ConfigureAwait(false))
        {
            // Another gateway changed it first; its own dispatch takes care of it.
            return false;
        }

        await announcer.RequestChangedAsync(after, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
