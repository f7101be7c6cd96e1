using HelpPoint.Domain.Duty;
using HelpPoint.Domain.Requests;
using HelpPoint.Domain.Staff;
using HelpPoint.Gateway.Auth;
using HelpPoint.Gateway.Duty;
using HelpPoint.Gateway.Notifications;
using HelpPoint.Gateway.Requests.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HelpPoint.Gateway.Tests.Support;

/// <summary>
/// A real gateway (SQLite, embedded broker) on a fake clock with the routing ticker off: scenario tests move time by hand
/// and call <see cref="TickAsync"/>, so timeouts, escalation and closing time are tested without waiting.
/// </summary>
public sealed class RoutingScene : IAsyncDisposable
{
    /// <summary>Monday 23 November 2026, 10:00 in Stockholm.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, EventHub.Subscription> _inboxes = new(StringComparer.Ordinal);
    private long _seq;

    private RoutingScene(TestGateway gateway, FakeTimeProvider clock)
    {
        Gateway = gateway;
        Clock = clock;
    }

    public TestGateway Gateway { get; }

    public FakeTimeProvider Clock { get; }

    public BranchEngines Requests => Gateway.Get<BranchEngines>();

    public BranchEngines Duty => Gateway.Get<BranchEngines>();

    public static async Task<RoutingScene> StartAsync(string provider = "sqlite", DateTimeOffset? start = null)
    {
        var clock = new FakeTimeProvider(start ?? Start);
        var gateway = await TestGateway.StartOnAsync(provider, services => services.AddSingleton<TimeProvider>(clock), "--Routing:TickMs=0");
        return new RoutingScene(gateway, clock);
    }

    /// <summary>Adds a staff member (host by default) who helps in <paramref name="languages"/>.</summary>
    public async Task<Actor> AddStaffAsync(string user, string name, StaffRole role = StaffRole.Host, params string[] languages)
    {
        await Gateway.Get<IStaffStore>().UpsertAsync(new StaffUser
        {
            UserName = user,
            DisplayName = name,
            Role = role,
            SecretHash = SecretHasher.HashDeviceSecret("unused"),
            Languages = [.. languages],
        });
        return new Actor(user, name, role);
    }

    public static Actor Host1 => new("host1", "Sara", StaffRole.Host);

    public static Actor Host2 => new("host2", "Yonas", StaffRole.Host);

    public async Task OnDutyAsync(Actor actor, params string[] languages)
    {
        Watch(actor.UserName);
        var result = await Duty.SetDutyAsync(actor, "demo", true, languages);
        Assert.IsTrue(result.IsSuccess, result.Error?.Message);
    }

    public async Task OffDutyAsync(Actor actor)
    {
        var result = await Duty.SetDutyAsync(actor, "demo", false, []);
        Assert.IsTrue(result.IsSuccess, result.Error?.Message);
    }

    /// <summary>A visitor presses at help point <paramref name="device"/>; returns the request id.</summary>
    public async Task<string> PressAsync(string? lang = null, string category = "bankid", string device = "demo-hp-1")
    {
        var id = $"{device}-{++_seq:D6}";
        var result = await Requests.SubmitAsync("demo", device, id, category, lang, 0);
        Assert.IsTrue(result.IsSuccess, result.Error?.Message);
        Assert.AreEqual(id, result.Value?.Id, $"{device} still has an open request: press at another help point, or end that one first");
        return id;
    }

    public async Task<HelpRequest> GetAsync(string id) => (await Gateway.Get<IRequestStore>().FindAsync(id))!;

    public async Task<HelpRequest> AcceptAsync(Actor actor, string id)
    {
        var result = await Requests.AcceptAsync(actor, id);
        Assert.IsTrue(result.IsSuccess, result.Error?.Message);
        return result.Value!;
    }

    public async Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        await TickAsync();
    }

    /// <summary>Does what is due at the fake clock's now: roster shifts, then every branch engine's deadlines.</summary>
    public async Task TickAsync()
    {
        await Gateway.Get<RosterClock>().TickAsync();
        await Gateway.Get<BranchEngines>().TickAsync();
    }

    /// <summary>Starts recording the live events one user would see on their phone.</summary>
    public void Watch(string user)
    {
        if (!_inboxes.ContainsKey(user))
        {
            _inboxes[user] = Gateway.Get<EventHub>().Subscribe(user, "demo");
        }
    }

    /// <summary>Event types received so far by <paramref name="user"/> (drains the inbox).</summary>
    public List<StaffEvent> Drain(string user)
    {
        // The engines send their outputs beside their next batch: wait until what was decided so far is out.
        Gateway.Get<BranchEngines>().FlushAsync().GetAwaiter().GetResult();
        var events = new List<StaffEvent>();
        while (_inboxes[user].Reader.TryRead(out var evt))
        {
            events.Add(evt);
        }

        return events;
    }

    public async Task<IReadOnlyList<string>> EventKindsAsync(string id)
    {
        var db = Gateway.Get<Storage.DbFactory>();
        return await db.ReadAsync<IReadOnlyList<string>>(async x =>
            [.. x.RequestEvents.Where(e => e.RequestId == id).OrderBy(e => e.Seq).Select(e => e.Kind)]);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var inbox in _inboxes.Values)
        {
            inbox.Dispose();
        }

        await Gateway.DisposeAsync();
    }
}
