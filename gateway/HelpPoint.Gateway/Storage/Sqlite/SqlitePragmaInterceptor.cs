using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HelpPoint.Gateway.Storage.Sqlite;

/// <summary>Sets the per-connection SQLite settings: durability level and how long to wait for a lock.</summary>
internal sealed class SqlitePragmaInterceptor(string synchronous) : DbConnectionInterceptor
{
    private readonly string _sql = $"PRAGMA synchronous={Validate(synchronous)}; PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;";

    /// <summary>The statements run on every new connection.</summary>
    public string Sql => _sql;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _sql;
        command.ExecuteNonQuery();
    }

    private static string Validate(string value) => value.ToUpperInvariant() switch
    {
        "FULL" or "NORMAL" or "EXTRA" => value.ToUpperInvariant(),
        _ => throw new InvalidOperationException($"Data:SqliteSynchronous must be FULL, NORMAL or EXTRA, not '{value}'"),
    };
}
