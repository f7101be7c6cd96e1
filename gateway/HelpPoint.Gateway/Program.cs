using HelpPoint.Gateway;
using HelpPoint.Gateway.Admin;

// "users …" and "branches …" administer the data directory, "mosquitto …" an external broker's files; both exit.
// Anything else runs the server.
if (MosquittoCli.IsCommand(args))
{
    return await MosquittoCli.RunAsync(args, Console.In, Console.Out, Console.Error);
}

if (AdminCli.IsCommand(args))
{
    return await AdminCli.RunAsync(args, Console.In, Console.Out, Console.Error);
}

// SQLite's asynchronous calls complete synchronously underneath, so every database call holds a pool thread while it runs;
// a burst of presses must not wait for the thread pool to grow one thread at a time.
ThreadPool.GetMinThreads(out var workers, out var completion);
ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(completion, 64));
await using var app = GatewayHost.Build(args);
var startup = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("HelpPoint.Startup");
var storage = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HelpPoint.Gateway.Storage.StorageOptions>>().Value;
if (string.Equals(storage.Provider, "sqlite", StringComparison.OrdinalIgnoreCase) && HelpPoint.Gateway.Storage.Sqlite.SqliteFileCheck.Problem(storage) is { } problem)
{
    // Refused before anything opens the file: one sentence, no stack trace, and a non-zero exit for systemd and scripts.
    startup.LogCritical("Not starting: {Problem}", problem);
    return 1;
}

try
{
    await app.RunAsync();
}
catch (Microsoft.Data.Sqlite.SqliteException e) when (e.SqliteErrorCode is 11 or 26)
{
    // SQLITE_CORRUPT or SQLITE_NOTADB found past the start-up check.
    startup.LogCritical("Stopped: the database file {File} is damaged ({Message}). Restore it from your latest backup; see docs/operations.md, \"Backup and restore\".", storage.SqliteFile, e.Message);
    return 1;
}

return 0;

/// <summary>Entry point; the application is assembled in <see cref="GatewayHost"/>.</summary>
public partial class Program;
