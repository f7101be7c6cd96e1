namespace HelpPoint.Domain.Requests;

/// <summary>Derives what devices and boards show from a branch's open requests: queue positions, wait estimates, the board.</summary>
public static class QueueProjection
{
    /// <summary>Seconds a visitor at <paramref name="position"/> (1 = next) can expect to wait.</summary>
    public static int WaitEstimateS(int position, int hostsOnDuty, int handlingS) =>
        (int)Math.Ceiling(position * (double)handlingS / Math.Max(1, hostsOnDuty));

    /// <summary>The ticket message for one request, given the branch's open requests in queue order.</summary>
    public static DeviceTicket TicketFor(HelpRequest request, int? position, int hostsOnDuty, int handlingS) => request.State switch
    {
        RequestState.Queued => new DeviceTicket(
            request.Branch, request.Device, request.Id, request.Ticket, request.State.ToWire(),
            position, position is { } p ? WaitEstimateS(p, hostsOnDuty, handlingS) : null, null),
        RequestState.Assigned or RequestState.Done => new DeviceTicket(
            request.Branch, request.Device, request.Id, request.Ticket, request.State.ToWire(), null, null, request.HostName),
        _ => new DeviceTicket(request.Branch, request.Device, request.Id, request.Ticket, request.State.ToWire(), null, null, null),
    };

    /// <summary>Tickets of all open requests, positions counted over queued ones only.</summary>
    public static IEnumerable<DeviceTicket> Tickets(IReadOnlyList<HelpRequest> open, int hostsOnDuty, int handlingS)
    {
        var position = 0;
        foreach (var request in open)
        {
            int? p = request.State == RequestState.Queued ? ++position : null;
            yield return TicketFor(request, p, hostsOnDuty, handlingS);
        }
    }

    public static BoardView Board(IReadOnlyList<HelpRequest> open, int hostsOnDuty, int handlingS)
    {
        var serving = open.Where(r => r.State == RequestState.Assigned)
            .OrderBy(r => r.AssignedAt)
            .Select(r => new BoardServing(r.Ticket, r.HostName ?? ""))
            .ToList();
        var waiting = open.Where(r => r.State == RequestState.Queued).Select(r => r.Ticket).ToList();
        int? waitS = hostsOnDuty > 0 ? WaitEstimateS(waiting.Count + 1, hostsOnDuty, handlingS) : null;
        return new BoardView(hostsOnDuty > 0, serving, waiting, waitS);
    }
}
