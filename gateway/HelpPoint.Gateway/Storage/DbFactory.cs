using HelpPoint.Gateway.Storage.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HelpPoint.Gateway.Storage;

/// <summary>Creates short-lived database contexts for the configured provider, and serialises writers where the engine needs it.</summary>
public sealed class DbFactory
{
    private readonly Func<HelpPointDb> _create;
    private readonly SemaphoreSlim? _writeGate;

    public DbFactory(IOptions<StorageOptions> options)
    {
        var o = options.Value;
        Options = o;
        switch (o.Provider.ToLowerInvariant())
        {
            case "sqlite":
                Directory.CreateDirectory(Path.GetDirectoryName(o.SqliteFile)!);
                var sqlite = new DbContextOptionsBuilder<SqliteHelpPointDb>()
                    .UseSqlite($"Data Source={o.SqliteFile};Pooling=True")
                    .AddInterceptors(new SqlitePragmaInterceptor(o.SqliteSynchronous))
                    .Options;
                _create = () => new SqliteHelpPointDb(sqlite);

                // SQLite has one writer at a time; queueing writers here is fairer and faster than letting them spin on SQLITE_BUSY.
                _writeGate = new SemaphoreSlim(1, 1);
                break;
            case "postgres":
                if (string.IsNullOrWhiteSpace(o.ConnectionString))
                {
                    throw new InvalidOperationException("Data:Provider=postgres needs Data:ConnectionString (e.g. Host=127.0.0.1;Database=helppoint;Username=helppoint;Password=…)");
                }

                var postgres = new DbContextOptionsBuilder<Postgres.PostgresHelpPointDb>().UseNpgsql(o.ConnectionString).Options;
                _create = () => new Postgres.PostgresHelpPointDb(postgres);
                break;
            default:
                throw new InvalidOperationException($"Data:Provider '{o.Provider}' is not supported (use 'sqlite' or 'postgres')");
        }
    }

    public StorageOptions Options { get; }

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

    /// <summary>True when the database answers a trivial query.</summary>
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var db = Create();
            return await db.Database.CanConnectAsync(cancellationToken).ConfigureAwait(false)
                && await db.Staff.AsNoTracking().Take(1).CountAsync(cancellationToken).ConfigureAwait(false) >= 0;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
