using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Queue;
using HelpPoint.Domain.Requests;
using HelpPoint.Domain.Staff;

namespace HelpPoint.Gateway.Tests.Queue;

/// <summary>The escalation ladder of the pure queue: one host at a time, then everyone at once, then louder repeats, never giving up.</summary>
[TestClass]
public sealed class Escalation_Tests
{
    private static readonly TimeSpan Repeat = TimeSpan.FromSeconds(120);

    private static Actor Ali => new("ali", "Ali", StaffRole.Host);

    private static QueueFixture Branch(params string[] managers)
    {
        var q = new QueueFixture(new Branch { Id = "demo", Name = "Demo", AcceptTimeoutS = 60, EscalationRepeatS = 120 });
        q.State.SetManagers(managers);
        return q;
    }

    private static bool IsAsk(QueueEvent e) =>
        e.Kind is QueueEventKind.Offered or QueueEventKind.Escalated or QueueEventKind.EscalationRepeated;

    [TestMethod]
    public void When_every_host_has_passed_the_request_goes_to_every_host_the_desk_and_the_managers_at_once()
    {
        var q = Branch("boss");
        q.OnDuty(QueueFixture.Sara);
        q.OnDuty(QueueFixture.Yonas);
        q.OnDuty(QueueFixture.Desk);
        var id = q.Press();

        q.Advance(TimeSpan.FromSeconds(60));
        q.Advance(TimeSpan.FromSeconds(60));

        var escalated = q.EventsOf(id).Single(e => e.Kind == QueueEventKind.Escalated);
        CollectionAssert.AreEqual(new[] { "sara", "yonas", "desk", "boss" }, escalated.Audience!.ToList());
        Assert.AreEqual(q.Now + Repeat, q.Get(id).RepeatAt);
        Assert.AreEqual(q.Now + Repeat, BranchQueue.NextDeadline(q.State), "the engine wakes for the repeat");
        Assert.AreEqual(RequestState.Queued, q.Get(id).State);
    }

    [TestMethod]
    public void A_branch_without_a_desk_or_managers_still_asks_every_host_at_once()
    {
        var q = Branch();
        q.OnDuty(QueueFixture.Sara);
        q.OnDuty(QueueFixture.Yonas);
        var id = q.Press();
        var first = q.Get(id).OfferedTo == "sara" ? QueueFixture.Sara : QueueFixture.Yonas;
        var second = first == QueueFixture.Sara ? QueueFixture.Yonas : QueueFixture.Sara;

        q.Do(new Decline(first, id));
        q.Do(new Decline(second, id));

        CollectionAssert.AreEqual(new[] { "sara", "yonas" }, q.EventsOf(id).Single(e => e.Kind == QueueEventKind.Escalated).Audience!.ToList());
        Assert.IsTrue(q.Do(new Accept(first, id)).IsSuccess, "a host who said not now may still take it");
    }

    [TestMethod]
    public void An_escalated_request_is_offered_to_everyone_again_every_repeat_interval_with_the_louder_kind()
    {
        var q = Branch("boss");
        q.OnDuty(QueueFixture.Sara);
        var id = q.Press();
        q.Advance(TimeSpan.FromSeconds(60));
        Assert.IsTrue(q.Get(id).Escalated);
        var mark = q.Log.Count;

        q.Advance(Repeat - TimeSpan.FromSeconds(1));
        Assert.AreEqual(0, q.EventsOf(id, mark).Count, "not before the interval");

        q.Advance(TimeSpan.FromSeconds(1));
        var repeat = q.EventsOf(id, mark).Single();
        Assert.AreEqual(QueueEventKind.EscalationRepeated, repeat.Kind);
        CollectionAssert.AreEqual(new[] { "sara", "boss" }, repeat.Audience!.ToList());
        Assert.AreEqual("escalated-again", repeat.Kind.ToWire());
        Assert.IsTrue(repeat.Kind.IsRequestFact(), "repeats are in the event log");

        q.Advance(Repeat);
        Assert.AreEqual(2, q.EventsOf(id, mark).Count(e => e.Kind == QueueEventKind.EscalationRepeated));
    }

