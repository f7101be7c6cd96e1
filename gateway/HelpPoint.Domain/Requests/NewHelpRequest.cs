namespace HelpPoint.Domain.Requests;

/// <summary>What the store needs to create a request; the ticket number is allocated by the store.</summary>
public sealed record NewHelpRequest(
    string Id,
    string Branch,
    string Device,
    string Category,
    string? Lang,
    DateOnly LocalDay,
    DateTimeOffset PressedAt,
    DateTimeOffset ReceivedAt,
    RequestState State);
