namespace HelpPoint.Gateway.Notifications.Channels;

/// <summary>A key the gateway made for itself (VAPID key pair, action-token key), kept in the database so every gateway shares it.</summary>
public sealed class NotificationKey
{
    public required string Name { get; init; }

    public required string Value { get; init; }
}