    [TestMethod]
    public void Every_fact_name_fits_the_event_logs_kind_column()
    {
        foreach (var kind in Enum.GetValues<QueueEventKind>())
        {
            Assert.IsTrue(kind.ToWire().Length <= 16, $"{kind.ToWire()} is longer than request_events.kind (16)");
        }
    }

    [TestMethod]
    public void A_request_with_hosts_on_duty_who_never_answer_is_still_being_offered_thirty_minutes_later()
    {
        var q = Branch();
        q.OnDuty(QueueFixture.Sara);
        q.OnDuty(QueueFixture.Yonas);
        var id = q.Press();

        q.RunUntil(QueueFixture.Start + TimeSpan.FromMinutes(30));

        var r = q.Get(id);
        Assert.AreEqual(RequestState.Queued, r.State);
        var last = q.EventsOf(id).Last(IsAsk);
        Assert.AreEqual(QueueEventKind.EscalationRepeated, last.Kind);
        Assert.IsTrue(q.Now - last.At <= Repeat, $"last asked at {last.At:O}, {q.Now - last.At} ago");
        CollectionAssert.AreEqual(new[] { "sara", "yonas" }, last.Audience!.ToList());

        // 2 minutes of single offers, then everyone at 2:00 and every 2 minutes after: 2:00 … 30:00.
        Assert.AreEqual(14, q.EventsOf(id).Count(e => e.Kind == QueueEventKind.EscalationRepeated));
        var ticket = BranchQueue.TicketOf(q.State, r);
        Assert.AreEqual("queued", ticket.State, "the visitor keeps waiting");
        Assert.AreEqual(1, ticket.Position, "and keeps their place");
    }

    [TestMethod]
    public void Repeats_stop_when_someone_accepts_and_when_the_visitor_cancels()
    {
        var q = Branch();
        q.OnDuty(QueueFixture.Sara);
        var taken = q.Press();
        var withdrawn = q.Press(device: "demo-hp-2");
        q.RunUntil(q.Now + TimeSpan.FromMinutes(5));
        Assert.IsTrue(q.Get(taken).Escalated && q.Get(withdrawn).Escalated);

        Assert.IsTrue(q.Do(new Accept(QueueFixture.Sara, taken)).IsSuccess);
        Assert.IsTrue(q.Do(new DeviceCancel("demo-hp-2", withdrawn)).IsSuccess);
        var mark = q.Log.Count;
        q.RunUntil(q.Now + TimeSpan.FromMinutes(10));

        Assert.AreEqual(0, q.Log.Skip(mark).Count(IsAsk));
        Assert.IsNull(q.Get(taken).RepeatAt);
        Assert.IsNull(q.Get(withdrawn).RepeatAt);
    }

    [TestMethod]
    public void Repeats_stop_at_closing_time_when_the_request_expires()
    {
        var q = new QueueFixture(new Branch { Id = "demo", Name = "Demo", OpeningHours = "mon-fri 10:00-19:00" });
        q.OnDuty(QueueFixture.Sara);
        var id = q.Press();

        q.RunUntil(new DateTimeOffset(2026, 11, 23, 18, 30, 0, TimeSpan.Zero));

        Assert.AreEqual(RequestState.Expired, q.Get(id).State);
        Assert.IsTrue(BranchQueue.NextDeadline(q.State) is not { } next || next > q.Now, "no deadline left in the past");
        var last = q.EventsOf(id).Last(IsAsk);
        Assert.IsTrue(last.At < new DateTimeOffset(2026, 11, 23, 18, 0, 0, TimeSpan.Zero));
    }

    [TestMethod]
    public void A_host_who_comes_on_duty_after_the_escalation_gets_their_own_offer_and_the_repeats_go_on_after_it()
    {
        var q = Branch();
        q.OnDuty(QueueFixture.Sara);
        var id = q.Press();
        q.Advance(TimeSpan.FromSeconds(60));
        Assert.IsTrue(q.Get(id).Escalated);

        q.Now += TimeSpan.FromSeconds(30);
        q.OnDuty(Ali);
        Assert.AreEqual("ali", q.Get(id).OfferedTo);

        // Ali's offer lapses at 2:30; the repeat stays on its schedule (3:00) and now reaches Ali too.
        var mark = q.Log.Count;
        q.RunUntil(QueueFixture.Start + TimeSpan.FromSeconds(180));
        CollectionAssert.AreEqual(
            new[] { QueueEventKind.OfferTimeout, QueueEventKind.EscalationRepeated },
            q.EventsOf(id, mark).Select(e => e.Kind).ToList());
        CollectionAssert.AreEqual(new[] { "ali", "sara" }, q.EventsOf(id, mark)[1].Audience!.ToList());
    }

