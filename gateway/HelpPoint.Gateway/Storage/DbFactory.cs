using System.Threading.Channels;
using HelpPoint.Gateway.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;

namespace HelpPoint.Gateway.Storage;

/// <summary>Creates short-lived database contexts for the configured provider, and serialises writers where the engine needs it.</summary>
public sealed class DbFactory
{
    private const int MaxBatch = 64;
    private readonly Func<HelpPointDb> _create;
    private readonly SemaphoreSlim? _writeGate;
    private readonly string? _sqliteConnectionString;
    private readonly SqlitePragmaInterceptor? _sqlitePragmas;
    private readonly Func<HelpPointDb>? _createUnpooled;
    private readonly Channel<IBatchJob>? _batch;

    public DbFactory(IOptions<StorageOptions> options)
    {
        var o = options.Value;
        Options = o;
        switch (o.Provider.ToLowerInvariant())
        {
            case "sqlite":
                Directory.CreateDirectory(Path.GetDirectoryName(o.SqliteFile)!);
                // A writer waits at most 5 s for a lock held by someone else, then fails (and the device sends again later).
                _sqliteConnectionString = $"Data Source={o.SqliteFile};Pooling=True;Default Timeout=5";
                var pragmas = new SqlitePragmaInterceptor(o.SqliteSynchronous);
                _sqlitePragmas = pragmas;
                var sqlite = new DbContextOptionsBuilder<SqliteHelpPointDb>()
                    .UseSqlite(_sqliteConnectionString)
                    .AddInterceptors(pragmas, Statements)
                    .Options;

                // Contexts are pooled: building one from scratch (its service scope and connection objects) cost more CPU than
                // the small queries run on it. The group commit below sets its own connection on a context, which a pooled
                // context must not keep, so it uses fresh ones.
                var sqlitePool = new PooledDbContextFactory<SqliteHelpPointDb>(sqlite);
                _create = sqlitePool.CreateDbContext;
                _createUnpooled = () => new SqliteHelpPointDb(sqlite);

                // SQLite has one writer at a time; queueing writers here is fairer and faster than letting them spin on SQLITE_BUSY.
                _writeGate = new SemaphoreSlim(1, 1);

                // Hot-path writes are group-committed: one transaction and one fsync for every write waiting at that moment.
                _batch = Channel.CreateUnbounded<IBatchJob>(new UnboundedChannelOptions { SingleReader = true });
                _ = Task.Run(BatchLoopAsync);
                break;
            case "postgres":
                if (string.IsNullOrWhiteSpace(o.ConnectionString))
                {
                    throw new InvalidOperationException("Data:Provider=postgres needs Data:ConnectionString (e.g. Host=127.0.0.1;Database=helppoint;Username=helppoint;Password=…)");
                }

                var postgres = new DbContextOptionsBuilder<Postgres.PostgresHelpPointDb>().UseNpgsql(o.ConnectionString).AddInterceptors(Statements).Options;
                _create = new PooledDbContextFactory<Postgres.PostgresHelpPointDb>(postgres).CreateDbContext;
                break;
            default:
                throw new InvalidOperationException($"Data:Provider '{o.Provider}' is not supported (use 'sqlite' or 'postgres')");
        }
    }

    public StorageOptions Options { get; }

    /// <summary>Every statement and commit sent through this factory's contexts.</summary>
    public StatementCounter Statements { get; } = new();

    public HelpPointDb Create() => _create();

    /// <summary>Runs a write; on SQLite one at a time in this process.</summary>
    public async Task<T> WriteAsync<T>(Func<HelpPointDb, Task<T>> write, CancellationToken cancellationToken)
    {
        if (_writeGate is not null)
        {
            await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await using var db = Create();
            return await write(db).ConfigureAwait(false);
        }
        finally
        {
            _writeGate?.Release();
        }
    }

    /// <summary>
    /// Runs a small write atomically (it must not begin a transaction of its own). On SQLite the writes waiting at the same
    /// moment share one transaction — each inside its own savepoint, so one failing does not undo the others — and every
    /// caller continues only after the common commit, so nothing is acknowledged before it is durable.
    /// </summary>
    public async Task<T> WriteBatchedAsync<T>(Func<HelpPointDb, Task<T>> write, CancellationToken cancellationToken)
    {
        if (_batch is null)
        {
            await using var db = Create();
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var result = await write(db).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }

        var job = new BatchJob<T>(write);
        await _batch.Writer.WriteAsync(job, cancellationToken).ConfigureAwait(false);
        return await job.Task.ConfigureAwait(false);
    }

