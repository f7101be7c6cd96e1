using HelpPoint.Domain.Duty;
using HelpPoint.Domain.Requests;
using HelpPoint.Gateway.Storage;

namespace HelpPoint.Gateway.Requests.Engine;

/// <summary>
/// What one batch of one branch's engine writes, in one transaction: the facts appended to the event log and the rows the
/// API and statistics read (requests, duty, the day's ticket counter). Rows are the engine's own copies, never its state.
/// </summary>
public sealed class EngineCommit(string branch)
{
    public string Branch { get; } = branch;

    public List<RequestEvent> Events { get; } = [];

    public List<HelpRequest> NewRequests { get; } = [];

    /// <summary>Changed requests with the version the stored row must still have (a fence against a second writer).</summary>
    public List<(HelpRequest Row, long ExpectedVersion)> ChangedRequests { get; } = [];

    public List<HostDuty> NewDuty { get; } = [];

    public List<HostDuty> ChangedDuty { get; } = [];

    public TicketCounter? NewCounter { get; set; }

    public TicketCounter? ChangedCounter { get; set; }

    public bool IsEmpty =>
        Events.Count == 0 && NewRequests.Count == 0 && ChangedRequests.Count == 0 && NewDuty.Count == 0 && ChangedDuty.Count == 0
        && NewCounter is null && ChangedCounter is null;
}