    /// <summary>Every state a waiting request can be in, set up with nobody acting afterwards.</summary>
    public static IEnumerable<object[]> States =>
    [
        ["offered to one host"],
        ["between two hosts (a not now)"],
        ["offered to everyone"],
        ["repeating"],
        ["handed back by its host"],
        ["its host's shift ended"],
        ["every host on a break"],
        ["the only host holds another offer"],
        ["every host went off duty"],
        ["restored from rows written before repeats existed"],
    ];

    [TestMethod]
    [DynamicData(nameof(States))]
    public void No_state_of_a_waiting_request_is_a_dead_end_it_is_offered_again_within_the_repeat_interval(string state)
    {
        var q = Branch("boss");
        q.OnDuty(QueueFixture.Sara);
        q.OnDuty(QueueFixture.Yonas);
        var id = q.Press();
        var offered = q.Get(id).OfferedTo == "sara" ? QueueFixture.Sara : QueueFixture.Yonas;
        switch (state)
        {
            case "offered to one host":
                break;
            case "between two hosts (a not now)":
                q.Do(new Decline(offered, id));
                break;
            case "offered to everyone":
                q.RunUntil(q.Now + TimeSpan.FromSeconds(120));
                Assert.IsTrue(q.Get(id).Escalated);
                break;
            case "repeating":
                q.RunUntil(q.Now + TimeSpan.FromSeconds(250));
                Assert.IsTrue(q.EventsOf(id).Any(e => e.Kind == QueueEventKind.EscalationRepeated));
                break;
            case "handed back by its host":
                q.Do(new Accept(offered, id));
                q.Do(new Release(offered, id));
                break;
            case "its host's shift ended":
                q.Do(new Accept(offered, id));
                q.Do(new DutyOff(offered.UserName, null));
                break;
            case "every host on a break":
                q.Do(new Pause("sara"));
                q.Do(new Pause("yonas"));
                break;
            case "the only host holds another offer":
                q.Do(new DutyOff(offered == QueueFixture.Sara ? "yonas" : "sara", null));
                id = q.Press(device: "demo-hp-2");
                Assert.IsNull(q.Get(id).OfferedTo);
                break;
            case "every host went off duty":
                q.Do(new DutyOff("sara", null));
                q.Do(new DutyOff("yonas", null));
                break;
            case "restored from rows written before repeats existed":
                q.RunUntil(q.Now + TimeSpan.FromSeconds(250));
                var rows = q.State.Known.Values.Select(r => r.Copy()).ToList();
                rows.ForEach(r => r.RepeatAt = null);
                var restored = BranchQueueState.Restore(q.State.Branch, q.State.Settings, rows, q.State.Duty.Values, q.State.TicketDay, q.State.LastTicket, []);
                var mark0 = q.Log.Count;
                var routed = BranchQueue.Handle(restored, new Tick(), q.Now);
                Assert.AreEqual(QueueEventKind.EscalationRepeated, routed.Events.Single(e => e.RequestId == id).Kind, "repeated at once");
                Assert.AreEqual(mark0, q.Log.Count);
                return;
            default:
                Assert.Fail(state);
                break;
        }

        Assert.AreEqual(RequestState.Queued, q.Get(id).State);
        var mark = q.Log.Count;
        var from = q.Now;

        q.RunUntil(from + Repeat);

        var asked = q.EventsOf(id, mark).Where(IsAsk).ToList();
        Assert.IsTrue(asked.Count > 0, $"{state}: nobody was asked again within {Repeat}");
        var everyone = asked.Where(e => e.Kind != QueueEventKind.Offered).SelectMany(e => e.Audience!).Concat(asked.Where(e => e.Kind == QueueEventKind.Offered).Select(e => e.Host!));
        Assert.IsTrue(everyone.Any(), $"{state}: asked, but nobody to ask");
        Assert.AreEqual(RequestState.Queued, q.Get(id).State, "still waiting, still in the queue");
    }
}
