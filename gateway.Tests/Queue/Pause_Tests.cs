using HelpPoint.Domain.Common;
using HelpPoint.Domain.Queue;
using HelpPoint.Domain.Requests;

namespace HelpPoint.Gateway.Tests.Queue;

/// <summary>A host on a break stays on duty but gets no offers, until they resume.</summary>
[TestClass]
public sealed class Pause_Tests
{
    [TestMethod]
    public void A_paused_host_gets_no_offers_and_stays_on_duty()
    {
        var q = new QueueFixture();
        q.OnDuty(QueueFixture.Sara);
        q.OnDuty(QueueFixture.Yonas);

        var paused = q.Do(new Pause("sara"));

        Assert.AreEqual(QueueEventKind.DutyPaused, paused.Events.Single().Kind);
        Assert.IsFalse(paused.Events.Single().Kind.IsRequestFact(), "a duty fact, kept on the duty row");
        Assert.AreEqual(q.Now, q.State.Duty["sara"].PausedAt);
        var a = q.Press();
        var b = q.Press(device: "demo-hp-2");
        Assert.AreEqual("yonas", q.Get(a).OfferedTo);
        Assert.IsNull(q.Get(b).OfferedTo, "not offered to the paused host");
        Assert.IsTrue(q.State.Duty.ContainsKey("sara"));
    }

    [TestMethod]
    public void Pausing_with_an_offer_in_hand_passes_it_on_at_once()
    {
        var q = new QueueFixture();
        q.OnDuty(QueueFixture.Sara);
        q.OnDuty(QueueFixture.Yonas);
        var id = q.Press();
        var holder = q.Get(id).OfferedTo!;

        var d = q.Do(new Pause(holder));

        CollectionAssert.AreEqual(
            new[] { QueueEventKind.DutyPaused, QueueEventKind.OfferTimeout, QueueEventKind.Offered },
            d.Events.Select(e => e.Kind).ToList());
        Assert.AreNotEqual(holder, q.Get(id).OfferedTo);
    }

    [TestMethod]
    public void A_resumed_host_is_offered_what_waits()
    {
        var q = new QueueFixture();
        q.OnDuty(QueueFixture.Sara);
        q.Do(new Pause("sara"));
        var id = q.Press();
        Assert.IsNull(q.Get(id).OfferedTo);

        var resumed = q.Do(new Resume("sara"));

        Assert.AreEqual(QueueEventKind.DutyResumed, resumed.Events[0].Kind);
        Assert.IsNull(q.State.Duty["sara"].PausedAt);
        Assert.AreEqual("sara", q.Get(id).OfferedTo);
    }

    [TestMethod]
    public void When_every_host_is_on_a_break_the_desk_and_managers_are_asked_at_once_and_the_visitor_keeps_their_place()
    {
        var q = new QueueFixture();
        q.State.SetManagers(["boss"]);
        q.OnDuty(QueueFixture.Sara);
        q.OnDuty(QueueFixture.Desk);
        q.Do(new Pause("sara"));

        var id = q.Press();

        var escalated = q.EventsOf(id).Single(e => e.Kind == QueueEventKind.Escalated);
        CollectionAssert.AreEqual(new[] { "desk", "boss" }, escalated.Audience!.ToList(), "paused hosts are not asked");
        var ticket = BranchQueue.TicketOf(q.State, q.Get(id));
        Assert.AreEqual("queued", ticket.State);
        Assert.AreEqual(1, ticket.Position);
    }

    [TestMethod]
    public void The_wait_estimate_counts_only_hosts_who_are_not_on_a_break()
    {
        var q = new QueueFixture();
        q.OnDuty(QueueFixture.Sara);
        q.OnDuty(QueueFixture.Yonas);
        q.Press();
        var second = q.Press(device: "demo-hp-2");
        Assert.AreEqual(120, BranchQueue.TicketOf(q.State, q.Get(second)).WaitS, "2 × 120 s ÷ 2 hosts");

        q.Do(new Pause("yonas"));

        Assert.AreEqual(240, BranchQueue.TicketOf(q.State, q.Get(second)).WaitS, "2 × 120 s ÷ 1 host");
    }

    [TestMethod]
    public void Pausing_twice_changes_nothing_and_only_hosts_on_duty_can_pause()
    {
        var q = new QueueFixture();
        q.OnDuty(QueueFixture.Sara);
        q.Do(new Pause("sara"));
        var since = q.State.Duty["sara"].PausedAt;
        q.Now += TimeSpan.FromMinutes(1);

        Assert.IsTrue(q.Do(new Pause("sara")) is { IsSuccess: true, Events.Count: 0 });
        Assert.AreEqual(since, q.State.Duty["sara"].PausedAt);
        Assert.AreEqual(ErrorKind.Conflict, q.Do(new Resume("yonas")).Error?.Kind);
        Assert.AreEqual("you are not on duty", q.Do(new Pause("yonas")).Error?.Message);
    }

    [TestMethod]
    public void Changing_languages_keeps_the_break_and_ending_the_shift_ends_it()
    {
        var q = new QueueFixture();
        q.OnDuty(QueueFixture.Sara, "sv");
        q.Do(new Pause("sara"));

        q.OnDuty(QueueFixture.Sara, "sv", "ar");
        Assert.IsNotNull(q.State.Duty["sara"].PausedAt, "still on a break");

        var off = q.Do(new DutyOff("sara", null));
        Assert.IsNull(off.Events.Single(e => e.Kind == QueueEventKind.DutyEnded).Duty!.PausedAt);
        q.OnDuty(QueueFixture.Sara, "sv");
        Assert.IsNull(q.State.Duty["sara"].PausedAt, "a new shift starts taking requests");
    }

    [TestMethod]
    public void A_host_who_is_helping_someone_keeps_that_request_while_on_a_break()
    {
        var q = new QueueFixture();
        q.OnDuty(QueueFixture.Sara);
        var id = q.Press();
        q.Do(new Accept(QueueFixture.Sara, id));

        q.Do(new Pause("sara"));

        Assert.AreEqual(RequestState.Assigned, q.Get(id).State);
        Assert.AreEqual("sara", q.Get(id).HostUser);
    }
}
