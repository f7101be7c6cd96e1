using Microsoft.Data.Sqlite;

namespace HelpPoint.Gateway.Storage.Sqlite;

/// <summary>
/// Moves SQLite's write-ahead log into the database file in the background. Left to SQLite, the checkpoint runs inside
/// whichever commit crosses the log's size limit, and with <c>synchronous=FULL</c> that commit (and every press waiting on
/// it) stalls for the checkpoint's fsyncs. A passive checkpoint never blocks writers; it runs only after something was written.
/// </summary>
public sealed class SqliteCheckpointer(DbFactory factory, TimeProvider time, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!string.Equals(factory.Options.Provider, "sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var written = factory.Statements.Snapshot().Commits;
        using var timer = new PeriodicTimer(Every, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            var now = factory.Statements.Snapshot().Commits;
            if (now == written)
            {
                continue;
            }

            written = now;
            try
            {
                await using var connection = new SqliteConnection($"Data Source={factory.Options.SqliteFile};Pooling=False;Default Timeout=5");
                await connection.OpenAsync(stoppingToken).ConfigureAwait(false);
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                await command.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Background checkpoint failed ({Message}); the next one tries again", ex.Message);
            }
        }
    }
}
