namespace HelpPoint.Gateway.Notifications.Channels;

/// <summary>One try to reach a host on one channel: for the manager (did Sara get it?) and for retries.</summary>
public sealed class DeliveryAttempt
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public required string UserName { get; init; }

    /// <summary><c>webpush</c>, <c>ntfy</c> or <c>sms</c>.</summary>
    public required string Channel { get; init; }

    /// <summary>The notice: <c>offer</c>, <c>offer-withdrawn</c>, <c>escalation</c>, <c>unstaffed</c>, <c>duty-check</c>.</summary>
    public required string Kind { get; init; }

    public string? RequestId { get; init; }

    /// <summary>Where it went, without secrets: the push service's host, the ntfy topic, a masked phone number.</summary>
    public required string Target { get; init; }

    /// <summary>1 for the first try.</summary>
    public int Attempt { get; init; }

    /// <summary><c>sent</c>, <c>gone</c> or <c>failed</c>.</summary>
    public required string Outcome { get; init; }

    /// <summary>The HTTP status the service answered, if it answered.</summary>
    public int? Status { get; init; }

    public string? Detail { get; init; }

    /// <summary>How long the try took.</summary>
    public int DurationMs { get; init; }
}
