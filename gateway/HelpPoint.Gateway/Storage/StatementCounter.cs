using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HelpPoint.Gateway.Storage;

/// <summary>
/// Counts the SQL statements and commits the gateway sends, by kind (select, insert, update, delete, other). Cheap enough to
/// stay on in production; the statement-count tests and <c>/metrics</c> read it.
/// </summary>
public sealed class StatementCounter : DbCommandInterceptor, IDbTransactionInterceptor
{
    private static readonly AsyncLocal<bool> OnHotPath = new();
    private readonly Counts _all = new();
    private readonly Counts _hot = new();

    /// <summary>
    /// Marks the calling flow (and what it awaits) as the hot path: MQTT ingest, the branch engines and their event log.
    /// Statements sent there are also counted apart, so tests can pin that a press reads nothing.
    /// </summary>
    public static void MarkHotPath() => OnHotPath.Value = true;

    /// <summary>Counts a command sent without EF (the event log's bulk writes).</summary>
    public void CountRaw(DbCommand command) => Count(command);

    /// <summary>Statements and commits so far, everywhere.</summary>
    public StatementCounts Snapshot() => _all.Snapshot();

    /// <summary>Statements and commits so far on the hot path.</summary>
    public StatementCounts HotPath() => _hot.Snapshot();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => CountCommit();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        CountCommit();
        return Task.CompletedTask;
    }

    private void CountCommit()
    {
        Interlocked.Increment(ref _all.Commits);
        if (OnHotPath.Value)
        {
            Interlocked.Increment(ref _hot.Commits);
        }
    }

    /// <summary>Counts each statement of a command (EF may batch several in one) by its first word.</summary>
    private void Count(DbCommand command)
    {
        _all.Add(command);
        if (OnHotPath.Value)
        {
            _hot.Add(command);
        }
    }

    private sealed class Counts
    {
        public long Select;
        public long Insert;
        public long Update;
        public long Delete;
        public long Other;
        public long Commits;

        public StatementCounts Snapshot() => new(
            Interlocked.Read(ref Select), Interlocked.Read(ref Insert), Interlocked.Read(ref Update),
            Interlocked.Read(ref Delete), Interlocked.Read(ref Other), Interlocked.Read(ref Commits));

        public void Add(DbCommand command)
        {
            foreach (var statement in command.CommandText.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var word = statement.AsSpan();
                var end = word.IndexOfAny(' ', '\n', '\r');
                word = end < 0 ? word : word[..end];
                if (word.Equals("SELECT", StringComparison.OrdinalIgnoreCase) || word.Equals("WITH", StringComparison.OrdinalIgnoreCase))
                {
                    Interlocked.Increment(ref Select);
                }
                else if (word.Equals("INSERT", StringComparison.OrdinalIgnoreCase))
                {
                    Interlocked.Increment(ref Insert);
                }
                else if (word.Equals("UPDATE", StringComparison.OrdinalIgnoreCase))
                {
                    Interlocked.Increment(ref Update);
                }
                else if (word.Equals("DELETE", StringComparison.OrdinalIgnoreCase))
                {
                    Interlocked.Increment(ref Delete);
                }
                else
                {
                    Interlocked.Increment(ref Other);
                }
            }
        }
    }
}

/// <summary>How many statements of each kind, and commits, the gateway has sent.</summary>
public sealed record StatementCounts(long Select, long Insert, long Update, long Delete, long Other, long Commits)
{
    public static StatementCounts operator -(StatementCounts a, StatementCounts b) =>
        new(a.Select - b.Select, a.Insert - b.Insert, a.Update - b.Update, a.Delete - b.Delete, a.Other - b.Other, a.Commits - b.Commits);
}
