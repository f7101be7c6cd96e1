using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HelpPoint.Gateway.Storage.Sqlite;

/// <summary>
/// Sets the per-connection SQLite settings: durability level and how long to wait for a lock. They belong to the native
/// connection, which the connection pool keeps open across many "opens", so they run once per native connection, not per query.
/// </summary>
internal sealed class SqlitePragmaInterceptor(string synchronous) : DbConnectionInterceptor
{
    private static readonly ConditionalWeakTable<object, object> Applied = [];
    // Checkpoints run in the background (SqliteCheckpointer), never inside a commit that a device is waiting for.
    private readonly string _sql = $"PRAGMA synchronous={Validate(synchronous)}; PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON; PRAGMA wal_autocheckpoint=0;";

    /// <summary>The statements run on every new connection.</summary>
    public string Sql => _sql;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        ApplyAsync(connection, CancellationToken.None).GetAwaiter().GetResult();

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default) =>
        ApplyAsync(connection, cancellationToken);

    /// <summary>Runs the settings on <paramref name="connection"/> unless its native connection has them already.</summary>
    public async Task ApplyAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var native = (connection as SqliteConnection)?.Handle;
        if (native is not null && Applied.TryGetValue(native, out _))
        {
            return;
        }

        await using (var command = connection.CreateCommand())
        {
            command.CommandText = _sql;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (native is not null)
        {
            Applied.AddOrUpdate(native, native);
        }
    }

    private static string Validate(string value) => value.ToUpperInvariant() switch
    {
        "FULL" or "NORMAL" or "EXTRA" => value.ToUpperInvariant(),
        _ => throw new InvalidOperationException($"Data:SqliteSynchronous must be FULL, NORMAL or EXTRA, not '{value}'"),
    };
}
