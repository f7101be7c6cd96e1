using System.Collections.Concurrent;
using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Duty;
using HelpPoint.Domain.Routing;

namespace HelpPoint.Domain.Requests;

/// <summary>
/// After a branch's queue changed, tells every waiting device its new place and the branch's boards the new queue.
/// Remembers what it last sent so that unchanged devices are not woken up again.
/// </summary>
public sealed class BranchAnnouncer(IRequestStore requests, IDutyStore duty, WaitEstimator estimator, IAnnouncer announcer)
{
    private readonly ConcurrentDictionary<string, DeviceTicket> _lastTicket = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, BoardView> _lastBoard = new(StringComparer.Ordinal);

    /// <summary>
    /// Skip tickets and boards identical to the last ones this process sent. Off when several gateways share the work:
    /// another instance may have sent something newer since.
    /// </summary>
    public bool SkipUnchanged { get; init; } = true;

    /// <summary>Reads the branch's queue, duty and handling time once, for one operation.</summary>
    public async Task<BranchState> LoadAsync(Branch branch, CancellationToken cancellationToken = default)
    {
        var open = await requests.OpenAsync(branch.Id, cancellationToken).ConfigureAwait(false);
        var onDuty = await duty.OnDutyAsync(branch.Id, cancellationToken).ConfigureAwait(false);
        var handling = await estimator.HandlingSecondsAsync(branch, cancellationToken).ConfigureAwait(false);
        return new BranchState(branch, [.. open], onDuty, handling);
    }

    /// <summary>Announces the branch; <paramref name="force"/> re-sends every ticket and the board even if unchanged.</summary>
    public async Task AnnounceAsync(Branch branch, bool force = false, CancellationToken cancellationToken = default) =>
        await AnnounceAsync(await LoadAsync(branch, cancellationToken).ConfigureAwait(false), force, cancellationToken).ConfigureAwait(false);

    /// <summary>Announces the branch as <paramref name="state"/> has it.</summary>
    public async Task AnnounceAsync(BranchState state, bool force = false, CancellationToken cancellationToken = default)
    {
        foreach (var ticket in QueueProjection.Tickets(state.Open, state.Hosts, state.HandlingS))
        {
            await SendTicketAsync(ticket, force, cancellationToken).ConfigureAwait(false);
        }

        var board = QueueProjection.Board(state.Open, state.Hosts, state.HandlingS);
        if (force || !SkipUnchanged || !_lastBoard.TryGetValue(state.Branch.Id, out var last) || !last.SameAs(board))
        {
            _lastBoard[state.Branch.Id] = board;
            await announcer.BoardAsync(state.Branch.Id, board, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The ticket a request's device should show now (position and estimate included for queued ones).</summary>
    public async Task<DeviceTicket> TicketAsync(Branch branch, HelpRequest request, CancellationToken cancellationToken = default) =>
        request.State != RequestState.Queued
            ? QueueProjection.TicketFor(request, null, 0, 0)
            : TicketFor(await LoadAsync(branch, cancellationToken).ConfigureAwait(false), request);

    /// <summary>The ticket of <paramref name="request"/> as <paramref name="state"/> has it.</summary>
    public static DeviceTicket TicketFor(BranchState state, HelpRequest request) =>
        request.State != RequestState.Queued
            ? QueueProjection.TicketFor(request, null, 0, 0)
            : QueueProjection.Tickets(state.Open, state.Hosts, state.HandlingS).FirstOrDefault(t => t.Id == request.Id)
                ?? QueueProjection.TicketFor(request, null, state.Hosts, state.HandlingS);

    /// <summary>Sends a ticket unless the device already has exactly this one.</summary>
    public async Task SendTicketAsync(DeviceTicket ticket, bool force, CancellationToken cancellationToken = default)
    {
        var key = ticket.Device;
        if (!force && SkipUnchanged && _lastTicket.TryGetValue(key, out var last) && last == ticket)
        {
            return;
        }

        _lastTicket[key] = ticket;
        await announcer.TicketAsync(ticket, cancellationToken).ConfigureAwait(false);
    }
}
