using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Common;
using HelpPoint.Domain.Duty;
using HelpPoint.Domain.Requests;
using HelpPoint.Domain.Routing;
using HelpPoint.Domain.Staff;

namespace HelpPoint.Domain.Queue;

/// <summary>
/// One branch's queue as pure functions: <see cref="Decide"/> turns a command into facts without changing anything,
/// <see cref="Apply"/> changes the state by one fact without deciding anything, and <see cref="Route"/> decides what time
/// and the queue's shape make due (offers, lapses, escalation, expiry at closing, duty checks). No I/O, no clock, no locks:
/// the caller passes <c>now</c> and owns the state.
/// </summary>
/// <remarks>
/// The escalation ladder of a waiting request: offered to one reachable host at a time (each for the branch's
/// <see cref="Branch.AcceptTimeoutS"/>); when every reachable host has passed on it, offered to everyone at once (reachable
/// hosts, the desk, the branch's managers); then again every <see cref="Branch.EscalationRepeatS"/> with a louder notice,
/// until someone accepts, the visitor cancels, or the branch closes. No waiting request is ever without a next step.
/// </remarks>
public static class BranchQueue
{
    /// <summary>The longest offline age a device may report (protocol v1: 7 days).</summary>
    public const long MaxAgeMs = 7L * 24 * 3600 * 1000;

    /// <summary>Who offers, lapses and expires.</summary>
    public const string RouterActor = "router";

    /// <summary>How long after "done" the host may take it back (a mistaken tap); shorter than a help point shows its end screen.</summary>
    public static readonly TimeSpan ReopenWindow = TimeSpan.FromSeconds(10);

    /// <summary>How help can end (never free text: no visitor data).</summary>
    public static readonly IReadOnlySet<string> Outcomes = new HashSet<string>(StringComparer.Ordinal) { "helped", "referred", "no-show" };

    /// <summary>Decides, applies, then routes until nothing more is due; returns every fact in the order applied.</summary>
    public static Decision Handle(BranchQueueState state, QueueCommand command, DateTimeOffset now)
    {
        var decision = Decide(state, command, now);
        if (!decision.IsSuccess)
        {
            return decision;
        }

        var all = new List<QueueEvent>(decision.Events.Count + 2);
        foreach (var e in decision.Events)
        {
            Apply(state, e);
            all.Add(e);
        }

        // Each routing step applies what the previous one made due (an expired request frees an offer, a released one is offered).
        for (var step = 0; step < 8; step++)
        {
            var routed = Route(state, now);
            if (routed.Count == 0)
            {
                break;
            }

            foreach (var e in routed)
            {
                Apply(state, e);
                all.Add(e);
            }
        }

        return decision with { Events = all };
    }