    private async Task BatchLoopAsync()
    {
        var jobs = new List<IBatchJob>(MaxBatch);
        while (await _batch!.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            jobs.Clear();
            while (jobs.Count < MaxBatch && _batch.Reader.TryRead(out var job))
            {
                jobs.Add(job);
            }

            await _writeGate!.WaitAsync().ConfigureAwait(false);
            try
            {
                await RunBatchAsync(jobs).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                foreach (var job in jobs)
                {
                    job.Fail(ex);
                }
            }
            finally
            {
                _writeGate.Release();
            }
        }
    }

    private async Task RunBatchAsync(List<IBatchJob> jobs)
    {
        await using var connection = new SqliteConnection(_sqliteConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await _sqlitePragmas!.ApplyAsync(connection, CancellationToken.None).ConfigureAwait(false);

        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync().ConfigureAwait(false);
        var done = new bool[jobs.Count];
        for (var i = 0; i < jobs.Count; i++)
        {
            await tx.SaveAsync("job").ConfigureAwait(false);
            try
            {
                await using var db = _createUnpooled!();
                db.Database.SetDbConnection(connection);
                await db.Database.UseTransactionAsync(tx).ConfigureAwait(false);
                await jobs[i].RunAsync(db).ConfigureAwait(false);
                await tx.ReleaseAsync("job").ConfigureAwait(false);
                done[i] = true;
            }
            catch (Exception ex)
            {
                await tx.RollbackAsync("job").ConfigureAwait(false);
                await tx.ReleaseAsync("job").ConfigureAwait(false);
                jobs[i].Fail(ex);
            }
        }

        await tx.CommitAsync().ConfigureAwait(false);
        for (var i = 0; i < jobs.Count; i++)
        {
            if (done[i])
            {
                jobs[i].Complete();
            }
        }
    }

    private interface IBatchJob
    {
        Task RunAsync(HelpPointDb db);

        void Complete();

        void Fail(Exception exception);
    }

    private sealed class BatchJob<T>(Func<HelpPointDb, Task<T>> write) : IBatchJob
    {
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Task => _done.Task;

        public async Task RunAsync(HelpPointDb db) => _result = await write(db).ConfigureAwait(false);

        public void Complete() => _done.TrySetResult(_result!);

        public void Fail(Exception exception) => _done.TrySetException(exception);
    }

    private long? FreeBytes()
    {
        try
        {
            return new DriveInfo(Path.GetDirectoryName(Options.SqliteFile)!).AvailableFreeSpace;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Runs a read on its own context.</summary>
    public async Task<T> ReadAsync<T>(Func<HelpPointDb, Task<T>> read)
    {
        await using var db = Create();
        return await read(db).ConfigureAwait(false);
    }

    /// <summary>Brings the schema up to date (migrations) and turns on SQLite's write-ahead log.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = Create();
        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// True when the database takes a write now. On SQLite that is a real, tiny commit (the header's user_version), so a
    /// locked or full database file shows as not ready; on PostgreSQL a query in a read-write transaction.
    /// </summary>
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken) => (await CheckAsync(cancellationToken).ConfigureAwait(false)) is null;

    /// <summary>Null when the database takes writes now; otherwise why not (for /healthz and the logs).</summary>
    public async Task<string?> CheckAsync(CancellationToken cancellationToken)
    {
        if (_writeGate is not null && FreeBytes() is { } free && free < Options.MinFreeBytes)
        {
            return $"disk almost full: {free / 1024} KiB free in the data directory";
        }

        var gateTaken = false;
        try
        {
            if (_writeGate is not null)
            {
                gateTaken = await _writeGate.WaitAsync(TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
                if (!gateTaken)
                {
                    return "database busy: writes are waiting";
                }
            }

            await using var db = Create();
            db.Database.SetCommandTimeout(1);
            if (db.Database.IsSqlite())
            {
                await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await db.Database.ExecuteSqlRawAsync("PRAGMA busy_timeout=1000;", cancellationToken).ConfigureAwait(false);
                var version = await db.Database.SqlQueryRaw<long>("SELECT user_version AS \"Value\" FROM pragma_user_version").ToListAsync(cancellationToken).ConfigureAwait(false);
                var next = (version.FirstOrDefault() + 1) % 1_000_000;
                // PRAGMA takes no parameters; the value is a number computed here.
                var sql = "PRAGMA user_version = " + next.ToString(System.Globalization.CultureInfo.InvariantCulture) + ";";
                await db.Database.ExecuteSqlRawAsync(sql, cancellationToken).ConfigureAwait(false);
                return null;
            }

            await db.Staff.AsNoTracking().Take(1).CountAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return "database not writable: " + ex.GetBaseException().Message;
        }
        finally
        {
            if (gateTaken)
            {
                _writeGate!.Release();
            }
        }
    }
}
