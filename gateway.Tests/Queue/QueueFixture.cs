using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Duty;
using HelpPoint.Domain.Queue;
using HelpPoint.Domain.Requests;
using HelpPoint.Domain.Routing;
using HelpPoint.Domain.Staff;

namespace HelpPoint.Gateway.Tests.Queue;

/// <summary>A branch queue in memory with a clock the test moves: no host, no database, no broker.</summary>
internal sealed class QueueFixture
{
    /// <summary>Monday 23 November 2026, 10:00 in Stockholm.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private int _seq;

    public QueueFixture(Branch? branch = null, RoutingSettings? settings = null)
    {
        State = new BranchQueueState(branch ?? new Branch { Id = "demo", Name = "Demo", AcceptTimeoutS = 60 }, settings ?? new RoutingSettings());
    }

    public BranchQueueState State { get; }

    public DateTimeOffset Now { get; set; } = Start;

    public List<QueueEvent> Log { get; } = [];

    public static Actor Sara => new("sara", "Sara", StaffRole.Host);

    public static Actor Yonas => new("yonas", "Yonas", StaffRole.Host);

    public static Actor Desk => new("desk", "Desk", StaffRole.Desk);

    public static Actor Manager => new("boss", "Boss", StaffRole.Manager);

    public Decision Do(QueueCommand command)
    {
        var decision = BranchQueue.Handle(State, command, Now);
        Log.AddRange(decision.Events);
        return decision;
    }

    public void OnDuty(Actor actor, params string[] languages) => Assert.IsTrue(Do(new DutyOn(actor, languages)).IsSuccess);

    /// <summary>A press at <paramref name="device"/>; returns the request id.</summary>
    public string Press(string? lang = null, string device = "demo-hp-1", long ageMs = 0)
    {
        var id = $"{device}-{++_seq:D6}";
        var d = Do(new Press(device, id, "bankid", lang, ageMs));
        Assert.IsTrue(d.IsSuccess, d.Error?.Message);
        return id;
    }

    public HelpRequest Get(string id) => State.Find(id) ?? throw new AssertFailedException($"no request {id}");

    public void Advance(TimeSpan by)
    {
        Now += by;
        Do(new Tick());
    }

    /// <summary>
    /// Moves the clock as the engine's timer would: to each next deadline in turn, up to <paramref name="until"/>, with nobody
    /// acting. Fails if a deadline is due but routing does nothing with it (the engine would spin).
    /// </summary>
    public void RunUntil(DateTimeOffset until)
    {
        while (BranchQueue.NextDeadline(State) is { } next && next <= until)
        {
            var before = Log.Count;
            Now = next > Now ? next : Now;
            Do(new Tick());
            Assert.IsTrue(Log.Count > before || BranchQueue.NextDeadline(State) > Now, $"a deadline at {next:O} is due but nothing happens");
        }

        Now = until;
        Do(new Tick());
    }

    /// <summary>The events about <paramref name="id"/> logged after the first <paramref name="skip"/> events.</summary>
    public List<QueueEvent> EventsOf(string id, int skip = 0) => [.. Log.Skip(skip).Where(e => e.RequestId == id)];

    public List<QueueEventKind> KindsOf(string id) => [.. Log.Where(e => e.RequestId == id).Select(e => e.Kind)];
}
