using HelpPoint.Gateway.Tests.Support;

namespace HelpPoint.Gateway.Tests;

/// <summary>Run-wide set-up and tear-down.</summary>
[TestClass]
public static class AssemblyHooks
{
    [AssemblyCleanup]
    public static async Task CleanUpAsync()
    {
        await Chromium.CloseAsync();

        // Nothing a test started outlives the run.
        await PostgresServer.StopAsync();
    }
}
