using System.Collections.Concurrent;
using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Common;
using HelpPoint.Domain.Duty;
using HelpPoint.Domain.Queue;
using HelpPoint.Domain.Requests;
using HelpPoint.Domain.Routing;
using HelpPoint.Domain.Staff;
using HelpPoint.Gateway.Cluster;
using HelpPoint.Gateway.Storage;

namespace HelpPoint.Gateway.Requests.Engine;

/// <summary>
/// The gateway's way into the branch engines: every command from MQTT ingest, HTTP and the clocks goes to the engine of
/// its branch (one per branch, started on first use and at start-up) and waits for that engine's answer, which comes only
/// after the change is stored.
/// </summary>
public sealed class BranchEngines : IAsyncDisposable
{
    public const int MaxLanguages = 16;

    private readonly ConcurrentDictionary<string, BranchEngine> _engines = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _starting = new(1, 1);
    private readonly EngineServices _services;
    private readonly EngineIndex _index = new();
    private readonly IBranchStore _branches;
    private readonly IDutyStore _duty;
    private readonly IRequestStore _requests;
    private readonly IAnnouncer _announcer;
    private readonly IBranchOwnership _ownership;
    private readonly ILogger<BranchEngines> _logger;
    private bool _disposed;

    public BranchEngines(
        IEventLog log,
        IRequestStore requests,
        IBranchStore branches,
        IDutyStore duty,
        IAnnouncer announcer,
        TimeProvider time,
        RoutingSettings settings,
        StoreChanges changes,
        IBranchOwnership ownership,
        Mqtt.GatewayMetrics metrics,
        ILogger<BranchEngines> logger)
    {
        _ownership = ownership;
        _logger = logger;
        _branches = branches;
        _duty = duty;
        _requests = requests;
        _announcer = announcer;
        _services = new EngineServices(log, requests, announcer, time, settings, _index, metrics, logger);
        changes.BranchChanged += branch =>
        {
            if (_engines.TryGetValue(branch.Id, out var engine))
            {
                engine.TryPost(new ControlJob { Settings = branch });
            }
        };
        changes.StaffChanged += user =>
        {
            foreach (var engine in _engines.Values)
            {
                engine.TryPost(new ControlJob { Staff = user });
            }
        };
        ownership.Gained += branch => _ = TakeOverAsync(branch);
        ownership.Lost += branch => _ = GiveUpAsync(branch);
    }

    /// <summary>Branches whose engine runs in this gateway.</summary>
    public IReadOnlyCollection<string> Running => [.. _engines.Keys];

    /// <summary>True when this gateway runs (or would run) <paramref name="branch"/>'s engine.</summary>
    public bool Runs(string branch) => _ownership.Owns(branch);

    /// <summary>A device asked for help. A repeated id returns the request it already has, never a second ticket.</summary>
    public Task<Result<HelpRequest>> SubmitAsync(string branch, string device, string id, string category, string? lang, long ageMs, CancellationToken cancellationToken = default) =>
        RequestCommandAsync(branch, new Press(device, id, category, lang, ageMs), cancellationToken);

    /// <summary>The visitor withdrew the request at the help point.</summary>
    public Task<Result<HelpRequest>> CancelFromDeviceAsync(string branch, string device, string id, CancellationToken cancellationToken = default) =>
        RequestCommandAsync(branch, new DeviceCancel(device, id), cancellationToken);

    /// <summary>The visitor rated the help after it was done.</summary>
    public Task<Result<HelpRequest>> FeedbackAsync(string branch, string device, string id, int score, CancellationToken cancellationToken = default) =>
        RequestCommandAsync(branch, new GiveFeedback(device, id, score), cancellationToken);

