using HelpPoint.Domain.Common;

namespace HelpPoint.Domain.Queue;

/// <summary>What <see cref="BranchQueue.Decide"/> concluded: either the events to apply, or why nothing happens.</summary>
/// <param name="Error">Why the command was refused; null when it was taken (even with no events: a repeat).</param>
/// <param name="Events">The facts, in order.</param>
/// <param name="ResendTicket">The device should be sent its current ticket again even if unchanged (a repeat, a refused cancel).</param>
/// <param name="Answer">
/// The request whose ticket answers the command when it is not the command's own: a press at a help point that already has
/// an open request gets that request's ticket. Null otherwise.
/// </param>
public sealed record Decision(DomainError? Error, IReadOnlyList<QueueEvent> Events, bool ResendTicket = false, string? Answer = null)
{
    public static readonly Decision Nothing = new(null, []);

    public bool IsSuccess => Error is null;

    public static Decision Refused(DomainError error, bool resendTicket = false) => new(error, [], resendTicket);

    public static Decision Of(params QueueEvent[] events) => new(null, events);

    public static implicit operator Decision(DomainError error) => Refused(error);
}
