using HelpPoint.Domain.Routing;

namespace HelpPoint.Gateway.Routing;

/// <summary>Drives <see cref="RoutingClock"/>: offers lapse, requests expire, idle hosts are asked, roster shifts start and end.</summary>
public sealed class RoutingTicker(RoutingClock clock, IConfiguration configuration, TimeProvider time, ILogger<RoutingTicker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var intervalMs = configuration.GetValue("Routing:TickMs", 1000);
        if (intervalMs <= 0)
        {
            logger.LogInformation("Routing ticker disabled (Routing:TickMs={Interval})", intervalMs);
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(intervalMs), time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await clock.TickAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed tick (database busy, say) is retried on the next one; state lives in the database.
                logger.LogError(ex, "Routing tick failed");
            }
        }
    }
}
