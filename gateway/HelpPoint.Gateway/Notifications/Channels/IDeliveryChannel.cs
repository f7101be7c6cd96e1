namespace HelpPoint.Gateway.Notifications.Channels;

/// <summary>
/// One way of reaching a host's phone outside the open app (Web Push, ntfy, SMS). The dispatcher asks each enabled channel
/// for the host's targets and sends the message to each; every try is recorded.
/// </summary>
public interface IDeliveryChannel
{
    /// <summary>Short name as recorded and configured: <c>webpush</c>, <c>ntfy</c>, <c>sms</c>.</summary>
    string Name { get; }

    /// <summary>Whether this deployment offers the channel at all.</summary>
    bool Enabled { get; }

    /// <summary>A fallback channel is used only when no earlier channel reached the host (SMS costs money).</summary>
    bool IsFallback { get; }

    /// <summary>Whether the channel carries this kind of notice (<see cref="Domain.Requests.StaffNoticeKinds"/>).</summary>
    bool Handles(string kind);

    /// <summary>Where this host can be reached on this channel, given their preferences.</summary>
    Task<IReadOnlyList<DeliveryTarget>> TargetsAsync(ChannelPreference preference, CancellationToken cancellationToken);

    Task<DeliveryOutcome> SendAsync(DeliveryTarget target, DeliveryMessage message, CancellationToken cancellationToken);
}

/// <summary>One address on a channel. <paramref name="Label"/> is what the delivery record shows (no secrets, phone numbers masked).</summary>
public sealed record DeliveryTarget(string Address, string Label, object? State = null);

/// <summary>How one try went: <c>sent</c>, <c>gone</c> (the address no longer exists and was removed) or <c>failed</c>.</summary>
public sealed record DeliveryOutcome(string Result, int? Status, string? Detail, bool Retryable)
{
    public const string Sent = "sent";
    public const string Gone = "gone";
    public const string Failed = "failed";

    public bool Succeeded => Result == Sent;

    public static DeliveryOutcome Ok(int status) => new(Sent, status, null, false);

    public static DeliveryOutcome FromHttp(int status, string? detail) => status switch
    {
        >= 200 and < 300 => Ok(status),
        404 or 410 => new(Gone, status, detail, false),
        408 or 429 or >= 500 => new(Failed, status, detail, true),
        _ => new(Failed, status, detail, false),
    };

    public static DeliveryOutcome Error(string detail) => new(Failed, null, detail, true);
}
