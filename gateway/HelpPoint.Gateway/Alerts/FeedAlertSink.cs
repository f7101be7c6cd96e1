namespace HelpPoint.Gateway.Alerts;

/// <summary>Shows alerts live on the managers' dashboards (server-sent events, <c>GET /api/v1/alerts/stream</c>).</summary>
public sealed class FeedAlertSink(AlertFeed feed) : IAlertSink
{
    public string Name => "feed";

    public Task DeliverAsync(AlertNotice notice, CancellationToken cancellationToken)
    {
        feed.Publish(notice.Cleared ? "alert-cleared" : "alert", AlertView.From(notice.Alert));
        return Task.CompletedTask;
    }
}
