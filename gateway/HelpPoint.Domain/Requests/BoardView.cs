namespace HelpPoint.Domain.Requests;

/// <summary>What a branch's ticket displays show (protocol v1 board message).</summary>
public sealed record BoardView(bool Staffed, IReadOnlyList<BoardServing> Serving, IReadOnlyList<string> Waiting, int? WaitS)
{
    public bool SameAs(BoardView other) =>
        Staffed == other.Staffed && WaitS == other.WaitS && Serving.SequenceEqual(other.Serving) && Waiting.SequenceEqual(other.Waiting);
}

/// <summary>A ticket being helped and by whom.</summary>
public sealed record BoardServing(string Ticket, string Host);
