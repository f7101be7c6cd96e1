using HelpPoint.Gateway.Requests;

namespace HelpPoint.Gateway.Notifications.Channels.WebPush;

/// <summary>What the service worker receives in a push (JSON, encrypted): enough to show the notification and to accept.</summary>
public sealed record PushPayload(string Kind, string Title, string Body, string Tag, string AcceptLabel, bool Urgent, QueueItem? Request)
{
    public static PushPayload From(DeliveryMessage m) => new(m.Kind, m.Title, m.Body, m.Tag, m.AcceptLabel, m.Urgent, m.Request);
}
