using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Common;
using HelpPoint.Domain.Duty;
using HelpPoint.Domain.Staff;

namespace HelpPoint.Domain.Requests;

/// <summary>
/// The life of help requests: created from a device's press, accepted, released, finished or cancelled by staff.
/// Every change is stored before it is announced; accept is exactly-once through the store's conditional write.
/// </summary>
public sealed class RequestService(
    IRequestStore requests,
    IBranchStore branches,
    IDutyStore duty,
    IAnnouncer announcer,
    BranchAnnouncer branchAnnouncer,
    KeyedGate gate,
    TimeProvider time)
{
    /// <summary>The longest offline age a device may report (protocol v1: 7 days).</summary>
    public const long MaxAgeMs = 7L * 24 * 3600 * 1000;

    /// <summary>A device asked for help. A repeated id returns the request it already has, never a second ticket.</summary>
    public async Task<Result<HelpRequest>> SubmitAsync(
        string branchId, string device, string id, string category, string? lang, long ageMs, CancellationToken cancellationToken = default)
    {
        if (!Categories.IsKnown(category))
        {
            return DomainError.Invalid("unknown category");
        }

        if (ageMs is < 0 or > MaxAgeMs)
        {
            return DomainError.Invalid("invalid ageMs");
        }

        if (!Identifiers.IsRequestIdOf(id, device))
        {
            return DomainError.Invalid("id does not belong to this device");
        }

        var branch = await branches.FindAsync(branchId, cancellationToken).ConfigureAwait(false);
        if (branch is null)
        {
            return DomainError.NotFound("unknown branch");
        }

        using (await gate.EnterAsync(branch.Id, cancellationToken).ConfigureAwait(false))
        {
            var existing = await requests.FindAsync(id, cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                var now = time.GetUtcNow();
                var onDuty = await duty.OnDutyAsync(branch.Id, cancellationToken).ConfigureAwait(false);
                var state = onDuty.Count > 0 ? RequestState.Queued : RequestState.Unstaffed;
                var created = new NewHelpRequest(
                    id, branch.Id, device, category, lang, branch.LocalDayOf(now), now.AddMilliseconds(-ageMs), now, state);
                var (stored, inserted) = await requests.InsertWithTicketAsync(created, cancellationToken).ConfigureAwait(false);
                existing = stored;
                if (inserted)
                {
                    await announcer.RequestChangedAsync(stored, cancellationToken).ConfigureAwait(false);
                }
            }

            // Repeats and new requests alike: the device gets its current ticket again (it may have missed it).
            await AnnounceAsync(branch, existing, forceDevice: true, cancellationToken).ConfigureAwait(false);
            return existing;
        }
    }

    /// <summary>The visitor withdrew the request at the help point.</summary>
    public async Task<Result<HelpRequest>> CancelFromDeviceAsync(string device, string id, CancellationToken cancellationToken = default)
    {
        var request = await requests.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (request is null || request.Device != device)
        {
            return DomainError.NotFound("unknown request");
        }

        return await ChangeAsync(request.Id, device, r => r.State.IsOpen() ? null : DomainError.Conflict($"request is {r.State.ToWire()}"),
            (r, now) => Finish(r, RequestState.Cancelled, now), "cancelled", idempotentWhenRejected: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The visitor rated the help after it was done.</summary>
    public async Task<Result<HelpRequest>> FeedbackAsync(string device, string id, int score, CancellationToken cancellationToken = default)
    {
        if (score is < 1 or > 3)
        {
            return DomainError.Invalid("invalid score");
        }

        var request = await requests.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (request is null || request.Device != device)
        {
            return DomainError.NotFound("unknown request");
        }

        var now = time.GetUtcNow();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (request.State != RequestState.Done || request.Feedback is not null)
            {
                return DomainError.Conflict("feedback is taken once, after help is done");
            }

            var changed = request.Copy();
            changed.Feedback = score;
            var evt = new RequestEvent { RequestId = id, Branch = request.Branch, At = now, Kind = "feedback", Actor = device };
            if (await requests.TryUpdateAsync(changed, request.Version, evt, cancellationToken).ConfigureAwait(false))
            {
                return changed;
            }

            request = await requests.FindAsync(id, cancellationToken).ConfigureAwait(false) ?? request;
        }

        return DomainError.Conflict("the request changed while saving feedback, try again");
    }

    /// <summary>An IT-host takes a queued request. Of concurrent accepts exactly one succeeds.</summary>
    public async Task<Result<HelpRequest>> AcceptAsync(Actor actor, string id, CancellationToken cancellationToken = default)
    {
        if (!actor.HelpsVisitors)
        {
            return DomainError.Forbidden("only IT-hosts and the desk accept requests");
        }

        var request = await requests.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (request is null)
        {
            return DomainError.NotFound("unknown request");
        }

        var shift = await duty.FindAsync(actor.UserName, cancellationToken).ConfigureAwait(false);
        if (shift is not { OnDuty: true } || shift.Branch != request.Branch)
        {
            return DomainError.Forbidden($"go on duty at branch '{request.Branch}' to accept its requests");
        }

        var result = await ChangeAsync(id, actor.UserName,
            r => r.State == RequestState.Queued ? null
                : DomainError.Conflict(r.State == RequestState.Assigned ? $"already accepted by {r.HostName}" : $"request is {r.State.ToWire()}"),
            (r, now) =>
            {
                r.State = RequestState.Assigned;
                r.HostUser = actor.UserName;
                r.HostName = actor.DisplayName;
                r.AssignedAt = now;
            },
            "accepted", idempotentWhenRejected: false, cancellationToken).ConfigureAwait(false);

        if (result.IsSuccess)
        {
            shift.LastAssignedAt = time.GetUtcNow();
            await duty.UpsertAsync(shift, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>The host finished helping.</summary>
    public Task<Result<HelpRequest>> DoneAsync(Actor actor, string id, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, actor.UserName,
            r => r.State != RequestState.Assigned ? DomainError.Conflict($"request is {r.State.ToWire()}")
                : r.HostUser != actor.UserName && !actor.IsManagerOrAdmin ? DomainError.Forbidden($"request is assigned to {r.HostName}")
                : null,
            (r, now) => Finish(r, RequestState.Done, now),
            "done", idempotentWhenRejected: false, cancellationToken);

    /// <summary>The host hands the request back: it returns to the front of the queue.</summary>
    public Task<Result<HelpRequest>> ReleaseAsync(Actor actor, string id, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, actor.UserName,
            r => r.State != RequestState.Assigned ? DomainError.Conflict($"request is {r.State.ToWire()}")
                : r.HostUser != actor.UserName && !actor.IsManagerOrAdmin ? DomainError.Forbidden($"request is assigned to {r.HostName}")
                : null,
            (r, _) => { }, "released", idempotentWhenRejected: false, cancellationToken, releaseToFront: true);

    /// <summary>Staff withdraw a request (visitor left, duplicate…).</summary>
    public async Task<Result<HelpRequest>> CancelAsync(Actor actor, string id, CancellationToken cancellationToken = default)
    {
        var request = await requests.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (request is null)
        {
            return DomainError.NotFound("unknown request");
        }

        if (!actor.IsManagerOrAdmin)
        {
            var shift = await duty.FindAsync(actor.UserName, cancellationToken).ConfigureAwait(false);
            if (shift is not { OnDuty: true } || shift.Branch != request.Branch)
            {
                return DomainError.Forbidden($"go on duty at branch '{request.Branch}' to cancel its requests");
            }
        }

        return await ChangeAsync(id, actor.UserName,
            r => r.State.IsOpen() ? null : DomainError.Conflict($"request is {r.State.ToWire()}"),
            (r, now) => Finish(r, RequestState.Cancelled, now), "cancelled", idempotentWhenRejected: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Puts every request assigned to a host back at the front of its queue (end of shift).</summary>
    public async Task ReturnAssignedAsync(string hostUser, string actor, CancellationToken cancellationToken = default)
    {
        foreach (var request in await requests.AssignedToAsync(hostUser, cancellationToken).ConfigureAwait(false))
        {
            await ChangeAsync(request.Id, actor, r => r.State == RequestState.Assigned && r.HostUser == hostUser ? null : DomainError.Conflict("moved on"),
                (r, _) => { }, "released", idempotentWhenRejected: false, cancellationToken, releaseToFront: true).ConfigureAwait(false);
        }
    }

    /// <summary>Open requests of a branch in queue order.</summary>
    public Task<IReadOnlyList<HelpRequest>> QueueAsync(string branch, CancellationToken cancellationToken = default) =>
        requests.OpenAsync(branch, cancellationToken);

    /// <summary>After a restart: every device gets its current ticket and every board its queue again.</summary>
    public async Task ResumeAsync(CancellationToken cancellationToken = default)
    {
        var all = await branches.AllAsync(cancellationToken).ConfigureAwait(false);
        var byId = all.ToDictionary(b => b.Id, StringComparer.Ordinal);
        foreach (var branch in all)
        {
            using (await gate.EnterAsync(branch.Id, cancellationToken).ConfigureAwait(false))
            {
                await branchAnnouncer.AnnounceAsync(branch, force: true, cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var latest in await requests.LatestPerDeviceAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!latest.State.IsOpen() && byId.TryGetValue(latest.Branch, out var branch))
            {
                await branchAnnouncer.SendTicketAsync(QueueProjection.TicketFor(latest, null, 0, branch), force: true, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Re-announces a branch (after duty changes: staffed flag and wait estimates move).</summary>
    public async Task AnnounceBranchAsync(string branchId, CancellationToken cancellationToken = default)
    {
        var branch = await branches.FindAsync(branchId, cancellationToken).ConfigureAwait(false);
        if (branch is null)
        {
            return;
        }

        using (await gate.EnterAsync(branch.Id, cancellationToken).ConfigureAwait(false))
        {
            await branchAnnouncer.AnnounceAsync(branch, force: false, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void Finish(HelpRequest request, RequestState state, DateTimeOffset now)
    {
        request.State = state;
        request.FinishedAt = now;
    }

    /// <summary>
    /// Reads, checks and conditionally writes one request under its branch's gate, then announces.
    /// A concurrent writer (another process) makes the write fail; the check then runs again on the fresh state.
    /// </summary>
    private async Task<Result<HelpRequest>> ChangeAsync(
        string id,
        string actor,
        Func<HelpRequest, DomainError?> check,
        Action<HelpRequest, DateTimeOffset> apply,
        string eventKind,
        bool idempotentWhenRejected,
        CancellationToken cancellationToken,
        bool releaseToFront = false)
    {
        var request = await requests.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (request is null)
        {
            return DomainError.NotFound("unknown request");
        }

        var branch = await branches.FindAsync(request.Branch, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"request {id} belongs to unknown branch {request.Branch}");

        using (await gate.EnterAsync(branch.Id, cancellationToken).ConfigureAwait(false))
        {
            for (var attempt = 0; attempt < 5; attempt++)
            {
                request = await requests.FindAsync(id, cancellationToken).ConfigureAwait(false);
                if (request is null)
                {
                    return DomainError.NotFound("unknown request");
                }

                if (check(request) is { } error)
                {
                    if (idempotentWhenRejected)
                    {
                        await AnnounceAsync(branch, request, forceDevice: true, cancellationToken).ConfigureAwait(false);
                    }

                    return error;
                }

                var now = time.GetUtcNow();
                var changed = request.Copy();
                apply(changed, now);
                if (releaseToFront)
                {
                    var open = await requests.OpenAsync(branch.Id, cancellationToken).ConfigureAwait(false);
                    var front = open.Where(r => r.State == RequestState.Queued).Select(r => r.QueueKey).DefaultIfEmpty(changed.QueueKey + 1).Min();
                    changed.State = RequestState.Queued;
                    changed.HostUser = null;
                    changed.HostName = null;
                    changed.AssignedAt = null;
                    changed.QueueKey = Math.Min(changed.QueueKey, front - 1);
                }

                var evt = new RequestEvent { RequestId = id, Branch = branch.Id, At = now, Kind = eventKind, Actor = actor };
                if (await requests.TryUpdateAsync(changed, request.Version, evt, cancellationToken).ConfigureAwait(false))
                {
                    await announcer.RequestChangedAsync(changed, cancellationToken).ConfigureAwait(false);
                    await AnnounceAsync(branch, changed, forceDevice: false, cancellationToken).ConfigureAwait(false);
                    return changed;
                }
            }

            return DomainError.Conflict("the request is changing too often, try again");
        }
    }

    private async Task AnnounceAsync(Branch branch, HelpRequest request, bool forceDevice, CancellationToken cancellationToken)
    {
        if (!request.State.IsOpen())
        {
            await branchAnnouncer.SendTicketAsync(QueueProjection.TicketFor(request, null, 0, branch), forceDevice, cancellationToken).ConfigureAwait(false);
            await branchAnnouncer.AnnounceAsync(branch, force: false, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (forceDevice)
        {
            // Resend this device's ticket even if unchanged; the others only when their place moved.
            var open = await requests.OpenAsync(branch.Id, cancellationToken).ConfigureAwait(false);
            var hosts = (await duty.OnDutyAsync(branch.Id, cancellationToken).ConfigureAwait(false)).Count;
            var mine = QueueProjection.Tickets(open, hosts, branch).FirstOrDefault(t => t.Id == request.Id);
            if (mine is not null)
            {
                await branchAnnouncer.SendTicketAsync(mine, force: true, cancellationToken).ConfigureAwait(false);
            }
        }

        await branchAnnouncer.AnnounceAsync(branch, force: false, cancellationToken).ConfigureAwait(false);
    }
}
