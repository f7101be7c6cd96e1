namespace HelpPoint.Gateway.Alerts;

/// <summary>
/// One delivery channel for fleet alerts: the dashboard's live feed, e-mail (when SMTP is configured), the phone app's channels
/// (Web Push, ntfy, SMS) and the log.
/// </summary>
public interface IAlertSink
{
    /// <summary>A short name for logs ("feed", "email").</summary>
    string Name { get; }

    Task DeliverAsync(AlertNotice notice, CancellationToken cancellationToken);
}
