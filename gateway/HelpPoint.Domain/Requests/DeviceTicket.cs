namespace HelpPoint.Domain.Requests;

/// <summary>What a help point is told about its current request (protocol v1 ticket message).</summary>
public sealed record DeviceTicket(
    string Branch,
    string Device,
    string? Id,
    string? Ticket,
    string State,
    int? Position,
    int? WaitS,
    string? Host,
    string? Reason = null)
{
    public static DeviceTicket Rejected(string branch, string device, string? id, string reason) =>
        new(branch, device, id, null, "rejected", null, null, null, reason);
}
