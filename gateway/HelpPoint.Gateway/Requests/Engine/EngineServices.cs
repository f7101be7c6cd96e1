using System.Collections.Concurrent;
using HelpPoint.Domain.Requests;
using HelpPoint.Domain.Routing;

namespace HelpPoint.Gateway.Requests.Engine;

/// <summary>What every branch engine of this gateway uses: storage, outputs, the clock, and the shared lookups.</summary>
internal sealed record EngineServices(
    IEventLog Log,
    IRequestStore Requests,
    IAnnouncer Announcer,
    TimeProvider Time,
    RoutingSettings Settings,
    EngineIndex Index,
    Mqtt.GatewayMetrics Metrics,
    ILogger Logger);

/// <summary>
/// Which branch a request id belongs to and where a host is on duty, kept by the engines as they change things, so a
/// command that names only a request or a user finds its engine without asking the database.
/// </summary>
internal sealed class EngineIndex
{
    private readonly ConcurrentDictionary<string, string> _requestBranch = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _dutyBranch = new(StringComparer.Ordinal);

    public void RequestAt(string id, string branch) => _requestBranch[id] = branch;

    public void Forget(string id) => _requestBranch.TryRemove(id, out _);

    public string? BranchOfRequest(string id) => _requestBranch.GetValueOrDefault(id);

    public void OnDutyAt(string user, string branch) => _dutyBranch[user] = branch;

    public void OffDuty(string user, string branch) => _dutyBranch.TryRemove(new KeyValuePair<string, string>(user, branch));

    public string? DutyBranchOf(string user) => _dutyBranch.GetValueOrDefault(user);
}
