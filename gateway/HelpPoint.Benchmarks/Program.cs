using HelpPoint.Benchmarks.Scenarios;

// dotnet run -c Release --project gateway/HelpPoint.Benchmarks -- <scenario> [options]    (list: every scenario)
IScenario[] scenarios =
[
    new StatsDailyScenario(),
    new SystemLoadScenario(),
];

if (args.Length == 0 || args[0] is "list" or "--help" or "-h")
{
    Console.WriteLine("usage: dotnet run -c Release --project gateway/HelpPoint.Benchmarks -- <scenario> [--option value] [--Gateway:Setting=value]");
    foreach (var s in scenarios)
    {
        Console.WriteLine($"  {s.Name,-16} {s.Description}");
    }

    return args.Length == 0 ? 1 : 0;
}

var scenario = scenarios.FirstOrDefault(s => s.Name == args[0]);
if (scenario is null)
{
    Console.Error.WriteLine($"unknown scenario '{args[0]}'; try 'list'");
    return 1;
}

#if DEBUG
Console.WriteLine("warning: a Debug build; numbers for docs/performance.md come from -c Release");
#endif

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
try
{
    return await scenario.RunAsync(new ScenarioArgs(args.Skip(1)), Console.Out, cancel.Token) ? 0 : 2;
}
finally
{
    // A PostgreSQL server started for the run does not outlive it.
    await HelpPoint.Gateway.Tests.Support.PostgresServer.StopAsync();
}
