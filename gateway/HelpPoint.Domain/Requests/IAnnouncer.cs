namespace HelpPoint.Domain.Requests;

/// <summary>
/// Tells the world about stored changes: devices (ticket), ticket displays (board) and staff live views.
/// Called only after the change is persisted.
/// </summary>
public interface IAnnouncer
{
    ValueTask TicketAsync(DeviceTicket ticket, CancellationToken cancellationToken = default);

    ValueTask BoardAsync(string branch, BoardView board, CancellationToken cancellationToken = default);

    /// <summary>A request was created or changed state (for hosts' live queue views).</summary>
    ValueTask RequestChangedAsync(HelpRequest request, CancellationToken cancellationToken = default);

    /// <summary>Tells staff something that needs their attention (offer, escalation, duty check).</summary>
    ValueTask StaffNoticeAsync(StaffNotice notice, CancellationToken cancellationToken = default);
}
