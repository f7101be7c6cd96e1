using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Common;
using HelpPoint.Domain.Duty;
using HelpPoint.Domain.Queue;
using HelpPoint.Domain.Requests;

namespace HelpPoint.Gateway.Requests.Engine;

/// <summary>One item in a branch engine's inbox.</summary>
internal abstract class EngineJob
{
    public virtual void Fail(Exception exception)
    {
    }
}

/// <summary>What a command's caller gets back: the request or shift as it is after the commit, or why nothing happened.</summary>
public sealed record EngineReply(DomainError? Error, HelpRequest? Request, HostDuty? Duty);

/// <summary>A command for the branch's queue; its caller waits for the reply, which comes after the commit.</summary>
internal sealed class CommandJob(QueueCommand command, bool dutyRowExists = false) : EngineJob
{
    public QueueCommand Command { get; } = command;

    /// <summary>For <see cref="DutyOn"/>: the host's duty row exists already (from an earlier shift).</summary>
    public bool DutyRowExists { get; } = dutyRowExists;

    public TaskCompletionSource<EngineReply> Reply { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override void Fail(Exception exception) => Reply.TrySetException(exception);
}

/// <summary>Time passed (the engine's own deadline timer, or a test moving a fake clock).</summary>
internal sealed class TickJob : EngineJob
{
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override void Fail(Exception exception) => Done.TrySetException(exception);
}

/// <summary>A read of the branch's state in memory (queue snapshot, one request).</summary>
internal sealed class ReadJob(Func<BranchQueueState, object?> read) : EngineJob
{
    public Func<BranchQueueState, object?> Read { get; } = read;

    public TaskCompletionSource<object?> Reply { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override void Fail(Exception exception) => Reply.TrySetException(exception);
}

/// <summary>Work on the engine's outputs or settings: re-announce everything, a rejected ticket, new branch settings.</summary>
internal sealed class ControlJob : EngineJob
{
    public bool AnnounceAll { get; init; }

    public DeviceTicket? Rejected { get; init; }

    public Branch? Settings { get; init; }

    /// <summary>A staff user changed: they may have become, or stopped being, one of the branch's managers.</summary>
    public HelpPoint.Domain.Staff.StaffUser? Staff { get; init; }

    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override void Fail(Exception exception) => Done.TrySetException(exception);
}

/// <summary>The engine cannot take more now; the caller should retry later (a device: no acknowledgement, it sends again).</summary>
public sealed class EngineBusyException(string branch) : Exception($"branch '{branch}' is busy; try again");
