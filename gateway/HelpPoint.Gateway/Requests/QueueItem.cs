using HelpPoint.Domain.Requests;

namespace HelpPoint.Gateway.Requests;

/// <summary>A request as the queue API and live views show it.</summary>
public sealed record QueueItem(string Id, string Ticket, string Category, string? Lang, string State, string Device, DateTimeOffset PressedAt, string? Host)
{
    public static QueueItem From(HelpRequest r) => new(r.Id, r.Ticket, r.Category, r.Lang, r.State.ToWire(), r.Device, r.PressedAt, r.HostName);
}