    /// <summary>Tells a device its message was refused, through its branch's engine so its later tickets follow in order.</summary>
    public async Task RejectAsync(DeviceTicket rejected, CancellationToken cancellationToken = default)
    {
        var engine = _ownership.Owns(rejected.Branch) ? await EngineAsync(rejected.Branch, cancellationToken).ConfigureAwait(false) : null;
        var job = new ControlJob { Rejected = rejected };
        if (engine is null || !engine.TryPost(job))
        {
            await _announcer.TicketAsync(rejected, cancellationToken).ConfigureAwait(false);
            return;
        }

        await job.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<Result<HelpRequest>> AcceptAsync(Actor actor, string id, CancellationToken cancellationToken = default) =>
        StaffCommandAsync(new Accept(actor, id), cancellationToken);

    public Task<Result<HelpRequest>> DeclineAsync(Actor actor, string id, CancellationToken cancellationToken = default) =>
        StaffCommandAsync(new Decline(actor, id), cancellationToken);

    public Task<Result<HelpRequest>> DoneAsync(Actor actor, string id, string? outcome = null, string? category = null, CancellationToken cancellationToken = default) =>
        StaffCommandAsync(new Finish(actor, id, outcome, category), cancellationToken);

    public Task<Result<HelpRequest>> ReopenAsync(Actor actor, string id, CancellationToken cancellationToken = default) =>
        StaffCommandAsync(new Reopen(actor, id), cancellationToken);

    public Task<Result<HelpRequest>> ReleaseAsync(Actor actor, string id, CancellationToken cancellationToken = default) =>
        StaffCommandAsync(new Release(actor, id), cancellationToken);

    public Task<Result<HelpRequest>> CancelAsync(Actor actor, string id, CancellationToken cancellationToken = default) =>
        StaffCommandAsync(new StaffCancel(actor, id), cancellationToken);

    /// <summary>Starts or ends a shift. Ending one never loses a request: the host's requests go to the front of the queue.</summary>
    public async Task<Result<HostDuty>> SetDutyAsync(Actor actor, string branchId, bool onDuty, IReadOnlyList<string>? languages, CancellationToken cancellationToken = default)
    {
        if (!actor.HelpsVisitors)
        {
            return DomainError.Forbidden("only IT-hosts and the desk go on duty");
        }

        if (!Identifiers.IsValidSlug(branchId))
        {
            return DomainError.Invalid("branch must match [a-z0-9-]{1,32}");
        }

        languages ??= [];
        if (languages.Count > MaxLanguages || languages.Any(l => !Identifiers.IsValidLanguage(l)))
        {
            return DomainError.Invalid($"languages must be at most {MaxLanguages} ISO 639-1 codes such as \"sv\"");
        }

        var engine = await EngineAsync(branchId, cancellationToken).ConfigureAwait(false);
        if (engine is null)
        {
            return DomainError.NotFound($"unknown branch '{branchId}'");
        }

        var current = await DutyBranchOfAsync(actor.UserName, cancellationToken).ConfigureAwait(false);
        if (current is not null && (!onDuty || current != branchId))
        {
            // Leaving: the branch where the shift runs hands the host's requests back.
            var ended = await EndShiftAsync(actor.UserName, current, null, cancellationToken).ConfigureAwait(false);
            if (!onDuty)
            {
                return ended ?? new HostDuty { UserName = actor.UserName, Branch = current, Languages = [.. languages] };
            }
        }

        if (!onDuty)
        {
            return new HostDuty { UserName = actor.UserName, Branch = branchId, Languages = [.. languages] };
        }

        var previous = current == branchId ? null : await _duty.FindAsync(actor.UserName, cancellationToken).ConfigureAwait(false);
        var reply = await SendAsync(engine, new CommandJob(new DutyOn(actor, languages, previous?.LastAssignedAt), dutyRowExists: previous is not null), cancellationToken).ConfigureAwait(false);
        return reply.Error is { } error ? error : reply.Duty!;
    }

    /// <summary>The host answers "yes, still here".</summary>
    public async Task<Result<HostDuty>> StillHereAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (await DutyBranchOfAsync(actor.UserName, cancellationToken).ConfigureAwait(false) is not { } branch
            || await EngineAsync(branch, cancellationToken).ConfigureAwait(false) is not { } engine)
        {
            return DomainError.Conflict("you are not on duty");
        }

        var reply = await SendAsync(engine, new CommandJob(new StillHere(actor.UserName)), cancellationToken).ConfigureAwait(false);
        return reply.Error is { } error ? error : reply.Duty!;
    }

    /// <summary>The host goes on a break (<paramref name="paused"/>) or back to taking requests; the shift goes on either way.</summary>
    public async Task<Result<HostDuty>> SetPausedAsync(Actor actor, bool paused, CancellationToken cancellationToken = default)
    {
        if (await DutyBranchOfAsync(actor.UserName, cancellationToken).ConfigureAwait(false) is not { } branch
            || await EngineAsync(branch, cancellationToken).ConfigureAwait(false) is not { } engine)
        {
            return DomainError.Conflict("you are not on duty");
        }

        QueueCommand command = paused ? new Pause(actor.UserName) : new Resume(actor.UserName);
        var reply = await SendAsync(engine, new CommandJob(command), cancellationToken).ConfigureAwait(false);
        return reply.Error is { } error ? error : reply.Duty!;
    }

