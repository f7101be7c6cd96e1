using HelpPoint.Gateway.Tests.Support;

namespace HelpPoint.Gateway.Tests;

/// <summary>Run-wide set-up and tear-down.</summary>
[TestClass]
public static class AssemblyHooks
{
    [AssemblyCleanup]
    public static async Task CloseBrowserAsync() => await Chromium.CloseAsync();
}
