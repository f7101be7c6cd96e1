namespace HelpPoint.Gateway.Notifications.Channels;

/// <summary>Which delivery channels this deployment offers, and how they reach the outside (configuration section <c>Notifications</c>).</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>The gateway's address as phones reach it (e.g. <c>https://helppoint.library.example</c>): links and the ntfy Accept button. Optional.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>How often a failed delivery (network error, 429, 5xx) is tried again while it still matters. Default 2.</summary>
    public int RetryCount { get; set; } = 2;

    /// <summary>Wait before the first retry; each further retry waits twice as long. Default 2000 ms.</summary>
    public int RetryDelayMs { get; set; } = 2000;

    public WebPushOptions WebPush { get; set; } = new();

    public NtfyOptions Ntfy { get; set; } = new();

    public SmsOptions Sms { get; set; } = new();
}

/// <summary>Web Push (RFC 8030/8291/8292) to the browser's push service.</summary>
public sealed class WebPushOptions
{
    /// <summary>On by default: it needs nothing but the browser's consent.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>VAPID public key (base64url, 65-byte uncompressed P-256 point). Empty: generated once and kept in the database.</summary>
    public string? PublicKey { get; set; }

    /// <summary>VAPID private key (base64url, 32 bytes), with <see cref="PublicKey"/>.</summary>
    public string? PrivateKey { get; set; }

    /// <summary>Contact for push services (RFC 8292 <c>sub</c>): a <c>mailto:</c> or <c>https:</c> URL.</summary>
    public string Subject { get; set; } = "mailto:helppoint@localhost";

    /// <summary>Accept subscription endpoints over plain http (tests and closed networks only). Default false: https only.</summary>
    public bool AllowHttpEndpoints { get; set; }

    /// <summary>
    /// Accept subscription endpoints on loopback, private, link-local and other non-public addresses (tests and closed networks
    /// only). Default false: a push endpoint must be on, and resolve only to, public addresses.
    /// </summary>
    public bool AllowPrivateEndpoints { get; set; }
}

/// <summary>ntfy (https://ntfy.sh or self-hosted): JSON publish with an Accept action.</summary>
public sealed class NtfyOptions
{
    public bool Enabled { get; set; }

    /// <summary>The ntfy server, e.g. <c>https://ntfy.sh</c>.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Access token for a protected server (sent as <c>Authorization: Bearer</c>). Optional.</summary>
    public string? Token { get; set; }
}

/// <summary>SMS through an HTTP SMS API in the style of 46elks (form POST of from, to, message with basic auth).</summary>
public sealed class SmsOptions
{
    public bool Enabled { get; set; }

    /// <summary>e.g. <c>https://api.46elks.com/a1/sms</c>.</summary>
    public string? Url { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Sender shown on the phone (an alphanumeric name of at most 11 characters, or a number).</summary>
    public string From { get; set; } = "HelpPoint";
}
