using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HelpPoint.Gateway.Storage;

/// <summary>
/// Counts the SQL statements and commits the gateway sends, by kind (select, insert, update, delete, other). Cheap enough to
/// stay on in production; the statement-count tests and <c>/metrics</c> read it.
/// </summary>
public sealed class StatementCounter : DbCommandInterceptor, IDbTransactionInterceptor
{
    private long _select;
    private long _insert;
    private long _update;
    private long _delete;
    private long _other;
    private long _commits;

    /// <summary>Statements and commits so far.</summary>
    public StatementCounts Snapshot() => new(
        Interlocked.Read(ref _select), Interlocked.Read(ref _insert), Interlocked.Read(ref _update),
        Interlocked.Read(ref _delete), Interlocked.Read(ref _other), Interlocked.Read(ref _commits));

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

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Interlocked.Increment(ref _commits);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _commits);
        return Task.CompletedTask;
    }

    /// <summary>Counts each statement of a command (EF may batch several in one) by its first word.</summary>
    private void Count(DbCommand command)
    {
        foreach (var statement in command.CommandText.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var word = statement.AsSpan();
            var end = word.IndexOfAny(' ', '\n', '\r');
            word = end < 0 ? word : word[..end];
            if (word.Equals("SELECT", StringComparison.OrdinalIgnoreCase) || word.Equals("WITH", StringComparison.OrdinalIgnoreCase))
            {
                Interlocked.Increment(ref _select);
            }
            else if (word.Equals("INSERT", StringComparison.OrdinalIgnoreCase))
            {
                Interlocked.Increment(ref _insert);
            }
            else if (word.Equals("UPDATE", StringComparison.OrdinalIgnoreCase))
            {
                Interlocked.Increment(ref _update);
            }
            else if (word.Equals("DELETE", StringComparison.OrdinalIgnoreCase))
            {
                Interlocked.Increment(ref _delete);
            }
            else
            {
                Interlocked.Increment(ref _other);
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
