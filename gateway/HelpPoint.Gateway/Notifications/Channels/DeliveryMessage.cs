using HelpPoint.Gateway.Requests;

namespace HelpPoint.Gateway.Notifications.Channels;

/// <summary>What a host is told, already in their language: the text and, for offers, a one-time Accept token.</summary>
public sealed record DeliveryMessage(
    string Kind,
    string User,
    string Branch,
    QueueItem? Request,
    string Title,
    string Body,
    string AcceptLabel,
    string Tag,
    int TtlSeconds,
    bool Urgent,
    string? AcceptToken);
