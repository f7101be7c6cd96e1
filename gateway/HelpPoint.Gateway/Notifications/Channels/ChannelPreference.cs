namespace HelpPoint.Gateway.Notifications.Channels;

/// <summary>How one host wants to be reached when the app is not open, and the language of those messages.</summary>
public sealed class ChannelPreference
{
    public required string UserName { get; init; }

    /// <summary>Use Web Push (to every subscribed browser of this host). On unless the host turns it off.</summary>
    public bool WebPush { get; set; } = true;

    /// <summary>The ntfy topic the host's ntfy app subscribes to; null: ntfy off for this host.</summary>
    public string? NtfyTopic { get; set; }

    /// <summary>Phone number in E.164 (<c>+46701234567</c>); null: SMS off for this host.</summary>
    public string? SmsNumber { get; set; }

    /// <summary>UI language of the app, used for notification texts (<c>sv</c>, <c>en</c>, …).</summary>
    public string UiLang { get; set; } = "sv";

    public DateTimeOffset UpdatedAt { get; set; }
}
