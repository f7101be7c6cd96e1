using HelpPoint.Gateway.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HelpPoint.Gateway.Tests.Stats;

/// <summary>
/// A demo-mode test gateway for statistics: its clock stands at the known day's 16:40 and the routing ticker is off, so seeded open
/// requests stay as seeded (nothing expires them behind the test's back).
/// </summary>
public static class StatsGateway
{
    public static Task<TestGateway> StartAsync(string provider = "sqlite", params string[] extra) =>
        TestGateway.StartOnAsync(provider, services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(KnownDay.AsOf)), ["--Routing:TickMs=0", .. QuietTimers, .. extra]);

    /// <summary>
    /// Periodic jobs on a day's period: a fake clock jumped by a year fires a periodic timer once per elapsed period, and at 30 s that
    /// is a million wake-ups.
    /// </summary>
    public static readonly string[] QuietTimers = ["--Fleet:CheckEvery=1.00:00:00", "--Summary:CheckEvery=1.00:00:00"];

    /// <summary>The gateway's fake clock.</summary>
    public static FakeTimeProvider Clock(this TestGateway gw) => (FakeTimeProvider)gw.Get<TimeProvider>();
}
