using HelpPoint.Domain.Requests;

namespace HelpPoint.Gateway.Requests;

/// <summary>A request as the queue API and live views show it.</summary>
/// <remarks>The first eight fields are the contract's; <c>escalated</c>, <c>offeredTo</c> and <c>offerExpiresAt</c> are optional additions.</remarks>
public sealed record QueueItem(
    string Id, string Ticket, string Category, string? Lang, string State, string Device, DateTimeOffset PressedAt, string? Host,
    bool Escalated, string? OfferedTo, DateTimeOffset? OfferExpiresAt)
{
    public static QueueItem From(HelpRequest r) => new(
        r.Id, r.Ticket, r.Category, r.Lang, r.State.ToWire(), r.Device, r.PressedAt, r.HostName,
        r.Escalated, r.State == RequestState.Queued ? r.OfferedTo : null, r.State == RequestState.Queued ? r.OfferExpiresAt : null);
}