    /// <summary>Where <paramref name="user"/> is on duty now, if anywhere (as this gateway's engines know it).</summary>
    public string? DutyBranchOf(string user) => _index.DutyBranchOf(user);

    /// <summary>Where <paramref name="user"/> is on duty now; with several gateways, also at branches another one runs.</summary>
    public async Task<string?> DutyBranchOfAsync(string user, CancellationToken cancellationToken = default) =>
        _index.DutyBranchOf(user)
        ?? (_ownership.IsShared && await _duty.FindAsync(user, cancellationToken).ConfigureAwait(false) is { OnDuty: true } row ? row.Branch : null);

    /// <summary>Ends a shift for the system (the roster); returns the ended shift, or null when there was none.</summary>
    public async Task<HostDuty?> EndShiftAsync(string user, string branch, string? why, CancellationToken cancellationToken = default)
    {
        if (await EngineAsync(branch, cancellationToken).ConfigureAwait(false) is not { } engine)
        {
            return null;
        }

        var reply = await SendAsync(engine, new CommandJob(new DutyOff(user, why)), cancellationToken).ConfigureAwait(false);
        return reply.Duty;
    }

    /// <summary>Open requests of a branch in queue order, from its engine's memory.</summary>
    public async Task<IReadOnlyList<HelpRequest>> QueueAsync(string branch, CancellationToken cancellationToken = default)
    {
        if (!_ownership.Owns(branch))
        {
            // Another gateway runs it; its commits are in the database before anyone is told, so the rows are current.
            return await _requests.OpenAsync(branch, cancellationToken).ConfigureAwait(false);
        }

        var engine = await EngineAsync(branch, cancellationToken).ConfigureAwait(false);
        if (engine is null)
        {
            return [];
        }

        var open = await ReadAsync(engine, s => s.Open.Select(r => r.Copy()).ToList(), cancellationToken).ConfigureAwait(false);
        return (IReadOnlyList<HelpRequest>)open!;
    }

    /// <summary>One request as its engine holds it (or storage, for an old one).</summary>
    public async Task<HelpRequest?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        if (_index.BranchOfRequest(id) is { } branch && _ownership.Owns(branch) && await EngineAsync(branch, cancellationToken).ConfigureAwait(false) is { } engine
            && await ReadAsync(engine, s => s.Find(id)?.Copy(), cancellationToken).ConfigureAwait(false) is HelpRequest held)
        {
            return held;
        }

