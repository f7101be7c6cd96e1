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
await GatewayHost.Build(args).RunAsync();
return 0;

/// <summary>Entry point; the application is assembled in <see cref="GatewayHost"/>.</summary>
public partial class Program;
