namespace HelpPoint.Gateway.Notifications.Channels;

/// <summary>A browser's Web Push subscription for one host (one per phone/browser): where to post and the keys to encrypt for.</summary>
public sealed class PushSubscription
{
    public long Id { get; set; }

    public required string UserName { get; set; }

    /// <summary>The push service URL the browser gave (unique).</summary>
    public required string Endpoint { get; init; }

    /// <summary>The browser's P-256 public key (base64url, 65 bytes uncompressed).</summary>
    public required string P256dh { get; set; }

    /// <summary>The browser's 16-byte auth secret (base64url).</summary>
    public required string Auth { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastSentAt { get; set; }
}
