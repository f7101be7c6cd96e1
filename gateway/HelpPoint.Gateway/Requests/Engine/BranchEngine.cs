using System.Threading.Channels;
using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Duty;
using HelpPoint.Domain.Queue;
using HelpPoint.Domain.Requests;
using HelpPoint.Domain.Routing;
using HelpPoint.Gateway.Storage;

namespace HelpPoint.Gateway.Requests.Engine;

/// <summary>
/// One branch's single writer. It alone holds the branch's <see cref="BranchQueueState"/> and changes it: it takes every
/// command waiting in its inbox, decides and applies each in memory, appends the batch's facts and rows in one commit, and
/// only then answers the callers and tells devices, boards and phones what changed (only what changed). Its own timer
/// wakes it at the next deadline (an offer lapsing, closing time, a duty check); nothing on its path reads the database
/// except a rebuild and ids it has never seen.
/// </summary>
internal sealed class BranchEngine : IAsyncDisposable
{
    /// <summary>Commands waiting beyond this are refused (the device sends again later) rather than queued without bound.</summary>
    public const int InboxCapacity = 4096;

    private const int MaxBatch = 256;
    private static readonly TimeSpan ForgetFinishedAfter = TimeSpan.FromHours(2);

    private readonly Channel<EngineJob> _inbox = Channel.CreateBounded<EngineJob>(new BoundedChannelOptions(InboxCapacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly EngineServices _services;
    private readonly Dictionary<string, DeviceTicket> _lastTicket = new(StringComparer.Ordinal);
    private readonly ITimer _wake;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Task _pump;
    private readonly Channel<BatchOutputs> _outputs = Channel.CreateUnbounded<BatchOutputs>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private BranchQueueState? _state;
    private HashSet<string> _dutyRows = new(StringComparer.Ordinal);

    /// <summary>
    /// Per help point, the sequence number from which this engine has seen every request of the device: a press at or
    /// above it that is not known is new (no lookup), even when presses arrive out of order.
    /// </summary>
    private readonly Dictionary<string, long> _completeFrom = new(StringComparer.Ordinal);
    private DateOnly? _counterDay;
    private BoardView? _lastBoard;
    private Branch _branch;

    public BranchEngine(Branch branch, EngineServices services)
    {
        _branch = branch;
        _services = services;
        _wake = services.Time.CreateTimer(_ => _inbox.Writer.TryWrite(new TickJob()), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _loop = Task.Run(RunAsync);
        _pump = Task.Run(PumpOutputsAsync);
    }

    public string Branch => _branch.Id;

    /// <summary>Queues a job; false when the inbox is full or the engine is stopping.</summary>
    public bool TryPost(EngineJob job) => _inbox.Writer.TryWrite(job);

    public async ValueTask DisposeAsync()
    {
        _inbox.Writer.TryComplete();
        await _wake.DisposeAsync().ConfigureAwait(false);
        await _stop.CancelAsync().ConfigureAwait(false);
        _outputs.Writer.TryComplete();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        try
        {
            await _pump.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        while (_inbox.Reader.TryRead(out var left))
        {
            left.Fail(new EngineBusyException(Branch));
        }

        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        StatementCounter.MarkHotPath();
        var jobs = new List<EngineJob>(MaxBatch);
        var stop = _stop.Token;
        while (await _inbox.Reader.WaitToReadAsync(stop).ConfigureAwait(false))
        {
            jobs.Clear();
            while (jobs.Count < MaxBatch && _inbox.Reader.TryRead(out var job))
            {
                jobs.Add(job);
            }

            try
            {
                _state ??= await RestoreAsync(stop).ConfigureAwait(false);
                await RunBatchAsync(_state, jobs, stop).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stop.IsCancellationRequested)
            {
                // Nothing of this batch was acknowledged. The state may hold what was not stored: rebuild it from storage.
                _services.Logger.LogError(ex, "Branch {Branch}: a batch of {Count} commands failed; rebuilding from storage", Branch, jobs.Count);
                foreach (var job in jobs)
                {
                    job.Fail(ex);
                }

                _state = null;
            }
        }
    }

    private async Task<BranchQueueState> RestoreAsync(CancellationToken cancellationToken)
    {
        var restored = await _services.Log.LoadAsync(_branch, _services.Settings, _services.Time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        _dutyRows = new HashSet<string>(restored.DutyRows, StringComparer.Ordinal);
        _counterDay = restored.CounterDay;
        _completeFrom.Clear();
        foreach (var r in restored.State.Known.Values)
        {
            _services.Index.RequestAt(r.Id, Branch);
            if (Sequence(r.Id) is { } seq)
            {
                _completeFrom[r.Device] = _completeFrom.TryGetValue(r.Device, out var from) ? Math.Min(from, seq) : seq;
            }
        }

        foreach (var user in restored.State.Duty.Keys)
        {
            _services.Index.OnDutyAt(user, Branch);
        }

        return restored.State;
    }

    private async Task RunBatchAsync(BranchQueueState state, List<EngineJob> jobs, CancellationToken cancellationToken)
    {
        var now = _services.Time.GetUtcNow();
        var batch = new Batch();
        var ticked = false;
        foreach (var job in jobs)
        {
            switch (job)
            {
                case CommandJob c:
                    await AdoptUnknownAsync(state, c.Command, cancellationToken).ConfigureAwait(false);
                    if (c.DutyRowExists && c.Command is DutyOn on)
                    {
                        _dutyRows.Add(on.Actor.UserName);
                    }

                    var decision = BranchQueue.Handle(state, c.Command, now);
                    batch.Record(decision);
                    if (decision.ResendTicket && (decision.Answer ?? c.Command.RequestId) is { } resend)
                    {
                        batch.ForceTicket.Add(resend);
                    }

                    if (decision.Answer is not null && c.Command is Press pressed)
                    {
                        _services.Metrics.Count("press_while_open", pressed.Device);
                    }

                    batch.Replies.Add((c, decision));
                    break;
                case TickJob t:
                    if (!ticked)
                    {
                        ticked = true;
                        batch.Record(BranchQueue.Handle(state, new Tick(), now));
                        foreach (var forgotten in state.Prune(now - ForgetFinishedAfter))
                        {
                            _services.Index.Forget(forgotten);
                            var device = forgotten[..forgotten.LastIndexOf('-')];
                            if (Sequence(forgotten) is { } gone && _completeFrom.TryGetValue(device, out var from) && from <= gone)
                            {
                                _completeFrom[device] = gone + 1;
                            }
                        }
                    }

                    batch.Done.Add(t.Done);
                    break;
                case ReadJob r:
                    batch.Reads.Add(r);
                    break;
                case ControlJob k:
                    if (k.Settings is { } settings)
                    {
                        _branch = settings;
                        state.SetBranch(settings);
                        batch.Record(BranchQueue.Handle(state, new Tick(), now));
                        batch.Changed = true;
                    }

                    if (k.Staff is { } staff)
                    {
                        var managers = state.Managers.Where(m => m != staff.UserName).ToList();
                        if (staff.Role == HelpPoint.Domain.Staff.StaffRole.Manager && staff.Branches.Contains(Branch))
                        {
                            managers.Add(staff.UserName);
                        }

                        state.SetManagers(managers);
                    }

                    batch.AnnounceAll |= k.AnnounceAll;
                    if (k.Rejected is { } rejected)
                    {
                        batch.Rejected.Add(rejected);
                    }

                    batch.Done.Add(k.Done);
                    break;
            }
        }

        var commit = BuildCommit(state, batch);
        var metrics = _services.Metrics;
        metrics.Observe("engine_batch_jobs", jobs.Count);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        if (!commit.IsEmpty)
        {
            await _services.Log.AppendAsync(commit, cancellationToken).ConfigureAwait(false);
            metrics.Observe("engine_commit_ms", System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        // Durable: answer, then tell the world.
        foreach (var (job, decision) in batch.Replies)
        {
            job.Reply.TrySetResult(ReplyFor(state, job.Command, decision));
        }

        foreach (var read in batch.Reads)
        {
            read.Reply.TrySetResult(read.Read(state));
        }

        // Stored and answered; telling the world happens beside the next batch. Ticks and control jobs complete once their
        // outputs are out, so a test (or a takeover) that waits for them sees the devices told.
        _outputs.Writer.TryWrite(new BatchOutputs(CollectOutputs(state, batch), batch.Done));

        Rewake(state, now);
    }

    /// <summary>An id this engine has never seen may be an old request (a late resend, a cancel after a restart): look it up once.</summary>
    private async Task AdoptUnknownAsync(BranchQueueState state, QueueCommand command, CancellationToken cancellationToken)
    {
        if (command.RequestId is not { } id || state.Find(id) is not null)
        {
            return;
        }

        var press = command as Press;
        var seq = press is null ? null : Sequence(press.Id);
        if (press is not null && seq is { } s && _completeFrom.TryGetValue(press.Device, out var from) && s >= from)
        {
            return;
        }

        if (await _services.Requests.FindAsync(id, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            state.Adopt(stored);
            _services.Index.RequestAt(stored.Id, stored.Branch);
        }
        else if (press is not null && seq is { } first && !_completeFrom.ContainsKey(press.Device))
        {
            // The device's first press this engine sees: from here on every one of its requests passes through it.
            _completeFrom[press.Device] = first;
        }
    }

    private static long? Sequence(string id)
    {
        var dash = id.LastIndexOf('-');
        return dash >= 0 && long.TryParse(id.AsSpan(dash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seq) ? seq : null;
    }

    private EngineCommit BuildCommit(BranchQueueState state, Batch batch)
    {
        var commit = new EngineCommit(Branch);
        foreach (var e in batch.Events)
        {
            if (e.Kind.IsRequestFact())
            {
                commit.Events.Add(new RequestEvent { RequestId = e.RequestId!, Branch = Branch, At = e.At, Kind = e.Kind.ToWire(), Actor = Truncate(e.Actor, 80) });
            }
        }

        foreach (var id in batch.Requests)
        {
            var r = state.Find(id)!;
            if (batch.Created.Contains(id))
            {
                commit.NewRequests.Add(r.Copy());
                _services.Index.RequestAt(id, Branch);
            }
            else
            {
                var expected = r.Version;
                r.Version = expected + 1;
                commit.ChangedRequests.Add((r.Copy(), expected));
            }
        }

        foreach (var (user, ended) in batch.Duty)
        {
            var row = state.Duty.TryGetValue(user, out var shift) ? shift.Copy() : ended!;
            if (_dutyRows.Add(user))
            {
                commit.NewDuty.Add(row);
            }
            else
            {
                commit.ChangedDuty.Add(row);
            }

            if (row.OnDuty)
            {
                _services.Index.OnDutyAt(user, Branch);
            }
            else
            {
                _services.Index.OffDuty(user, Branch);
            }
        }

        if (batch.Created.Count > 0)
        {
            var counter = new TicketCounter { Branch = Branch, Day = state.TicketDay, Last = state.LastTicket };
            if (_counterDay == state.TicketDay)
            {
                commit.ChangedCounter = counter;
            }
            else
            {
                commit.NewCounter = counter;
                _counterDay = state.TicketDay;
            }
        }

        return commit;
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    private static EngineReply ReplyFor(BranchQueueState state, QueueCommand command, Decision decision)
    {
        if (!decision.IsSuccess)
        {
            return new EngineReply(decision.Error, null, null);
        }

        return command switch
        {
            DutyOn on => new EngineReply(null, null, state.Duty.GetValueOrDefault(on.Actor.UserName)?.Copy()),
            DutyOff off => new EngineReply(null, null, decision.Events.FirstOrDefault(e => e.Kind == QueueEventKind.DutyEnded)?.Duty?.Copy()),
            StillHere s => new EngineReply(null, null, state.Duty.GetValueOrDefault(s.UserName)?.Copy()),
            Pause p => new EngineReply(null, null, state.Duty.GetValueOrDefault(p.UserName)?.Copy()),
            Resume r => new EngineReply(null, null, state.Duty.GetValueOrDefault(r.UserName)?.Copy()),
            _ => new EngineReply(null, (decision.Answer ?? command.RequestId) is { } id ? state.Find(id)?.Copy() : null, null),
        };
    }

    /// <summary>
    /// What the world must be told after a batch, worked out from the state now (cheap) and sent by the output pump (I/O),
    /// so the next batch need not wait for the broker or the live views. One pump per engine keeps the order.
    /// </summary>
    private List<Func<IAnnouncer, CancellationToken, ValueTask>> CollectOutputs(BranchQueueState state, Batch batch)
    {
        var outputs = new List<Func<IAnnouncer, CancellationToken, ValueTask>>();
        if (batch.AnnounceAll)
        {
            // After a start or a takeover: live views hear of every open request again, also those a dead owner stored
            // but had not announced yet.
            foreach (var open in state.Open)
            {
                var copy = open.Copy();
                outputs.Add((a, ct) => a.RequestChangedAsync(copy, ct));
            }
        }

        foreach (var id in batch.Visible)
        {
            if (state.Find(id) is { } changed)
            {
                var copy = changed.Copy();
                outputs.Add((a, ct) => a.RequestChangedAsync(copy, ct));
            }
        }

        foreach (var e in batch.Events)
        {
            if (Notice(state, e) is { } notice)
            {
                outputs.Add((a, ct) => a.StaffNoticeAsync(notice, ct));
            }
        }

        foreach (var rejected in batch.Rejected)
        {
            outputs.Add((a, ct) => a.TicketAsync(rejected, ct));
        }

        if (!batch.Changed && !batch.AnnounceAll && batch.ForceTicket.Count == 0)
        {
            return outputs;
        }

        // Each help point shows its latest request; only those whose ticket text changed are sent.
        var forced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in batch.ForceTicket)
        {
            if (state.Find(id) is { } r && forced.Add(r.Device))
            {
                var ticket = BranchQueue.TicketOf(state, r);
                _lastTicket[r.Device] = ticket;
                outputs.Add((a, ct) => a.TicketAsync(ticket, ct));
            }
        }

        if (batch.Changed || batch.AnnounceAll)
        {
            foreach (var ticket in Tickets(state))
            {
                if (forced.Contains(ticket.Device))
                {
                    continue;
                }

                if (batch.AnnounceAll || !_lastTicket.TryGetValue(ticket.Device, out var last) || last != ticket)
                {
                    _lastTicket[ticket.Device] = ticket;
                    outputs.Add((a, ct) => a.TicketAsync(ticket, ct));
                }
            }

            var board = BranchQueue.Board(state);
            if (batch.AnnounceAll || _lastBoard is null || !_lastBoard.SameAs(board))
            {
                _lastBoard = board;
                var branch = Branch;
                outputs.Add((a, ct) => a.BoardAsync(branch, board, ct));
            }
        }

        return outputs;
    }

    /// <summary>Sends each batch's outputs in order; a failed send is logged (the next change or a reconnect repairs it).</summary>
    private async Task PumpOutputsAsync()
    {
        var stop = _stop.Token;
        await foreach (var outputs in _outputs.Reader.ReadAllAsync(stop).ConfigureAwait(false))
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            foreach (var send in outputs.Outputs)
            {
                try
                {
                    await send(_services.Announcer, stop).ConfigureAwait(false);
                }
                catch (Exception ex) when (!stop.IsCancellationRequested)
                {
                    _services.Logger.LogWarning(ex, "Branch {Branch}: announcing a change failed", Branch);
                }
            }

            _services.Metrics.Observe("engine_announce_ms", System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            foreach (var done in outputs.Done)
            {
                done.TrySetResult();
            }
        }
    }

    /// <summary>The ticket of every device's latest request, positions counted in one pass over the queue.</summary>
    private static IEnumerable<DeviceTicket> Tickets(BranchQueueState state)
    {
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        var position = 0;
        foreach (var r in state.Open)
        {
            if (r.State == RequestState.Queued)
            {
                positions[r.Id] = ++position;
            }
        }

        var hosts = state.HostsReachable;
        var handling = state.HandlingS;
        foreach (var latest in state.LatestByDevice.Values)
        {
            yield return latest.State == RequestState.Queued
                ? QueueProjection.TicketFor(latest, positions.TryGetValue(latest.Id, out var p) ? p : null, hosts, handling)
                : QueueProjection.TicketFor(latest, null, 0, 0);
        }
    }

    private static StaffNotice? Notice(BranchQueueState state, QueueEvent e)
    {
        HelpRequest? Request() => e.RequestId is { } id ? state.Find(id)?.Copy() : null;
        IReadOnlyList<string> Desk() => [.. state.Duty.Values.Where(d => d.IsDesk).Select(d => d.UserName)];
        return e.Kind switch
        {
            QueueEventKind.Offered => new StaffNotice(StaffNoticeKinds.Offer, state.Branch.Id, [e.Host!], Request()),
            QueueEventKind.OfferTimeout => new StaffNotice(StaffNoticeKinds.OfferWithdrawn, state.Branch.Id, [e.Host!], Request()),
            QueueEventKind.Accepted when e.WithdrawnFrom is { } other => new StaffNotice(StaffNoticeKinds.OfferWithdrawn, state.Branch.Id, [other], Request()),
            // Everyone reachable has passed on it: it is offered to all of them, the desk and the managers at once, and again,
            // louder, until someone takes it. An empty audience tells nobody (an empty list would mean everyone watching).
            QueueEventKind.Escalated when e.Audience is { Count: > 0 } all => new StaffNotice(StaffNoticeKinds.Escalation, state.Branch.Id, all, Request()),
            QueueEventKind.EscalationRepeated when e.Audience is { Count: > 0 } all => new StaffNotice(StaffNoticeKinds.EscalationRepeat, state.Branch.Id, all, Request()),
            QueueEventKind.Unstaffed => new StaffNotice(StaffNoticeKinds.Unstaffed, state.Branch.Id, Desk(), Request()),
            QueueEventKind.DutyPrompted => new StaffNotice(StaffNoticeKinds.DutyCheck, state.Branch.Id, [e.Host!], null),
            _ => null,
        };
    }

    private void Rewake(BranchQueueState state, DateTimeOffset now)
    {
        if (BranchQueue.NextDeadline(state) is { } next)
        {
            var due = next - now;
            _wake.Change(due < TimeSpan.Zero ? TimeSpan.Zero : due + TimeSpan.FromMilliseconds(1), Timeout.InfiniteTimeSpan);
        }
        else
        {
            _wake.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>One batch's outputs, and what waits for them to be sent.</summary>
    private sealed record BatchOutputs(List<Func<IAnnouncer, CancellationToken, ValueTask>> Outputs, List<TaskCompletionSource> Done);

    /// <summary>What one batch did, gathered for its commit and its announcements.</summary>
    private sealed class Batch
    {
        public List<QueueEvent> Events { get; } = [];

        /// <summary>Requests whose rows changed, in first-touched order.</summary>
        public List<string> Requests { get; } = [];

        public HashSet<string> Created { get; } = new(StringComparer.Ordinal);

        /// <summary>Requests whose change staff live views should see (all but feedback).</summary>
        public List<string> Visible { get; } = [];

        /// <summary>Duty rows that changed; the row itself for a shift that ended (it left the state).</summary>
        public Dictionary<string, HostDuty?> Duty { get; } = new(StringComparer.Ordinal);

        public List<string> ForceTicket { get; } = [];

        public List<DeviceTicket> Rejected { get; } = [];

        public List<(CommandJob Job, Decision Decision)> Replies { get; } = [];

        public List<ReadJob> Reads { get; } = [];

        public List<TaskCompletionSource> Done { get; } = [];

        /// <summary>The queue or duty changed: tickets and the board are compared and sent where different.</summary>
        public bool Changed { get; set; }

        public bool AnnounceAll { get; set; }

        private readonly HashSet<string> _touched = new(StringComparer.Ordinal);
        private readonly HashSet<string> _visible = new(StringComparer.Ordinal);

        public void Record(Decision decision)
        {
            foreach (var e in decision.Events)
            {
                Events.Add(e);
                if (e.Kind.IsRequestFact())
                {
                    var id = e.RequestId!;
                    if (_touched.Add(id))
                    {
                        Requests.Add(id);
                    }

                    if (e.Kind is QueueEventKind.Created or QueueEventKind.Unstaffed)
                    {
                        Created.Add(id);
                    }

                    if (e.Kind != QueueEventKind.Feedback)
                    {
                        Changed = true;
                        if (_visible.Add(id))
                        {
                            Visible.Add(id);
                        }
                    }
                }

                if (e.Kind is QueueEventKind.Accepted or QueueEventKind.Activity or QueueEventKind.DutyStarted or QueueEventKind.DutyPrompted or QueueEventKind.DutyEnded
                    or QueueEventKind.DutyPaused or QueueEventKind.DutyResumed)
                {
                    var user = e.Host!;
                    Duty[user] = e.Kind == QueueEventKind.DutyEnded ? e.Duty : Duty.GetValueOrDefault(user);
                    if (e.Kind is QueueEventKind.DutyStarted or QueueEventKind.DutyEnded or QueueEventKind.DutyPaused or QueueEventKind.DutyResumed)
                    {
                        Changed = true;
                    }
                }
            }
        }
    }
}
