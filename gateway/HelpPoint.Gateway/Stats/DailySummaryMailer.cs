using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Common;
using HelpPoint.Domain.Stats;
using HelpPoint.Gateway.Mail;
using HelpPoint.Gateway.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HelpPoint.Gateway.Stats;

/// <summary>
/// Sends each branch's managers the previous day's summary once a day, after <see cref="SummaryOptions.SendAt"/> branch-local time.
/// A sent day is logged in the database, so restarts and several gateways sharing a database do not send it twice; a failed send is
/// tried again at the next check.
/// </summary>
public sealed class DailySummaryMailer(
    IBranchStore branches,
    StatsService stats,
    EfContactStore contacts,
    SmtpMailer mailer,
    DbFactory db,
    IOptions<SummaryOptions> options,
    TimeProvider time,
    ILogger<DailySummaryMailer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!mailer.IsConfigured || !options.Value.Enabled)
        {
            logger.LogInformation("Daily summary e-mail is off ({Reason})", mailer.IsConfigured ? "Summary:Enabled=false" : "no Smtp:Host");
            return;
        }

        using var timer = new PeriodicTimer(options.Value.CheckEvery, time);
        do
        {
            try
            {
                await SendDueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Daily summary check failed; trying again at the next check");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>Sends every branch's summary that is due and not sent yet; returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var sent = 0;
        foreach (var branch in await branches.AllAsync(cancellationToken).ConfigureAwait(false))
        {
            var local = TimeZoneInfo.ConvertTime(now, branch.TimeZone);
            if (TimeOnly.FromDateTime(local.DateTime) < options.Value.SendAt)
            {
                continue;
            }

            var day = DateOnly.FromDateTime(local.DateTime).AddDays(-1);
            var done = await db.ReadAsync(d => d.SummaryMailLog.AsNoTracking().AnyAsync(l => l.Branch == branch.Id && l.Day == day, cancellationToken)).ConfigureAwait(false);
            if (done)
            {
                continue;
            }

            var result = await SendAsync(branch, day, record: true, cancellationToken).ConfigureAwait(false);
            if (result.IsSuccess && result.Value!.Recipients > 0)
            {
                sent++;
            }
        }

        return sent;
    }

    /// <summary>Sends one branch's summary of <paramref name="day"/> to its managers with an e-mail address.</summary>
    public async Task<Result<SummarySendResult>> SendAsync(Branch branch, DateOnly day, bool record, CancellationToken cancellationToken)
    {
        if (!mailer.IsConfigured)
        {
            return DomainError.Conflict("e-mail is not configured on this gateway (Smtp:Host)");
        }

        var managers = await contacts.ManagersOfAsync(branch.Id, cancellationToken).ConfigureAwait(false);
        var to = managers.Where(m => m.Email is not null).Select(m => m.Email!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var without = managers.Where(m => m.Email is null).Select(m => m.UserName).ToList();
        if (to.Count > 0)
        {
            // The summary names no host, so the naming rule does not matter here; pseudonyms keep it that way if it ever does.
            var summary = await stats.SummaryAsync(branch, day, HostNaming.Pseudonyms, cancellationToken).ConfigureAwait(false);
            var link = options.Value.DashboardUrl is { Length: > 0 } url ? $"{url.TrimEnd('/')}/#day/{branch.Id}/{day:yyyy-MM-dd}" : null;
            await mailer.SendAsync(
                new MailMessage(to, SummaryRenderer.Subject(summary), SummaryRenderer.Text(summary, link), SummaryRenderer.EmailHtml(summary, link)),
                cancellationToken).ConfigureAwait(false);
        }
        else
        {
            logger.LogInformation("No manager of {Branch} has an e-mail address; summary of {Day} not sent", branch.Id, day);
        }

        if (record)
        {
            await db.WriteAsync(async d =>
            {
                if (!await d.SummaryMailLog.AnyAsync(l => l.Branch == branch.Id && l.Day == day, cancellationToken).ConfigureAwait(false))
                {
                    d.SummaryMailLog.Add(new SummaryMailLog { Branch = branch.Id, Day = day, SentAt = time.GetUtcNow(), Recipients = to.Count });
                }

                return await d.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
        }

        return new SummarySendResult(branch.Id, day, to.Count, without);
    }
}
