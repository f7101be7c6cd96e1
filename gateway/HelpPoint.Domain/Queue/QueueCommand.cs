using HelpPoint.Domain.Staff;

namespace HelpPoint.Domain.Queue;

/// <summary>Something asked of a branch's queue. Every change to a branch goes through one of these.</summary>
public abstract record QueueCommand
{
    /// <summary>The request the command is about, if any.</summary>
    public virtual string? RequestId => null;
}

/// <summary>A visitor pressed a category button at a help point.</summary>
public sealed record Press(string Device, string Id, string Category, string? Lang, long AgeMs) : QueueCommand
{
    public override string? RequestId => Id;
}

/// <summary>The visitor withdrew the request at the help point.</summary>
public sealed record DeviceCancel(string Device, string Id) : QueueCommand
{
    public override string? RequestId => Id;
}

/// <summary>The visitor rated the help (1 unhappy, 2 neutral, 3 happy).</summary>
public sealed record GiveFeedback(string Device, string Id, int Score) : QueueCommand
{
    public override string? RequestId => Id;
}

/// <summary>A command of a signed-in staff member about one request.</summary>
public abstract record StaffCommand(Actor Actor, string Id) : QueueCommand
{
    public override string? RequestId => Id;
}

/// <summary>An IT-host (or the desk) takes a queued request.</summary>
public sealed record Accept(Actor Actor, string Id) : StaffCommand(Actor, Id);

/// <summary>The offered host says "not now".</summary>
public sealed record Decline(Actor Actor, string Id) : StaffCommand(Actor, Id);

/// <summary>The host hands the request back to the front of the queue.</summary>
public sealed record Release(Actor Actor, string Id) : StaffCommand(Actor, Id);

/// <summary>The visitor has been helped.</summary>
public sealed record Finish(Actor Actor, string Id, string? Outcome, string? Category) : StaffCommand(Actor, Id);

/// <summary>Undo of a mistaken "done".</summary>
public sealed record Reopen(Actor Actor, string Id) : StaffCommand(Actor, Id);

/// <summary>Staff withdraw a request.</summary>
public sealed record StaffCancel(Actor Actor, string Id) : StaffCommand(Actor, Id);

/// <summary>A host or the desk starts a shift here (or changes the languages of the current one).</summary>
/// <param name="LastAssignedAt">When the host last took a request, from their previous shift (the fair-rotation key).</param>
public sealed record DutyOn(Actor Actor, IReadOnlyList<string> Languages, DateTimeOffset? LastAssignedAt = null) : QueueCommand;

/// <summary>A shift here ends; the host's requests go back to the front of the queue.</summary>
/// <param name="Why">Null when the host ended it; otherwise what ended it (<c>roster</c>, an unanswered duty check).</param>
public sealed record DutyOff(string UserName, string? Why) : QueueCommand;

/// <summary>The host answers "yes, still here".</summary>
public sealed record StillHere(string UserName) : QueueCommand;

/// <summary>The host goes on a break without ending the shift: no offers until <see cref="Resume"/>.</summary>
public sealed record Pause(string UserName) : QueueCommand;

/// <summary>A paused host takes requests again.</summary>
public sealed record Resume(string UserName) : QueueCommand;

/// <summary>Time passed: offers lapse, requests expire at closing, idle hosts are asked.</summary>
public sealed record Tick : QueueCommand;