    /// <summary>The facts <paramref name="command"/> causes now, or why it is refused. Does not change <paramref name="state"/>.</summary>
    public static Decision Decide(BranchQueueState state, QueueCommand command, DateTimeOffset now) => command switch
    {
        Press p => DecidePress(state, p, now),
        DeviceCancel c => DecideDeviceCancel(state, c, now),
        GiveFeedback f => DecideFeedback(state, f, now),
        Accept a => DecideAccept(state, a, now),
        Decline d => DecideDecline(state, d, now),
        Finish f => DecideFinish(state, f, now),
        Reopen r => DecideReopen(state, r, now),
        Release r => DecideRelease(state, r, now),
        StaffCancel c => DecideStaffCancel(state, c, now),
        DutyOn d => DecideDutyOn(state, d, now),
        DutyOff d => DecideDutyOff(state, d.UserName, d.Why, now),
        StillHere s => state.Duty.ContainsKey(s.UserName)
            ? Decision.Of(new QueueEvent(QueueEventKind.Activity, now, s.UserName) { Host = s.UserName })
            : DomainError.Conflict("you are not on duty"),
        Pause p => DecidePause(state, p.UserName, pause: true, now),
        Resume r => DecidePause(state, r.UserName, pause: false, now),
        Tick => Decision.Nothing,
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "unknown command"),
    };

    /// <summary>Changes <paramref name="state"/> by one fact.</summary>
    public static void Apply(BranchQueueState state, QueueEvent e)
    {
        switch (e.Kind)
        {
            case QueueEventKind.Created or QueueEventKind.Unstaffed:
                var created = e.Request!.Copy();
                state.Remember(created);
                state.TicketDay = created.LocalDay;
                state.LastTicket = int.Parse(created.Ticket, System.Globalization.CultureInfo.InvariantCulture);
                return;
            case QueueEventKind.DutyStarted:
                state.SetDuty(e.Duty!.Copy());
                return;
            case QueueEventKind.DutyEnded:
                state.RemoveDuty(e.Host!);
                return;
            case QueueEventKind.DutyPrompted:
                if (state.Duty.TryGetValue(e.Host!, out var prompted))
                {
                    prompted.PromptedAt = e.At;
                }

                return;
            case QueueEventKind.Activity:
                Touch(state, e.Host!, e.At);
                return;
            case QueueEventKind.DutyPaused or QueueEventKind.DutyResumed:
                if (state.Duty.TryGetValue(e.Host!, out var paused))
                {
                    paused.PausedAt = e.Kind == QueueEventKind.DutyPaused ? e.At : null;
                }

                Touch(state, e.Host!, e.At);
                return;
        }

        var r = state.Find(e.RequestId!) ?? throw new InvalidOperationException($"{e.Kind} for unknown request {e.RequestId}");
        switch (e.Kind)
        {
            case QueueEventKind.Offered:
                r.OfferedTo = e.Host;
                r.OfferExpiresAt = e.Until;
                if (!r.Tried.Contains(e.Host!))
                {
                    r.Tried.Add(e.Host!);
                }

                break;
            case QueueEventKind.OfferTimeout or QueueEventKind.Declined:
                r.OfferedTo = null;
                r.OfferExpiresAt = null;
                break;
            case QueueEventKind.Escalated:
                r.Escalated = true;
                r.RepeatAt = e.Until;
                break;
            case QueueEventKind.EscalationRepeated:
                r.RepeatAt = e.Until;
                break;
            case QueueEventKind.Accepted:
                r.State = RequestState.Assigned;
                r.HostUser = e.Host;
                r.HostName = e.HostName;
                r.AssignedAt = e.At;
                r.OfferedTo = null;
                r.OfferExpiresAt = null;
                r.RepeatAt = null;
                if (state.Duty.TryGetValue(e.Host!, out var shift))
                {
                    shift.LastAssignedAt = e.At;
                }

                Touch(state, e.Host!, e.At);
                break;
            case QueueEventKind.Released:
                r.State = RequestState.Queued;
                r.HostUser = null;
                r.HostName = null;
                r.AssignedAt = null;
                r.QueueKey = e.QueueKey ?? r.QueueKey;
                if (e.Host is not null && !r.Tried.Contains(e.Host))
                {
                    r.Tried.Add(e.Host);
                }

                state.InsertOpen(r);
                break;
            case QueueEventKind.Done:
                r.State = RequestState.Done;
                r.FinishedAt = e.At;
                r.Outcome = e.Outcome;
                r.Category = e.Category ?? r.Category;
                state.RemoveOpen(r);
                if (r.AssignedAt is { } assigned)
                {
                    state.AddHandling(r.Id, (e.At - assigned).TotalSeconds);
                }

                break;
            case QueueEventKind.Reopened:
                r.State = RequestState.Assigned;
                r.FinishedAt = null;
                r.Outcome = null;
                state.RemoveHandling(r.Id);
                state.InsertOpen(r);
                break;
            case QueueEventKind.Cancelled:
                r.State = RequestState.Cancelled;
                r.FinishedAt = e.At;
                r.RepeatAt = null;
                state.RemoveOpen(r);
                break;
            case QueueEventKind.Expired:
                r.State = RequestState.Expired;
                r.FinishedAt = e.At;
                r.OfferedTo = null;
                r.OfferExpiresAt = null;
                r.RepeatAt = null;
                state.RemoveOpen(r);
                break;
            case QueueEventKind.Feedback:
                r.Feedback = e.Score;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(e), e.Kind, "not a request fact");
        }
    }

    /// <summary>
    /// One step of what is due now: requests still waiting at closing expire and unanswered duty checks end shifts; when
    /// nothing of that is due, lapsed offers move on, waiting requests are offered, requests every reachable host has passed
    /// are offered to everyone at once, and escalated ones nobody took are offered to everyone again when their repeat is
    /// due. Empty when nothing is due.
    /// </summary>
    public static IReadOnlyList<QueueEvent> Route(BranchQueueState state, DateTimeOffset now)
    {
        var events = new List<QueueEvent>();
        foreach (var r in state.Open)
        {
            if (r.State == RequestState.Queued && now >= state.ClosesAt(r))
            {
                events.Add(new QueueEvent(QueueEventKind.Expired, now, RouterActor) { RequestId = r.Id });
            }
        }

        foreach (var d in state.Duty.Values)
        {
            var lastSign = d.LastActivityAt ?? d.Since;
            if (d.PromptedAt is { } asked)
            {
                if (now - asked >= state.Settings.InactivityGrace && lastSign <= asked)
                {
                    events.AddRange(DecideDutyOff(state, d.UserName, "no answer to the duty check", now).Events);
                    return events;
                }
            }
            else if (now - lastSign >= state.Settings.InactivityPrompt)
            {
                events.Add(new QueueEvent(QueueEventKind.DutyPrompted, now, RouterActor) { Host = d.UserName });
            }
        }

        if (events.Count > 0)
        {
            return events;
        }

        return Dispatch(state, now);
    }

    /// <summary>The next instant at which <see cref="Route"/> has something to do, if any.</summary>
    public static DateTimeOffset? NextDeadline(BranchQueueState state)
    {
        DateTimeOffset? next = null;
        void Consider(DateTimeOffset at) => next = next is { } n && n <= at ? n : at;
        foreach (var r in state.Open)
        {
            if (r.State != RequestState.Queued)
            {
                continue;
            }

            Consider(state.ClosesAt(r));
            if (r.OfferedTo is not null && r.OfferExpiresAt is { } lapses)
            {
                Consider(lapses);
            }
            else if (r.Escalated)
            {
                // Without a repeat time (a row from before repeats existed), Route repeats it at once.
                Consider(r.RepeatAt ?? r.ReceivedAt);
            }
        }

        foreach (var d in state.Duty.Values)
        {
            Consider(d.PromptedAt is { } asked ? asked + state.Settings.InactivityGrace : (d.LastActivityAt ?? d.Since) + state.Settings.InactivityPrompt);
        }

        return next;
    }

    /// <summary>The ticket <paramref name="request"/>'s device should show now.</summary>
    public static DeviceTicket TicketOf(BranchQueueState state, HelpRequest request)
    {
        if (request.State != RequestState.Queued)
        {
            return QueueProjection.TicketFor(request, null, 0, 0);
        }

        var position = 0;
        foreach (var r in state.Open)
        {
            if (r.State == RequestState.Queued)
            {
                position++;
            }

            if (ReferenceEquals(r, request))
            {
                return QueueProjection.TicketFor(request, position, state.HostsReachable, state.HandlingS);
            }
        }

        return QueueProjection.TicketFor(request, null, state.HostsReachable, state.HandlingS);
    }

    /// <summary>What the branch's ticket displays show now.</summary>
    public static BoardView Board(BranchQueueState state) => QueueProjection.Board(state.Open, state.HostsOnDuty, state.HandlingS);

    private static Decision DecidePress(BranchQueueState state, Press p, DateTimeOffset now)
    {
        if (!Categories.IsKnown(p.Category))
        {
            return DomainError.Invalid("unknown category");
        }

        if (p.AgeMs is < 0 or > MaxAgeMs)
        {
            return DomainError.Invalid("invalid ageMs");
        }

        if (!Identifiers.IsRequestIdOf(p.Id, p.Device))
        {
            return DomainError.Invalid("id does not belong to this device");
        }

        if (p.Lang is not null && !Identifiers.IsValidLanguage(p.Lang))
        {
            return DomainError.Invalid("invalid lang");
        }

        if (state.Find(p.Id) is not null)
        {
            // The same id is the same request: the device gets the ticket it already has.
            return new Decision(null, [], ResendTicket: true);
        }

        if (state.LatestByDevice.GetValueOrDefault(p.Device) is { } open && open.State.IsOpen())
        {
            // One open request per help point: a new press while the last one waits, is offered or is being helped gets
            // that request's ticket, so a stolen or faulty device cannot fill the queue and every host's phone.
            return new Decision(null, [], ResendTicket: true, Answer: open.Id);
        }

        var branch = state.Branch;
        var day = branch.LocalDayOf(now);
        var ticket = (day == state.TicketDay ? state.LastTicket : 0) + 1;
        var staffed = state.Duty.Values.Any(d => !d.IsDesk);
        var pressedAt = now.AddMilliseconds(-p.AgeMs);
        var request = new HelpRequest
        {
            Id = p.Id,
            Branch = branch.Id,
            Device = p.Device,
            Category = p.Category,
            Lang = p.Lang,
            Ticket = ticket.ToString(System.Globalization.CultureInfo.InvariantCulture),
            LocalDay = day,
            PressedAt = pressedAt,
            ReceivedAt = now,
            State = staffed ? RequestState.Queued : RequestState.Unstaffed,
            QueueKey = pressedAt.ToUnixTimeMilliseconds(),
            FinishedAt = staffed ? null : now,
        };
        return new Decision(null, [new QueueEvent(staffed ? QueueEventKind.Created : QueueEventKind.Unstaffed, now, p.Device) { RequestId = p.Id, Request = request }], ResendTicket: true);
    }

    private static Decision DecideDeviceCancel(BranchQueueState state, DeviceCancel c, DateTimeOffset now)
    {
        var r = state.Find(c.Id);
        if (r is null || r.Device != c.Device)
        {
            return DomainError.NotFound("unknown request");
        }

        if (!r.State.IsOpen())
        {
            return Decision.Refused(DomainError.Conflict($"request is {r.State.ToWire()}"), resendTicket: true);
        }

        return Decision.Of(new QueueEvent(QueueEventKind.Cancelled, now, c.Device) { RequestId = r.Id });
    }

    private static Decision DecideFeedback(BranchQueueState state, GiveFeedback f, DateTimeOffset now)
    {
        if (f.Score is < 1 or > 3)
        {
            return DomainError.Invalid("invalid score");
        }

        var r = state.Find(f.Id);
        if (r is null || r.Device != f.Device)
        {
            return DomainError.NotFound("unknown request");
        }

        if (r.State != RequestState.Done || r.Feedback is not null)
        {
            return DomainError.Conflict("feedback is taken once, after help is done");
        }

        return Decision.Of(new QueueEvent(QueueEventKind.Feedback, now, f.Device) { RequestId = r.Id, Score = f.Score });
    }

    private static Decision DecideAccept(BranchQueueState state, Accept a, DateTimeOffset now)
    {
        if (!a.Actor.HelpsVisitors)
        {
            return DomainError.Forbidden("only IT-hosts and the desk accept requests");
        }

        var r = state.Find(a.Id);
        if (r is null)
        {
            return DomainError.NotFound("unknown request");
        }

        if (!state.Duty.ContainsKey(a.Actor.UserName))
        {
            return DomainError.Forbidden($"go on duty at branch '{r.Branch}' first");
        }

        if (r.State != RequestState.Queued)
        {
            return DomainError.Conflict(r.State == RequestState.Assigned ? $"already accepted by {r.HostName}" : $"request is {r.State.ToWire()}");
        }

        return Decision.Of(new QueueEvent(QueueEventKind.Accepted, now, a.Actor.UserName)
        {
            RequestId = r.Id,
            Host = a.Actor.UserName,
            HostName = a.Actor.DisplayName,
            WithdrawnFrom = r.OfferedTo is { } offered && offered != a.Actor.UserName ? offered : null,
        });
    }

    private static Decision DecideDecline(BranchQueueState state, Decline d, DateTimeOffset now)
    {
        var r = state.Find(d.Id);
        if (r is null)
        {
            return DomainError.NotFound("unknown request");
        }

        if (r.State != RequestState.Queued || r.OfferedTo != d.Actor.UserName)
        {
            return DomainError.Conflict("this request is not offered to you");
        }

        return WithActivity(state, d.Actor, now, new QueueEvent(QueueEventKind.Declined, now, d.Actor.UserName) { RequestId = r.Id, Host = d.Actor.UserName });
    }

    private static Decision DecideFinish(BranchQueueState state, Finish f, DateTimeOffset now)
    {
        if (f.Outcome is not null && !Outcomes.Contains(f.Outcome))
        {
            return DomainError.Invalid("outcome must be helped, referred or no-show");
        }

        if (f.Category is not null && !Categories.IsKnown(f.Category))
        {
            return DomainError.Invalid("unknown category");
        }

        var r = state.Find(f.Id);
        if (r is null)
        {
            return DomainError.NotFound("unknown request");
        }

        if (r.State != RequestState.Assigned)
        {
            return DomainError.Conflict($"request is {r.State.ToWire()}");
        }

        if (r.HostUser != f.Actor.UserName && !f.Actor.IsManagerOrAdmin)
        {
            return DomainError.Forbidden($"request is assigned to {r.HostName}");
        }

        return WithActivity(state, f.Actor, now, new QueueEvent(QueueEventKind.Done, now, f.Actor.UserName)
        {
            RequestId = r.Id,
            Outcome = f.Outcome ?? "helped",
            Category = f.Category,
        });
    }

    private static Decision DecideReopen(BranchQueueState state, Reopen o, DateTimeOffset now)
    {
        var r = state.Find(o.Id);
        if (r is null)
        {
            return DomainError.NotFound("unknown request");
        }

        DomainError? error = r.State != RequestState.Done ? DomainError.Conflict($"request is {r.State.ToWire()}")
            : r.HostUser != o.Actor.UserName ? DomainError.Forbidden("only the host who finished it can undo")
            : r.Feedback is not null ? DomainError.Conflict("the visitor has already rated the help")
            : r.FinishedAt is not { } finished || now - finished > ReopenWindow ? DomainError.Conflict("too late to undo")
            : null;
        return error ?? WithActivity(state, o.Actor, now, new QueueEvent(QueueEventKind.Reopened, now, o.Actor.UserName) { RequestId = r.Id });
    }

    private static Decision DecideRelease(BranchQueueState state, Release o, DateTimeOffset now)
    {
        var r = state.Find(o.Id);
        if (r is null)
        {
            return DomainError.NotFound("unknown request");
        }

        if (r.State != RequestState.Assigned)
        {
            return DomainError.Conflict($"request is {r.State.ToWire()}");
        }

        if (r.HostUser != o.Actor.UserName && !o.Actor.IsManagerOrAdmin)
        {
            return DomainError.Forbidden($"request is assigned to {r.HostName}");
        }

        return WithActivity(state, o.Actor, now, new QueueEvent(QueueEventKind.Released, now, o.Actor.UserName)
        {
            RequestId = r.Id,
            Host = r.HostUser,
            QueueKey = Math.Min(r.QueueKey, Front(state) - 1),
        });
    }

    private static Decision DecideStaffCancel(BranchQueueState state, StaffCancel c, DateTimeOffset now)
    {
        var r = state.Find(c.Id);
        if (r is null)
        {
            return DomainError.NotFound("unknown request");
        }

        if (!c.Actor.IsManagerOrAdmin && !state.Duty.ContainsKey(c.Actor.UserName))
        {
            return DomainError.Forbidden($"go on duty at branch '{r.Branch}' first");
        }

        if (!r.State.IsOpen())
        {
            return DomainError.Conflict($"request is {r.State.ToWire()}");
        }

        return WithActivity(state, c.Actor, now, new QueueEvent(QueueEventKind.Cancelled, now, c.Actor.UserName) { RequestId = r.Id });
    }

    private static Decision DecideDutyOn(BranchQueueState state, DutyOn d, DateTimeOffset now)
    {
        var current = state.Duty.GetValueOrDefault(d.Actor.UserName);
        var shift = new HostDuty
        {
            UserName = d.Actor.UserName,
            Branch = state.Branch.Id,
            OnDuty = true,
            IsDesk = d.Actor.Role == StaffRole.Desk,
            Languages = d.Languages.Distinct(StringComparer.Ordinal).ToList(),
            Since = current?.Since ?? now,
            LastActivityAt = now,
            PromptedAt = null,
            LastAssignedAt = current?.LastAssignedAt ?? d.LastAssignedAt,
            PausedAt = current?.PausedAt,
        };
        return Decision.Of(new QueueEvent(QueueEventKind.DutyStarted, now, d.Actor.UserName) { Host = d.Actor.UserName, Duty = shift });
    }

    private static Decision DecideDutyOff(BranchQueueState state, string user, string? why, DateTimeOffset now)
    {
        if (!state.Duty.TryGetValue(user, out var current))
        {
            return Decision.Nothing;
        }

        var ended = current.Copy();
        ended.OnDuty = false;
        ended.PromptedAt = null;
        ended.PausedAt = null;
        var events = new List<QueueEvent> { new(QueueEventKind.DutyEnded, now, why is null ? user : RouterActor) { Host = user, Duty = ended } };

        // A host who leaves must not keep visitors waiting for someone who is gone: their requests go to the front.
        var actor = why is null ? "shift-end:" + user : $"shift-end:{user}:{why}";
        var front = Front(state);
        foreach (var r in state.Open.Where(r => r.State == RequestState.Assigned && r.HostUser == user).ToList())
        {
            var key = Math.Min(r.QueueKey, front - 1);
            front = Math.Min(front, key);
            events.Add(new QueueEvent(QueueEventKind.Released, now, actor) { RequestId = r.Id, Host = user, QueueKey = key });
        }

        return new Decision(null, events);
    }

    /// <summary>Offers, lapses, escalations and their repeats, in queue order.</summary>
    private static List<QueueEvent> Dispatch(BranchQueueState state, DateTimeOffset now)
    {
        var events = new List<QueueEvent>();

        // Paused hosts are on duty but get no offers; an offer they held lapses at once.
        var hosts = state.Duty.Values.Where(d => !d.IsDesk && d.PausedAt is null).ToList();
        var onDuty = hosts.Select(h => h.UserName).ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<string>? audience = null;
        HashSet<string>? helping = null;
        HashSet<string>? offering = null;
        foreach (var r in state.Open)
        {
            if (r.State != RequestState.Queued || IsLiveOffer(r, onDuty, now))
            {
                continue;
            }

            helping ??= state.Open.Where(x => x.State == RequestState.Assigned && x.HostUser is not null).Select(x => x.HostUser!).ToHashSet(StringComparer.Ordinal);
            offering ??= state.Open.Where(x => IsLiveOffer(x, onDuty, now)).Select(x => x.OfferedTo!).ToHashSet(StringComparer.Ordinal);
            if (r.OfferedTo is not null)
            {
                events.Add(new QueueEvent(QueueEventKind.OfferTimeout, now, RouterActor) { RequestId = r.Id, Host = r.OfferedTo });
            }

            var eligible = hosts
                .Where(h => !r.Tried.Contains(h.UserName) && !offering.Contains(h.UserName))
                .Select(h => new HostCandidate(h.UserName, h.Languages, h.LastAssignedAt, h.Since, helping.Contains(h.UserName)));
            if (Router.Choose(r.Lang, eligible) is { } chosen)
            {
                offering.Add(chosen.UserName);
                events.Add(new QueueEvent(QueueEventKind.Offered, now, chosen.UserName)
                {
                    RequestId = r.Id,
                    Host = chosen.UserName,
                    Until = now.AddSeconds(state.Branch.AcceptTimeoutS),
                });
            }
            else if (!r.Escalated)
            {
                // Everyone reachable has passed on it (or nobody is reachable): everyone is asked at once.
                if (hosts.All(h => r.Tried.Contains(h.UserName)))
                {
                    audience ??= EscalationAudience(state, hosts);
                    events.Add(new QueueEvent(QueueEventKind.Escalated, now, RouterActor) { RequestId = r.Id, Audience = audience, Until = now + RepeatInterval(state) });
                }
            }
            else if (r.RepeatAt is not { } repeat || now >= repeat)
            {
                audience ??= EscalationAudience(state, hosts);
                events.Add(new QueueEvent(QueueEventKind.EscalationRepeated, now, RouterActor) { RequestId = r.Id, Audience = audience, Until = now + RepeatInterval(state) });
            }
        }

        return events;
    }

    /// <summary>Who an escalation goes to: the reachable hosts, the desk users on duty and not paused, the branch's managers.</summary>
    private static List<string> EscalationAudience(BranchQueueState state, List<HostDuty> reachableHosts)
    {
        var audience = reachableHosts.Select(h => h.UserName).ToList();
        audience.AddRange(state.Duty.Values.Where(d => d.IsDesk && d.PausedAt is null).Select(d => d.UserName));
        audience.AddRange(state.Managers.Where(m => !audience.Contains(m, StringComparer.Ordinal)));
        return audience;
    }

    private static TimeSpan RepeatInterval(BranchQueueState state) => TimeSpan.FromSeconds(Math.Max(1, state.Branch.EscalationRepeatS));

    private static Decision DecidePause(BranchQueueState state, string user, bool pause, DateTimeOffset now)
    {
        if (!state.Duty.TryGetValue(user, out var current))
        {
            return DomainError.Conflict("you are not on duty");
        }

        if ((current.PausedAt is not null) == pause)
        {
            // Already so: nothing changes (a double tap, a retried request).
            return Decision.Nothing;
        }

        var shift = current.Copy();
        shift.PausedAt = pause ? now : null;
        shift.LastActivityAt = now;
        shift.PromptedAt = null;
        return Decision.Of(new QueueEvent(pause ? QueueEventKind.DutyPaused : QueueEventKind.DutyResumed, now, user) { Host = user, Duty = shift });
    }

    /// <summary>An offer counts while it has not lapsed and its host is still on duty.</summary>
    public static bool IsLiveOffer(HelpRequest r, IReadOnlySet<string> hostsOnDuty, DateTimeOffset now) =>
        r.State == RequestState.Queued && r.OfferedTo is not null && r.OfferExpiresAt > now && hostsOnDuty.Contains(r.OfferedTo);

    /// <summary>The queue key of the first waiting request (a released one goes before it).</summary>
    private static long Front(BranchQueueState state)
    {
        foreach (var r in state.Open)
        {
            if (r.State == RequestState.Queued)
            {
                return r.QueueKey;
            }
        }

        return long.MaxValue;
    }

    private static Decision WithActivity(BranchQueueState state, Actor actor, DateTimeOffset now, QueueEvent e) =>
        state.Duty.ContainsKey(actor.UserName)
            ? Decision.Of(e, new QueueEvent(QueueEventKind.Activity, now, actor.UserName) { Host = actor.UserName })
            : Decision.Of(e);

    private static void Touch(BranchQueueState state, string user, DateTimeOffset at)
    {
        if (state.Duty.TryGetValue(user, out var shift))
        {
            shift.LastActivityAt = at;
            shift.PromptedAt = null;
        }
    }
}
