using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Stats;
using Microsoft.Extensions.Options;

namespace HelpPoint.Gateway.Stats;

/// <summary>
/// Retention: deletes raw requests (and their events) of days older than <see cref="StatsOptions.RetentionDays"/> after folding each
/// such day into its kept aggregate, so the figures of old days still answer. Runs a minute after start, then every
/// <see cref="StatsOptions.RetentionEvery"/>, on the injected clock.
/// </summary>
public sealed class RetentionJob(StatsService stats, IBranchStore branches, IOptions<StatsOptions> options, TimeProvider time, ILogger<RetentionJob> logger)
    : BackgroundService
{
    public static readonly TimeSpan FirstRunAfter = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.RetentionDays <= 0)
        {
            logger.LogInformation("Retention is off (Stats:RetentionDays={Days}): raw requests are kept for ever", options.Value.RetentionDays);
            return;
        }

        await Task.Delay(FirstRunAfter, time, stoppingToken).ConfigureAwait(false);
        using var timer = new PeriodicTimer(options.Value.RetentionEvery, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Retention run failed; trying again in {Interval}", options.Value.RetentionEvery);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>Folds and deletes every day of every branch older than the retention period (in the branch's own local days).</summary>
    public async Task<FoldResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        var days = options.Value.RetentionDays;
        if (days <= 0)
        {
            return new FoldResult(0, 0);
        }

        var now = time.GetUtcNow();
        var total = new FoldResult(0, 0);
        foreach (var branch in await branches.AllAsync(cancellationToken).ConfigureAwait(false))
        {
            var keepFrom = LocalDays.DayOf(now, branch.TimeZone).AddDays(-days);
            var result = await stats.FoldBeforeAsync(branch, keepFrom, cancellationToken).ConfigureAwait(false);
            if (result.Days > 0)
            {
                logger.LogInformation("Retention at {Branch}: {Days} day(s) before {KeepFrom} folded into daily aggregates, {Requests} raw request(s) deleted",
                    branch.Id, result.Days, keepFrom, result.Requests);
            }

            total = new FoldResult(total.Days + result.Days, total.Requests + result.Requests);
        }

        return total;
    }
}
