namespace HelpPoint.Domain.Requests;

/// <summary>One stored fact in a request's life (created, accepted, released, done…), the source of statistics and audit.</summary>
public sealed class RequestEvent
{
    public long Seq { get; set; }

    public required string RequestId { get; init; }

    public required string Branch { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>What happened: <c>created</c>, <c>accepted</c>, <c>released</c>, <c>done</c>, <c>cancelled</c>, <c>expired</c>, <c>unstaffed</c>, <c>feedback</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Who did it: a staff login, a device id or <c>system</c>.</summary>
    public required string Actor { get; init; }
}
