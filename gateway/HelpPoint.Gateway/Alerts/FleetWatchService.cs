using HelpPoint.Domain.Fleet;
using Microsoft.Extensions.Options;

namespace HelpPoint.Gateway.Alerts;

/// <summary>Runs the <see cref="FleetWatch"/> every <see cref="FleetWatchOptions.CheckEvery"/> (on the injected clock, so tests can move time).</summary>
public sealed class FleetWatchService(FleetWatch watch, IOptions<FleetWatchOptions> options, TimeProvider time, ILogger<FleetWatchService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckEvery, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await watch.CheckAsync(options.Value, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Fleet check failed; trying again in {Interval}", options.Value.CheckEvery);
            }
        }
    }
}
