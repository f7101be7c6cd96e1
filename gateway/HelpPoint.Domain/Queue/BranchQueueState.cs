using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Duty;
using HelpPoint.Domain.Requests;
using HelpPoint.Domain.Routing;

namespace HelpPoint.Domain.Queue;

/// <summary>
/// Everything one branch's queue decides on, held in memory by the branch's engine: the open requests in queue order, the
/// day's requests by id (repeats, feedback, undo), who is on duty, the day's ticket counter and recent handling times.
/// Only <see cref="BranchQueue.Apply"/> changes it.
/// </summary>
public sealed class BranchQueueState
{
    private readonly List<HelpRequest> _open = [];
    private readonly Dictionary<string, HelpRequest> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HelpRequest> _latestByDevice = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, HostDuty> _duty = new(StringComparer.Ordinal);
    private readonly List<(string Id, double Seconds)> _handling = [];
    private readonly Dictionary<string, DateTimeOffset> _closesAt = new(StringComparer.Ordinal);
    private List<string> _managers = [];

    public BranchQueueState(Branch branch, RoutingSettings settings)
    {
        Settings = settings;
        Branch = branch;
        Hours = Parse(branch);
    }

    public Branch Branch { get; private set; }

    public OpeningHours Hours { get; private set; }

    public RoutingSettings Settings { get; }

    /// <summary>Queued and assigned requests, in queue order (queue key, then id).</summary>
    public IReadOnlyList<HelpRequest> Open => _open;

    /// <summary>Requests held in memory by id: the open ones and recently finished ones.</summary>
    public IReadOnlyDictionary<string, HelpRequest> Known => _known;

    /// <summary>Each help point's most recent request (what its display shows).</summary>
    public IReadOnlyDictionary<string, HelpRequest> LatestByDevice => _latestByDevice;

    /// <summary>Hosts and desk users on duty here, by login.</summary>
    public IReadOnlyDictionary<string, HostDuty> Duty => _duty;

    /// <summary>The local day of <see cref="LastTicket"/>.</summary>
    public DateOnly TicketDay { get; internal set; }

    /// <summary>The last ticket number given out on <see cref="TicketDay"/>.</summary>
    public int LastTicket { get; internal set; }

    /// <summary>IT-hosts on duty (not the desk).</summary>
    public int HostsOnDuty => _duty.Values.Count(d => !d.IsDesk);

    /// <summary>IT-hosts on duty and not on a break: those who get offers, and whom the wait estimate counts.</summary>
    public int HostsReachable => _duty.Values.Count(d => !d.IsDesk && d.PausedAt is null);

    /// <summary>The branch's managers (logins): told of escalations with everyone else. Empty when the branch has none.</summary>
    public IReadOnlyList<string> Managers => _managers;

    /// <summary>Average seconds per visitor for wait estimates: recent handling times, or the branch default without history.</summary>
    public int HandlingS => _handling.Count == 0 ? Branch.DefaultHandlingS : (int)Math.Max(1, Math.Round(_handling.Average(h => h.Seconds)));

    /// <summary>Builds the state from what storage holds (at start-up, after a takeover or a failed commit).</summary>
    public static BranchQueueState Restore(
        Branch branch,
        RoutingSettings settings,
        IEnumerable<HelpRequest> requests,
        IEnumerable<HostDuty> onDuty,
        DateOnly ticketDay,
        int lastTicket,
        IEnumerable<(string Id, double Seconds)> handlingNewestFirst)
    {
        var state = new BranchQueueState(branch, settings) { TicketDay = ticketDay, LastTicket = lastTicket };
        foreach (var r in requests.OrderBy(r => r.ReceivedAt).ThenBy(r => r.Id, StringComparer.Ordinal))
        {
            state.Remember(r.Copy());
        }

        foreach (var d in onDuty.Where(d => d.OnDuty && d.Branch == branch.Id))
        {
            state._duty[d.UserName] = d.Copy();
        }

        foreach (var h in handlingNewestFirst.Take(settings.HandlingHistory).Reverse())
        {
            state._handling.Add(h);
        }

        return state;
    }

    public HelpRequest? Find(string id) => _known.GetValueOrDefault(id);

    /// <summary>A request read from storage on a cold path (an old id); it joins the known ones.</summary>
    public void Adopt(HelpRequest request)
    {
        if (request.Branch == Branch.Id && !_known.ContainsKey(request.Id))
        {
            Remember(request.Copy());
        }
    }

    /// <summary>The branch's settings changed (opening hours, offer timeout, default handling time…).</summary>
    public void SetBranch(Branch branch)
    {
        Branch = branch;
        Hours = Parse(branch);
        _closesAt.Clear();
    }

    /// <summary>The branch's managers changed (read with the rest of the state at a rebuild).</summary>
    public void SetManagers(IEnumerable<string> managers) =>
        _managers = managers.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>When a queued request expires: the first closing after it was received.</summary>
    public DateTimeOffset ClosesAt(HelpRequest request)
    {
        if (!_closesAt.TryGetValue(request.Id, out var at))
        {
            at = Hours.NextClosing(request.ReceivedAt, Branch.TimeZone);
            _closesAt[request.Id] = at;
        }

        return at;
    }

    /// <summary>Forgets finished requests that ended before <paramref name="before"/> (except each device's latest).</summary>
    public IReadOnlyList<string> Prune(DateTimeOffset before)
    {
        var old = _known.Values
            .Where(r => !r.State.IsOpen() && r.FinishedAt < before && !ReferenceEquals(_latestByDevice.GetValueOrDefault(r.Device), r))
            .Select(r => r.Id)
            .ToList();
        foreach (var id in old)
        {
            _known.Remove(id);
            _closesAt.Remove(id);
        }

        return old;
    }

    internal void Remember(HelpRequest request)
    {
        _known[request.Id] = request;
        if (!_latestByDevice.TryGetValue(request.Device, out var latest) || latest.ReceivedAt <= request.ReceivedAt)
        {
            _latestByDevice[request.Device] = request;
        }

        if (request.State.IsOpen())
        {
            InsertOpen(request);
        }
    }

    internal void InsertOpen(HelpRequest request)
    {
        _open.Remove(request);
        var at = _open.FindIndex(r => r.QueueKey > request.QueueKey || (r.QueueKey == request.QueueKey && string.CompareOrdinal(r.Id, request.Id) > 0));
        _open.Insert(at < 0 ? _open.Count : at, request);
    }

    internal void RemoveOpen(HelpRequest request)
    {
        _open.Remove(request);
        _closesAt.Remove(request.Id);
    }

    internal void SetDuty(HostDuty duty) => _duty[duty.UserName] = duty;

    internal void RemoveDuty(string user) => _duty.Remove(user);

    internal void AddHandling(string id, double seconds)
    {
        _handling.Add((id, seconds));
        if (_handling.Count > Settings.HandlingHistory)
        {
            _handling.RemoveAt(0);
        }
    }

    internal void RemoveHandling(string id) => _handling.RemoveAll(h => h.Id == id);

    private static OpeningHours Parse(Branch branch) =>
        OpeningHours.TryParse(branch.OpeningHours, out var hours, out _) ? hours : OpeningHours.AlwaysOpen;
}
