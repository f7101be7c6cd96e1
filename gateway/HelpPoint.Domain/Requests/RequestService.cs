using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Common;
using HelpPoint.Domain.Duty;
using HelpPoint.Domain.Routing;
using HelpPoint.Domain.Staff;

namespace HelpPoint.Domain.Requests;

/// <summary>
/// The life of help requests: created from a device's press, offered to hosts, accepted, released, finished, cancelled,
/// expired. Every change is stored (conditionally, so exactly-once holds across gateway processes) before it is announced.
/// </summary>
public sealed class RequestService(
    IRequestStore requests,
    IBranchStore branches,
    IDutyStore duty,
    IAnnouncer announcer,
    BranchAnnouncer branchAnnouncer,
    Dispatcher dispatcher,
    WaitEstimator estimator,
    KeyedGate gate,
    TimeProvider time)
{
    /// <summary>The longest offline age a device may report (protocol v1: 7 days).</summary>
    public const long MaxAgeMs = 7L * 24 * 3600 * 1000;

    /// <summary>How help can end (never free text: no visitor data).</summary>
    public static readonly IReadOnlySet<string> Outcomes = new HashSet<string>(StringComparer.Ordinal) { "helped", "referred", "no-show" };

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

        if (lang is not null && !Identifiers.IsValidLanguage(lang))
        {
            return DomainError.Invalid("invalid lang");
        }

        var branch = await branches.FindAsync(branchId, cancellationToken).ConfigureAwait(false);
        if (branch is null)
        {
            return DomainError.NotFound("unknown branch");
        }

        using (await gate.EnterAsync(branch.Id, cancellationToken).ConfigureAwait(false))
        {
            var existing = await requests.FindAsync(id, cancellationToken).ConfigureAwait(false);
            BranchState? state = null;
            if (existing is null)
            {
                var now = time.GetUtcNow();
                var onDuty = await duty.OnDutyAsync(branch.Id, cancellationToken).ConfigureAwait(false);
                var status = onDuty.Any(d => !d.IsDesk) ? RequestState.Queued : RequestState.Unstaffed;
                var created = new NewHelpRequest(
                    id, branch.Id, device, category, lang, branch.LocalDayOf(now), now.AddMilliseconds(-ageMs), now, status);
                var (stored, inserted) = await requests.InsertWithTicketAsync(created, cancellationToken).ConfigureAwait(false);
                existing = stored;
                if (inserted)
                {
                    await announcer.RequestChangedAsync(stored, cancellationToken).ConfigureAwait(false);
                    if (stored.State == RequestState.Unstaffed)
                    {
                        var desk = onDuty.Where(d => d.IsDesk).Select(d => d.UserName).ToList();
                        await announcer.StaffNoticeAsync(new StaffNotice(StaffNoticeKinds.Unstaffed, branch.Id, desk, stored), cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        var open = await requests.OpenAsync(branch.Id, cancellationToken).ConfigureAwait(false);
                        state = new BranchState(branch, [.. open], onDuty, await estimator.HandlingSecondsAsync(branch, cancellationToken).ConfigureAwait(false));
                        await dispatcher.DispatchAsync(state, cancellationToken).ConfigureAwait(false);
                        existing = state.Open.FirstOrDefault(r => r.Id == id) ?? stored;
                    }
                }
            }

            // Repeats and new requests alike: the device gets its current ticket again (it may have missed it).
            state ??= await branchAnnouncer.LoadAsync(branch, cancellationToken).ConfigureAwait(false);
            await branchAnnouncer.SendTicketAsync(BranchAnnouncer.TicketFor(state, existing), force: true, cancellationToken).ConfigureAwait(false);
            await branchAnnouncer.AnnounceAsync(state, force: false, cancellationToken).ConfigureAwait(false);
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

        return await ChangeAsync(new Change(id, device, "cancelled",
            r => r.State.IsOpen() ? null : DomainError.Conflict($"request is {r.State.ToWire()}"),
            (r, now) => Finish(r, RequestState.Cancelled, now))
        { ResendWhenRefused = true }, cancellationToken).ConfigureAwait(false);
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

        return await ChangeAsync(new Change(id, device, "feedback",
            r => r.State != RequestState.Done || r.Feedback is not null ? DomainError.Conflict("feedback is taken once, after help is done") : null,
            (r, _) => r.Feedback = score)
        { Quiet = true }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An IT-host (or the desk) takes a queued request. Of concurrent accepts exactly one succeeds.</summary>
    public async Task<Result<HelpRequest>> AcceptAsync(Actor actor, string id, CancellationToken cancellationToken = default)
    {
        if (!actor.HelpsVisitors)
        {
            return DomainError.Forbidden("only IT-hosts and the desk accept requests");
        }

        string? previouslyOffered = null;
        var result = await ChangeAsync(new Change(id, actor.UserName, "accepted",
            r => r.State == RequestState.Queued ? null
                : DomainError.Conflict(r.State == RequestState.Assigned ? $"already accepted by {r.HostName}" : $"request is {r.State.ToWire()}"),
            (r, now) =>
            {
                previouslyOffered = r.OfferedTo != actor.UserName ? r.OfferedTo : null;
                r.State = RequestState.Assigned;
                r.HostUser = actor.UserName;
                r.HostName = actor.DisplayName;
                r.AssignedAt = now;
                r.OfferedTo = null;
                r.OfferExpiresAt = null;
            })
        { OnDutyRequired = actor, Accepting = true }, cancellationToken).ConfigureAwait(false);

        if (result.IsSuccess && previouslyOffered is not null)
        {
            await announcer.StaffNoticeAsync(new StaffNotice(StaffNoticeKinds.OfferWithdrawn, result.Value!.Branch, [previouslyOffered], result.Value), cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>The offered host says "not now": the next host is tried at once.</summary>
    public Task<Result<HelpRequest>> DeclineAsync(Actor actor, string id, CancellationToken cancellationToken = default) =>
        ChangeAsync(new Change(id, actor.UserName, "declined",
            r => r.State == RequestState.Queued && r.OfferedTo == actor.UserName ? null : DomainError.Conflict("this request is not offered to you"),
            (r, _) =>
            {
                r.OfferedTo = null;
                r.OfferExpiresAt = null;
            })
        { Touch = actor }, cancellationToken);

    /// <summary>The host finished helping, with an optional outcome and a corrected category.</summary>
    public async Task<Result<HelpRequest>> DoneAsync(Actor actor, string id, string? outcome = null, string? category = null, CancellationToken cancellationToken = default)
    {
        if (outcome is not null && !Outcomes.Contains(outcome))
        {
            return DomainError.Invalid("outcome must be helped, referred or no-show");
        }

        if (category is not null && !Categories.IsKnown(category))
        {
            return DomainError.Invalid("unknown category");
        }

        var result = await ChangeAsync(new Change(id, actor.UserName, "done",
            r => r.State != RequestState.Assigned ? DomainError.Conflict($"request is {r.State.ToWire()}")
                : r.HostUser != actor.UserName && !actor.IsManagerOrAdmin ? DomainError.Forbidden($"request is assigned to {r.HostName}")
                : null,
            (r, now) =>
            {
                Finish(r, RequestState.Done, now);
                r.Outcome = outcome ?? "helped";
                r.Category = category ?? r.Category;
            })
        { Touch = actor }, cancellationToken).ConfigureAwait(false);
        if (result.IsSuccess)
        {
            estimator.Invalidate(result.Value!.Branch);
        }

        return result;
    }

    /// <summary>How long after "done" the host may take it back (a mistaken tap); shorter than a help point shows its end screen.</summary>
    public static readonly TimeSpan ReopenWindow = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Undo of a mistaken "done": within <see cref="ReopenWindow"/>, by the same host, before the visitor rated the help, the
    /// request is theirs again (assigned) and the help point is told so.
    /// </summary>
    public async Task<Result<HelpRequest>> ReopenAsync(Actor actor, string id, CancellationToken cancellationToken = default)
    {
        var result = await ChangeAsync(new Change(id, actor.UserName, "reopened",
            r => r.State != RequestState.Done ? DomainError.Conflict($"request is {r.State.ToWire()}")
                : r.HostUser != actor.UserName ? DomainError.Forbidden("only the host who finished it can undo")
                : r.Feedback is not null ? DomainError.Conflict("the visitor has already rated the help")
                : r.FinishedAt is not { } finished || time.GetUtcNow() - finished > ReopenWindow ? DomainError.Conflict("too late to undo")
                : null,
            (r, _) =>
            {
                r.State = RequestState.Assigned;
                r.FinishedAt = null;
                r.Outcome = null;
            })
        { Touch = actor }, cancellationToken).ConfigureAwait(false);
        if (result.IsSuccess)
        {
            estimator.Invalidate(result.Value!.Branch);
        }

        return result;
    }

    /// <summary>The host hands the request back: it returns to the front of the queue and the next host is offered it.</summary>
    public Task<Result<HelpRequest>> ReleaseAsync(Actor actor, string id, CancellationToken cancellationToken = default) =>
        ChangeAsync(new Change(id, actor.UserName, "released",
            r => r.State != RequestState.Assigned ? DomainError.Conflict($"request is {r.State.ToWire()}")
                : r.HostUser != actor.UserName && !actor.IsManagerOrAdmin ? DomainError.Forbidden($"request is assigned to {r.HostName}")
                : null,
            (r, _) => { })
        { ToFront = true, Touch = actor }, cancellationToken);

    /// <summary>Staff withdraw a request (visitor left, duplicate…).</summary>
    public Task<Result<HelpRequest>> CancelAsync(Actor actor, string id, CancellationToken cancellationToken = default) =>
        ChangeAsync(new Change(id, actor.UserName, "cancelled",
            r => r.State.IsOpen() ? null : DomainError.Conflict($"request is {r.State.ToWire()}"),
            (r, now) => Finish(r, RequestState.Cancelled, now))
        { OnDutyRequired = actor.IsManagerOrAdmin ? null : actor, Touch = actor }, cancellationToken);

    /// <summary>Puts every request assigned to a host back at the front of its queue (end of shift), then offers them on.</summary>
    public async Task ReturnAssignedAsync(string hostUser, string actor, CancellationToken cancellationToken = default)
    {
        foreach (var request in await requests.AssignedToAsync(hostUser, cancellationToken).ConfigureAwait(false))
        {
            await ChangeAsync(new Change(request.Id, actor, "released",
                r => r.State == RequestState.Assigned && r.HostUser == hostUser ? null : DomainError.Conflict("moved on"),
                (_, _) => { })
            { ToFront = true, TriedBy = hostUser }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Open requests of a branch in queue order.</summary>
    public Task<IReadOnlyList<HelpRequest>> QueueAsync(string branch, CancellationToken cancellationToken = default) =>
        requests.OpenAsync(branch, cancellationToken);

    /// <summary>After a restart: every device gets its current ticket and every board its queue again; lapsed offers move on.</summary>
    public async Task ResumeAsync(CancellationToken cancellationToken = default)
    {
        var all = await branches.AllAsync(cancellationToken).ConfigureAwait(false);
        var byId = all.ToDictionary(b => b.Id, StringComparer.Ordinal);
        foreach (var branch in all)
        {
            using (await gate.EnterAsync(branch.Id, cancellationToken).ConfigureAwait(false))
            {
                var state = await branchAnnouncer.LoadAsync(branch, cancellationToken).ConfigureAwait(false);
                await dispatcher.DispatchAsync(state, cancellationToken).ConfigureAwait(false);
                await branchAnnouncer.AnnounceAsync(state, force: true, cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var latest in await requests.LatestPerDeviceAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!latest.State.IsOpen() && byId.ContainsKey(latest.Branch))
            {
                await branchAnnouncer.SendTicketAsync(QueueProjection.TicketFor(latest, null, 0, 0), force: true, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Periodic work of one branch: requests still waiting at closing time expire, lapsed offers move to the next host.
    /// Safe to run on several gateways at once.
    /// </summary>
    public async Task ProcessDueAsync(Branch branch, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var hours = OpeningHours.TryParse(branch.OpeningHours, out var parsed, out _) ? parsed : OpeningHours.AlwaysOpen;
        foreach (var request in await requests.OpenAsync(branch.Id, cancellationToken).ConfigureAwait(false))
        {
            if (request.State == RequestState.Queued && now >= hours.NextClosing(request.ReceivedAt, branch.TimeZone))
            {
                await ChangeAsync(new Change(request.Id, Dispatcher.Actor, "expired",
                    r => r.State == RequestState.Queued ? null : DomainError.Conflict("moved on"),
                    (r, at) =>
                    {
                        Finish(r, RequestState.Expired, at);
                        r.OfferedTo = null;
                        r.OfferExpiresAt = null;
                    }), cancellationToken).ConfigureAwait(false);
            }
        }

        await AnnounceBranchAsync(branch.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Re-offers and re-announces a branch (after duty changes: who can be offered, staffed flag, wait estimates).</summary>
    public async Task AnnounceBranchAsync(string branchId, CancellationToken cancellationToken = default)
    {
        var branch = await branches.FindAsync(branchId, cancellationToken).ConfigureAwait(false);
        if (branch is null)
        {
            return;
        }

        using (await gate.EnterAsync(branch.Id, cancellationToken).ConfigureAwait(false))
        {
            var state = await branchAnnouncer.LoadAsync(branch, cancellationToken).ConfigureAwait(false);
            await dispatcher.DispatchAsync(state, cancellationToken).ConfigureAwait(false);
            await branchAnnouncer.AnnounceAsync(state, force: false, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void Finish(HelpRequest request, RequestState state, DateTimeOffset now)
    {
        request.State = state;
        request.FinishedAt = now;
    }

    /// <summary>
    /// Reads, checks and conditionally writes one request under its branch's gate, then offers and announces.
    /// A concurrent writer (another process) makes the write fail; the check then runs again on the fresh state.
    /// </summary>
    private async Task<Result<HelpRequest>> ChangeAsync(Change change, CancellationToken cancellationToken)
    {
        var request = await requests.FindAsync(change.Id, cancellationToken).ConfigureAwait(false);
        if (request is null)
        {
            return DomainError.NotFound("unknown request");
        }

        var branch = await branches.FindAsync(request.Branch, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"request {change.Id} belongs to unknown branch {request.Branch}");

        HostDuty? shift = null;
        if (change.OnDutyRequired is { } actor)
        {
            shift = await duty.FindAsync(actor.UserName, cancellationToken).ConfigureAwait(false);
            if (shift is not { OnDuty: true } || shift.Branch != request.Branch)
            {
                return DomainError.Forbidden($"go on duty at branch '{request.Branch}' first");
            }
        }

        using (await gate.EnterAsync(branch.Id, cancellationToken).ConfigureAwait(false))
        {
            for (var attempt = 0; attempt < 5; attempt++)
            {
                request = await requests.FindAsync(change.Id, cancellationToken).ConfigureAwait(false);
                if (request is null)
                {
                    return DomainError.NotFound("unknown request");
                }

                if (change.Check(request) is { } error)
                {
                    if (change.ResendWhenRefused)
                    {
                        await branchAnnouncer.SendTicketAsync(await branchAnnouncer.TicketAsync(branch, request, cancellationToken).ConfigureAwait(false), force: true, cancellationToken).ConfigureAwait(false);
                    }

                    return error;
                }

                var now = time.GetUtcNow();
                var changed = request.Copy();
                change.Apply(changed, now);
                if (change.ToFront)
                {
                    var open = await requests.OpenAsync(branch.Id, cancellationToken).ConfigureAwait(false);
                    var front = open.Where(r => r.State == RequestState.Queued).Select(r => r.QueueKey).DefaultIfEmpty(changed.QueueKey + 1).Min();
                    var handedBackBy = change.TriedBy ?? changed.HostUser;
                    changed.State = RequestState.Queued;
                    changed.HostUser = null;
                    changed.HostName = null;
                    changed.AssignedAt = null;
                    changed.QueueKey = Math.Min(changed.QueueKey, front - 1);
                    if (handedBackBy is not null && !changed.Tried.Contains(handedBackBy))
                    {
                        changed.Tried.Add(handedBackBy);
                    }
                }

                var evt = new RequestEvent { RequestId = change.Id, Branch = branch.Id, At = now, Kind = change.EventKind, Actor = change.Actor };
                if (!await requests.TryUpdateAsync(changed, request.Version, evt, cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                if (change.Accepting && shift is not null)
                {
                    shift.LastAssignedAt = now;
                }

                await TouchAsync(shift ?? (change.Touch is { } t ? await duty.FindAsync(t.UserName, cancellationToken).ConfigureAwait(false) : null), now, cancellationToken).ConfigureAwait(false);
                if (change.Quiet)
                {
                    return changed;
                }

                await announcer.RequestChangedAsync(changed, cancellationToken).ConfigureAwait(false);
                var state = await branchAnnouncer.LoadAsync(branch, cancellationToken).ConfigureAwait(false);
                await dispatcher.DispatchAsync(state, cancellationToken).ConfigureAwait(false);
                var current = state.Open.FirstOrDefault(r => r.Id == change.Id) ?? changed;
                await branchAnnouncer.SendTicketAsync(BranchAnnouncer.TicketFor(state, current), force: false, cancellationToken).ConfigureAwait(false);
                await branchAnnouncer.AnnounceAsync(state, force: false, cancellationToken).ConfigureAwait(false);
                return current;
            }

            return DomainError.Conflict("the request is changing too often, try again");
        }
    }

    /// <summary>Records that a host did something, which also answers an open "are you still on duty?".</summary>
    private async Task TouchAsync(HostDuty? shift, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (shift is null || !shift.OnDuty)
        {
            return;
        }

        shift.LastActivityAt = now;
        shift.PromptedAt = null;
        await duty.UpsertAsync(shift, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One request change: its check, its effect and what surrounds it.</summary>
    private sealed record Change(string Id, string Actor, string EventKind, Func<HelpRequest, DomainError?> Check, Action<HelpRequest, DateTimeOffset> Apply)
    {
        /// <summary>When refused, the device is sent its current ticket again (device messages are idempotent).</summary>
        public bool ResendWhenRefused { get; init; }

        /// <summary>The actor must be on duty at the request's branch.</summary>
        public Actor? OnDutyRequired { get; init; }

        /// <summary>Counts as the actor's activity.</summary>
        public Actor? Touch { get; init; }

        /// <summary>The actor takes the request (fair-rotation key moves).</summary>
        public bool Accepting { get; init; }

        /// <summary>Back to the front of the queue, unassigned.</summary>
        public bool ToFront { get; init; }

        /// <summary>Who handed it back, when not the assigned host themselves.</summary>
        public string? TriedBy { get; init; }

        /// <summary>Stored only: nothing changes for the queue or the device.</summary>
        public bool Quiet { get; init; }
    }
}
