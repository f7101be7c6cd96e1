using HelpPoint.Gateway.Duty;

namespace HelpPoint.Gateway.Routing;

/// <summary>
/// Drives the roster (<see cref="RosterClock"/>) every <c>Routing:TickMs</c>. Offers, expiry and duty checks need no ticker:
/// each branch engine wakes itself at its next deadline.
/// </summary>
public sealed class RoutingTicker(RosterClock roster, IConfiguration configuration, TimeProvider time, ILogger<RoutingTicker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var intervalMs = configuration.GetValue("Routing:TickMs", 1000);
        if (intervalMs <= 0)
        {
            logger.LogInformation("Roster ticker disabled (Routing:TickMs={Interval})", intervalMs);
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(intervalMs), time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await roster.TickAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Roster tick failed");
            }
        }
    }
}
