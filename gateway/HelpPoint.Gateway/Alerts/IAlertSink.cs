namespace HelpPoint.Gateway.Alerts;

/// <summary>
/// One delivery channel for fleet alerts. Today: the dashboard's live feed, e-mail (when SMTP is configured) and the log. The phone
/// app's Web Push, ntfy and SMS channels plug in here as further sinks.
/// </summary>
public interface IAlertSink
{
    /// <summary>A short name for logs ("feed", "email").</summary>
    string Name { get; }

    Task DeliverAsync(AlertNotice notice, CancellationToken cancellationToken);
}
