using HelpPoint.Gateway.Mail;

namespace HelpPoint.Gateway.Alerts;

/// <summary>E-mails a raised alert to the branch's managers who have an address (nothing when SMTP is not configured; clearing is not mailed).</summary>
public sealed class EmailAlertSink(SmtpMailer mailer) : IAlertSink
{
    public string Name => "email";

    public async Task DeliverAsync(AlertNotice notice, CancellationToken cancellationToken)
    {
        var to = notice.Recipients.Where(r => r.Email is not null).Select(r => r.Email!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (notice.Cleared || !mailer.IsConfigured || to.Count == 0)
        {
            return;
        }

        var a = notice.Alert;
        var text = $"{a.Message}.\n\nRaised {a.RaisedAt:yyyy-MM-dd HH:mm} UTC. Check the help point's power and Wi-Fi; the fleet page of the dashboard shows when it is back.\n";
        await mailer.SendAsync(new MailMessage(to, $"HelpPoint alert: {a.Device} is silent", text, null), cancellationToken).ConfigureAwait(false);
    }
}
