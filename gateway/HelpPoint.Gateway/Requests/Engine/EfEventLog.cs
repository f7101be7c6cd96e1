using System.Threading.Channels;
using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Duty;
using HelpPoint.Domain.Queue;
using HelpPoint.Domain.Requests;
using HelpPoint.Domain.Routing;
using HelpPoint.Domain.Staff;
using HelpPoint.Gateway.Storage;
using Microsoft.EntityFrameworkCore;

namespace HelpPoint.Gateway.Requests.Engine;

/// <summary>
/// The event log and its projections in the database. Appends are group-committed: one writer takes every batch waiting at
/// that moment, from every branch, into one transaction and one fsync, and each caller continues only after that commit.
/// A failed transaction fails every batch in it; their engines rebuild from what was stored.
/// </summary>
public sealed class EfEventLog : IEventLog, IAsyncDisposable
{
    private const int MaxCommitsPerTransaction = 512;
    private readonly DbFactory _factory;
    private readonly Mqtt.GatewayMetrics _metrics;
    private readonly ILogger<EfEventLog> _logger;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public EfEventLog(DbFactory factory, Mqtt.GatewayMetrics metrics, ILogger<EfEventLog> logger)
    {
        _factory = factory;
        _metrics = metrics;
        _logger = logger;
        _writer = Task.Run(WriteLoopAsync);
    }

    public async Task AppendAsync(EngineCommit commit, CancellationToken cancellationToken = default)
    {
        var pending = new Pending(commit);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("the event log is closed");
        }

        await pending.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<RestoredBranch> LoadAsync(Branch branch, RoutingSettings settings, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var day = branch.LocalDayOf(now);
        var since = now - settings.HandlingWindow;
        return await _factory.ReadAsync(async db =>
        {
            var open = await db.Requests.AsNoTracking()
                .Where(r => r.Branch == branch.Id && (r.State == RequestState.Queued || r.State == RequestState.Assigned))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var today = await db.Requests.AsNoTracking()
                .Where(r => r.Branch == branch.Id && r.LocalDay == day && r.State != RequestState.Queued && r.State != RequestState.Assigned)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var duty = await db.Duty.AsNoTracking().Where(d => d.Branch == branch.Id && d.OnDuty).ToListAsync(cancellationToken).ConfigureAwait(false);
            var counter = await db.TicketCounters.AsNoTracking().FirstOrDefaultAsync(c => c.Branch == branch.Id && c.Day == day, cancellationToken).ConfigureAwait(false);
            var handled = await db.Requests.AsNoTracking()
                .Where(r => r.Branch == branch.Id && r.State == RequestState.Done && r.FinishedAt >= since && r.AssignedAt != null)
                .OrderByDescending(r => r.FinishedAt)
                .Take(settings.HandlingHistory)
                .Select(r => new { r.Id, r.AssignedAt, r.FinishedAt })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var state = BranchQueueState.Restore(
                branch, settings, [.. open, .. today], duty, day, counter?.Last ?? 0,
                handled.Select(h => (h.Id, (h.FinishedAt!.Value - h.AssignedAt!.Value).TotalSeconds)));

            // The branch's own managers are told of escalations; a manager of every branch (no branches listed) is not.
            var managers = await db.Staff.AsNoTracking().Where(u => u.Role == StaffRole.Manager)
                .Select(u => new { u.UserName, u.Branches })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            state.SetManagers(managers.Where(m => m.Branches.Contains(branch.Id)).Select(m => m.UserName));
            return new RestoredBranch(state, duty.Select(d => d.UserName).ToHashSet(StringComparer.Ordinal), counter is null ? null : day);
        }).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    private async Task WriteLoopAsync()
    {
        StatementCounter.MarkHotPath();
        var batch = new List<Pending>(MaxCommitsPerTransaction);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxCommitsPerTransaction && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
                _metrics.Observe("event_log_queued_ms", System.Diagnostics.Stopwatch.GetElapsedTime(pending.Enqueued).TotalMilliseconds);
            }

            try
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                await _factory.WriteAsync(db => WriteAsync(db, batch), CancellationToken.None).ConfigureAwait(false);
                _metrics.Observe("event_log_transaction_ms", System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                _metrics.Observe("event_log_batches_per_transaction", batch.Count);
                foreach (var p in batch)
                {
                    p.Done.TrySetResult();
                }
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Event log: a transaction of {Count} batches failed; their branches rebuild from storage", batch.Count);
                foreach (var p in batch)
                {
                    p.Done.TrySetException(ex);
                }
            }
        }
    }

    private async Task<int> WriteAsync(HelpPointDb db, List<Pending> batch)
    {
        await using var tx = await db.Database.BeginTransactionAsync().ConfigureAwait(false);
        var rows = new RowWriter(db, _factory.Statements);
        var commits = batch.Select(p => p.Commit).ToList();

        // A host moving between branches touches one duty row from two engines; the later write wins.
        var newDuty = new Dictionary<string, HostDuty>(StringComparer.Ordinal);
        var changedDuty = new Dictionary<string, HostDuty>(StringComparer.Ordinal);
        foreach (var c in commits)
        {
            foreach (var d in c.NewDuty)
            {
                newDuty[d.UserName] = d;
                changedDuty.Remove(d.UserName);
            }

            foreach (var d in c.ChangedDuty)
            {
                if (newDuty.ContainsKey(d.UserName))
                {
                    newDuty[d.UserName] = d;
                }
                else
                {
                    changedDuty[d.UserName] = d;
                }
            }
        }

        await rows.InsertAsync(commits.SelectMany(c => c.NewRequests).ToList()).ConfigureAwait(false);
        var changed = commits.SelectMany(c => c.ChangedRequests).ToList();
        await rows.UpdateAsync(changed.Select(c => c.Row).ToList(), nameof(HelpRequest.Version), changed.Select(c => (object)c.ExpectedVersion).ToList()).ConfigureAwait(false);
        await rows.InsertAsync(newDuty.Values.ToList()).ConfigureAwait(false);
        await rows.UpdateAsync(changedDuty.Values.ToList()).ConfigureAwait(false);
        await rows.InsertAsync(commits.Where(c => c.NewCounter is not null).Select(c => c.NewCounter!).ToList()).ConfigureAwait(false);
        await rows.UpdateAsync(commits.Where(c => c.ChangedCounter is not null).Select(c => c.ChangedCounter!).ToList()).ConfigureAwait(false);
        var events = commits.SelectMany(c => c.Events).ToList();
        await rows.InsertAsync(events).ConfigureAwait(false);
        await tx.CommitAsync().ConfigureAwait(false);
        return events.Count;
    }

    private sealed class Pending(EngineCommit commit)
    {
        public EngineCommit Commit { get; } = commit;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public long Enqueued { get; } = System.Diagnostics.Stopwatch.GetTimestamp();
    }
}