        return await _requests.FindAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The ticket a request's device should show now (its place and wait estimate for a queued one).</summary>
    public async Task<DeviceTicket?> TicketAsync(string id, CancellationToken cancellationToken = default)
    {
        var branch = _index.BranchOfRequest(id) ?? (await _requests.FindAsync(id, cancellationToken).ConfigureAwait(false))?.Branch;
        if (branch is null || await EngineAsync(branch, cancellationToken).ConfigureAwait(false) is not { } engine)
        {
            return null;
        }

        return (DeviceTicket?)await ReadAsync(engine, s => s.Find(id) is { } r ? BranchQueue.TicketOf(s, r) : null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Returns once every engine has sent out everything it decided so far (tickets, boards, live-view events).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var flushed = new List<Task>();
        foreach (var engine in _engines.Values)
        {
            var job = new ControlJob();
            if (engine.TryPost(job))
            {
                flushed.Add(job.Done.Task);
            }
        }

        await Task.WhenAll(flushed).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lets every engine do what is due at the clock's now (tests on a fake clock; engines also wake themselves).</summary>
    public async Task TickAsync(CancellationToken cancellationToken = default)
    {
        var ticks = new List<Task>();
        foreach (var engine in _engines.Values)
        {
            var tick = new TickJob();
            if (engine.TryPost(tick))
            {
                ticks.Add(tick.Done.Task);
            }
        }

        await Task.WhenAll(ticks).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// At start-up (and when a broker lost its retained messages): every branch's engine is started, and every device gets
    /// its current ticket and every board its queue again.
    /// </summary>
    public async Task ResumeAsync(CancellationToken cancellationToken = default)
    {
        var all = await _branches.AllAsync(cancellationToken).ConfigureAwait(false);
        var announced = new List<Task>();
        foreach (var branch in all.Where(b => _ownership.Owns(b.Id)))
        {
            var engine = await EngineAsync(branch.Id, cancellationToken).ConfigureAwait(false);
            var job = new ControlJob { AnnounceAll = true };
            if (engine is not null && engine.TryPost(job))
            {
                announced.Add(job.Done.Task);
            }
        }

        await Task.WhenAll(announced).WaitAsync(cancellationToken).ConfigureAwait(false);

        // Devices whose latest request is older than anything an engine holds still get their last ticket back.
        var byId = all.Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var latest in await _requests.LatestPerDeviceAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!latest.State.IsOpen() && byId.Contains(latest.Branch) && _ownership.Owns(latest.Branch) && _index.BranchOfRequest(latest.Id) is null)
            {
                await _announcer.TicketAsync(QueueProjection.TicketFor(latest, null, 0, 0), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        foreach (var engine in _engines.Values)
        {
            await engine.DisposeAsync().ConfigureAwait(false);
        }

        _engines.Clear();
    }

    /// <summary>This gateway now owns <paramref name="branch"/>: its engine rebuilds from storage and tells everyone the state.</summary>
    private async Task TakeOverAsync(string branch)
    {
        try
        {
            if (await EngineAsync(branch, CancellationToken.None).ConfigureAwait(false) is { } engine)
            {
                engine.TryPost(new ControlJob { AnnounceAll = true });
            }
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Taking over branch {Branch} failed", branch);
        }
    }

    /// <summary>Another gateway may own <paramref name="branch"/> now: this one forgets it at once.</summary>
    private async Task GiveUpAsync(string branch)
    {
        if (_engines.TryRemove(branch, out var engine))
        {
            await engine.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<Result<HelpRequest>> RequestCommandAsync(string branch, QueueCommand command, CancellationToken cancellationToken)
    {
        var engine = await EngineAsync(branch, cancellationToken).ConfigureAwait(false);
        if (engine is null)
        {
            return DomainError.NotFound("unknown branch");
        }

        var reply = await SendAsync(engine, new CommandJob(command), cancellationToken).ConfigureAwait(false);
        return reply.Error is { } error ? error : reply.Request!;
    }

    private async Task<Result<HelpRequest>> StaffCommandAsync(StaffCommand command, CancellationToken cancellationToken)
    {
        var branch = _index.BranchOfRequest(command.Id) ?? (await _requests.FindAsync(command.Id, cancellationToken).ConfigureAwait(false))?.Branch;
        if (branch is null || await EngineAsync(branch, cancellationToken).ConfigureAwait(false) is not { } engine)
        {
            return DomainError.NotFound("unknown request");
        }

        var reply = await SendAsync(engine, new CommandJob(command), cancellationToken).ConfigureAwait(false);
        return reply.Error is { } error ? error : reply.Request!;
    }

    private static async Task<EngineReply> SendAsync(BranchEngine engine, CommandJob job, CancellationToken cancellationToken)
    {
        if (!engine.TryPost(job))
        {
            throw new EngineBusyException(engine.Branch);
        }

        return await job.Reply.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<object?> ReadAsync(BranchEngine engine, Func<BranchQueueState, object?> read, CancellationToken cancellationToken)
    {
        var job = new ReadJob(read);
        if (!engine.TryPost(job))
        {
            throw new EngineBusyException(engine.Branch);
        }

        return await job.Reply.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The branch's engine, started on first use; null for a branch that does not exist.</summary>
    private async ValueTask<BranchEngine?> EngineAsync(string branch, CancellationToken cancellationToken)
    {
        if (_engines.TryGetValue(branch, out var engine))
        {
            return engine;
        }

        await _starting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_engines.TryGetValue(branch, out engine))
            {
                return engine;
            }

            if (await _branches.FindAsync(branch, cancellationToken).ConfigureAwait(false) is not { } found)
            {
                return null;
            }

            if (!_ownership.Owns(branch))
            {
                throw new BranchElsewhereException(branch);
            }

            engine = new BranchEngine(found, _services);
            _engines[branch] = engine;
            return engine;
        }
        finally
        {
            _starting.Release();
        }
    }
}
