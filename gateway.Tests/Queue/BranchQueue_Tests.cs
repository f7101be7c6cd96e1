using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Common;
using HelpPoint.Domain.Duty;
using HelpPoint.Domain.Queue;
using HelpPoint.Domain.Requests;
using HelpPoint.Domain.Routing;

namespace HelpPoint.Gateway.Tests.Queue;

/// <summary>The pure branch queue: decide and apply, driven directly with a moved clock.</summary>
[TestClass]
public sealed class BranchQueue_Tests
{
    [TestMethod]
    public void A_press_with_a_host_on_duty_is_queued_numbered_and_offered_to_that_host()
    {
        var q = new QueueFixture();
        q.OnDuty(QueueFixture.Sara, "sv");

        var id = q.Press("sv");

        var r = q.Get(id);
        Assert.AreEqual(RequestState.Queued, r.State);
        Assert.AreEqual("1", r.Ticket);
        Assert.AreEqual("sara", r.OfferedTo);
        Assert.AreEqual(q.Now.AddSeconds(60), r.OfferExpiresAt);
        CollectionAssert.AreEqual(new[] { QueueEventKind.Created, QueueEventKind.Offered }, q.KindsOf(id));
    }

    [TestMethod]
    public void A_press_with_nobody_on_duty_is_recorded_as_unstaffed_and_never_waits()
    {
        var q = new QueueFixture();
        q.OnDuty(QueueFixture.Desk);

        var id = q.Press();

        Assert.AreEqual(RequestState.Unstaffed, q.Get(id).State);
        Assert.AreEqual(0, q.State.Open.Count);
        CollectionAssert.AreEqual(new[] { QueueEventKind.Unstaffed }, q.KindsOf(id));
    }

    [TestMethod]
    public void The_same_id_pressed_again_is_the_same_request_and_only_resends_its_ticket()
    {
        var q = new QueueFixture();
        q.OnDuty(QueueFixture.Sara);
        var id = q.Press();

        var again = q.Do(new Press("demo-hp-1", id, "print", null, 0));

        Assert.IsTrue(again.IsSuccess);
        Assert.IsTrue(again.ResendTicket);
        Assert.AreEqual(0, again.Events.Count, "no second ticket, no new fact");
        Assert.AreEqual("bankid", q.Get(id).Category);
        Assert.AreEqual(1, q.State.LastTicket);
    }

    [TestMethod]
    public void A_help_point_with_an_open_request_gets_that_requests_ticket_for_a_new_press()
    {
        var q = new QueueFixture();
        q.OnDuty(QueueFixture.Sara);
        var first = q.Press();

        // Waiting and offered, then being helped: open either way.
        var flood = Enumerable.Range(2, 30).Select(n => q.Do(new Press("demo-hp-1", $"demo-hp-1-{n:D6}", "print", null, 0))).ToList();
        Assert.IsTrue(q.Do(new Accept(QueueFixture.Sara, first)).IsSuccess);
        var whileHelped = q.Do(new Press("demo-hp-1", "demo-hp-1-000040", "swish", null, 0));

        foreach (var d in flood.Append(whileHelped))
        {
            Assert.IsTrue(d.IsSuccess, d.Error?.Message);
            Assert.AreEqual(0, d.Events.Count, "no new request, no offer to any host");
            Assert.IsTrue(d.ResendTicket);
            Assert.AreEqual(first, d.Answer, "the device is told the ticket it already has");
        }

        Assert.AreEqual(1, q.State.Known.Count);
        Assert.AreEqual(1, q.State.LastTicket);
        Assert.AreEqual(1, q.Log.Count(e => e.Kind == QueueEventKind.Offered), "offered once");

        // Another help point is not affected.
        Assert.AreEqual("2", q.Get(q.Press(device: "demo-hp-2")).Ticket);
    }

    [TestMethod]
    public void Once_the_open_request_ends_the_next_press_is_a_new_request()
    {
        var q = new QueueFixture();
        q.OnDuty(QueueFixture.Sara);
        var cancelled = q.Press();
        Assert.IsTrue(q.Do(new DeviceCancel("demo-hp-1", cancelled)).IsSuccess);
        var helped = q.Press();
        Assert.AreNotEqual(cancelled, helped);
        q.Do(new Accept(QueueFixture.Sara, helped));
        q.Do(new Finish(QueueFixture.Sara, helped, null, null));

        var next = q.Press();

        Assert.AreEqual("3", q.Get(next).Ticket);
        Assert.AreEqual(RequestState.Queued, q.Get(next).State);
    }

    [TestMethod]
    public void A_replay_of_the_open_press_is_still_only_its_own_ticket()
    {
        var q = new QueueFixture();
        q.OnDuty(QueueFixture.Sara);
        var id = q.Press();
        q.Do(new Press("demo-hp-1", "demo-hp-1-000099", "print", null, 0));

        var replay = q.Do(new Press("demo-hp-1", id, "bankid", null, 0));
        var refusedAgain = q.Do(new Press("demo-hp-1", "demo-hp-1-000099", "print", null, 0));

        Assert.IsTrue(replay.ResendTicket);
        Assert.IsNull(replay.Answer, "the same id is the same request");
        Assert.AreEqual(0, replay.Events.Count);
        Assert.AreEqual(id, refusedAgain.Answer, "a replay of a refused press is answered the same way");
        Assert.AreEqual(0, refusedAgain.Events.Count);
        Assert.IsNull(q.State.Find("demo-hp-1-000099"));
    }

    [TestMethod]
    public void Ticket_numbers_count_up_within_the_local_day_and_start_again_the_next_day()
    {
        var q = new QueueFixture();
        q.OnDuty(QueueFixture.Sara);
        Assert.AreEqual("1", q.Get(q.Press()).Ticket);
        Assert.AreEqual("2", q.Get(q.Press(device: "demo-hp-2")).Ticket);

        // 23:59:59 and 00:00:01 local time (UTC+1).
        q.Now = new DateTimeOffset(2026, 11, 23, 22, 59, 59, TimeSpan.Zero);
        Assert.AreEqual("3", q.Get(q.Press(device: "demo-hp-3")).Ticket);
        q.Now = new DateTimeOffset(2026, 11, 23, 23, 0, 1, TimeSpan.Zero);
        Assert.AreEqual("1", q.Get(q.Press(device: "demo-hp-4")).Ticket, "a new local day starts at 1");
    }

    [TestMethod]
    [DataRow("print", -1L, null, "invalid ageMs")]
    [DataRow("taxes", 0L, null, "unknown category")]
    [DataRow("print", 0L, "swedish", "invalid lang")]
    public void A_bad_press_is_refused_with_the_reason_and_changes_nothing(string category, long ageMs, string? lang, string reason)
    {
        var q = new QueueFixture();
        q.OnDuty(QueueFixture.Sara);

        var d = q.Do(new Press("demo-hp-1", "demo-hp-1-000001", category, lang, ageMs));

        Assert.AreEqual(reason, d.Error?.Message);
        Assert.AreEqual(ErrorKind.Invalid, d.Error?.Kind);
        Assert.AreEqual(0, q.State.Known.Count);
    }

    [TestMethod]
    public void An_id_of_another_device_is_refused()
    {
        var q = new QueueFixture();
        var d = q.Do(new Press("demo-hp-1", "demo-hp-2-000001", "print", null, 0));
        Assert.AreEqual("id does not belong to this device", d.Error?.Message);
    }

    [TestMethod]
    public void Deciding_changes_nothing_until_the_events_are_applied()
    {
        var q = new QueueFixture();
        q.OnDuty(QueueFixture.Sara);
        var id = q.Press();

        var first = BranchQueue.Decide(q.State, new Accept(QueueFixture.Sara, id), q.Now);
        var second = BranchQueue.Decide(q.State, new Accept(QueueFixture.Sara, id), q.Now);

        Assert.AreEqual(RequestState.Queued, q.Get(id).State);
        Assert.AreEqual(first.Events.Single(), second.Events.Single());
        BranchQueue.Apply(q.State, first.Events.Single());
        Assert.AreEqual(RequestState.Assigned, q.Get(id).State);
        Assert.AreEqual("Sara", q.Get(id).HostName);
    }

    [TestMethod]
    public void Of_two_accepts_of_one_request_only_the_first_wins()
    {
        var q = new QueueFixture();
        q.OnDuty(QueueFixture.Sara);
        q.OnDuty(QueueFixture.Yonas);
        var id = q.Press();

        var sara = q.Do(new Accept(QueueFixture.Sara, id));
        var yonas = q.Do(new Accept(QueueFixture.Yonas, id));

        Assert.IsTrue(sara.IsSuccess);
        Assert.AreEqual(ErrorKind.Conflict, yonas.Error?.Kind);
        Assert.AreEqual("already accepted by Sara", yonas.Error?.Message);
    }

    [TestMethod]
    public void Accepting_without_being_on_duty_here_is_forbidden()
    {
        var q = new QueueFixture();
        q.OnDuty(QueueFixture.Sara);
        var id = q.Press();

        var d = q.Do(new Accept(QueueFixture.Yonas, id));

        Assert.AreEqual(ErrorKind.Forbidden, d.Error?.Kind);
        Assert.AreEqual("go on duty at branch 'demo' first", d.Error?.Message);
    }

    [TestMethod]
    public void An_unanswered_offer_lapses_to_the_next_host_and_then_escalates_to_the_desk()
    {
        var q = new QueueFixture();
        q.OnDuty(QueueFixture.Sara);
        q.OnDuty(QueueFixture.Yonas);
        q.OnDuty(QueueFixture.Desk);
        var id = q.Press();
        var first = q.Get(id).OfferedTo!;

        q.Advance(TimeSpan.FromSeconds(59));
        Assert.AreEqual(first, q.Get(id).OfferedTo, "not yet lapsed");
        Assert.AreEqual(q.Now.AddSeconds(1), BranchQueue.NextDeadline(q.State), "the engine wakes when the offer lapses");

        q.Advance(TimeSpan.FromSeconds(1));
        var second = q.Get(id).OfferedTo!;
        Assert.AreNotEqual(first, second);

        q.Advance(TimeSpan.FromSeconds(60));
        Assert.IsTrue(q.Get(id).Escalated);
        Assert.AreEqual(RequestState.Queued, q.Get(id).State, "the visitor keeps waiting");
        CollectionAssert.AreEqual(
            new[] { QueueEventKind.Created, QueueEventKind.Offered, QueueEventKind.OfferTimeout, QueueEventKind.Offered, QueueEventKind.OfferTimeout, QueueEventKind.Escalated },
            q.KindsOf(id));
    }

    [TestMethod]
    public void Not_now_offers_the_request_to_the_next_host_at_once()
    {
        var q = new QueueFixture();
        q.OnDuty(QueueFixture.Sara);
        q.OnDuty(QueueFixture.Yonas);
        var id = q.Press();
        var first = q.Get(id).OfferedTo!;
        var decliner = first == "sara" ? QueueFixture.Sara : QueueFixture.Yonas;

        Assert.IsTrue(q.Do(new Decline(decliner, id)).IsSuccess);

        Assert.AreNotEqual(first, q.Get(id).OfferedTo);
        Assert.AreEqual("this request is not offered to you", q.Do(new Decline(decliner, id)).Error?.Message);
    }

    [TestMethod]
    public void A_visitor_who_speaks_arabic_is_offered_to_the_host_who_speaks_it()
    {
        var q = new QueueFixture();
        q.OnDuty(QueueFixture.Sara, "sv");
        q.OnDuty(QueueFixture.Yonas, "sv", "ar");

        Assert.AreEqual("yonas", q.Get(q.Press("ar")).OfferedTo);
    }

    [TestMethod]
    public void A_released_request_goes_to_the_front_and_to_another_host()
    {
        var q = new QueueFixture();
        q.OnDuty(QueueFixture.Sara);
        var first = q.Press();
        Assert.IsTrue(q.Do(new Accept(QueueFixture.Sara, first)).IsSuccess);
        q.Now += TimeSpan.FromMinutes(1);
        var second = q.Press(device: "demo-hp-2");
        q.OnDuty(QueueFixture.Yonas);

        Assert.IsTrue(q.Do(new Release(QueueFixture.Sara, first)).IsSuccess);

        Assert.AreEqual(first, q.State.Open[0].Id, "back at the front");
        Assert.AreEqual(second, q.State.Open[1].Id);
        Assert.AreEqual(1, BranchQueue.TicketOf(q.State, q.Get(first)).Position);
        Assert.AreEqual("yonas", q.Get(first).OfferedTo, "not offered again to the host who handed it back");
    }

    [TestMethod]
    public void Ending_a_shift_hands_the_hosts_requests_to_the_front_for_the_next_host()
    {
        var q = new QueueFixture();
        q.OnDuty(QueueFixture.Sara);
        q.OnDuty(QueueFixture.Yonas);
        var id = q.Press();
        var host = q.Get(id).OfferedTo == "sara" ? QueueFixture.Sara : QueueFixture.Yonas;
        Assert.IsTrue(q.Do(new Accept(host, id)).IsSuccess);

        var off = q.Do(new DutyOff(host.UserName, null));

        Assert.IsFalse(q.State.Duty.ContainsKey(host.UserName));
        Assert.AreEqual(RequestState.Queued, q.Get(id).State);
        Assert.AreNotEqual(host.UserName, q.Get(id).OfferedTo);
        Assert.AreEqual($"shift-end:{host.UserName}", off.Events.Single(e => e.Kind == QueueEventKind.Released).Actor);
    }

    [TestMethod]
    public void Requests_still_waiting_at_closing_time_expire_and_those_being_helped_do_not()
    {
        var q = new QueueFixture(new Branch { Id = "demo", Name = "Demo", OpeningHours = "mon-fri 10:00-19:00" });
        q.OnDuty(QueueFixture.Sara);
        var waiting = q.Press(device: "demo-hp-2");
        var helped = q.Press();
        q.Do(new Decline(QueueFixture.Sara, waiting));
        Assert.IsTrue(q.Do(new Accept(QueueFixture.Sara, helped)).IsSuccess);

        q.Now = new DateTimeOffset(2026, 11, 23, 17, 59, 59, TimeSpan.Zero);
        q.Do(new Tick());
        Assert.AreEqual(RequestState.Queued, q.Get(waiting).State);

        q.Advance(TimeSpan.FromSeconds(2));
        Assert.AreEqual(RequestState.Expired, q.Get(waiting).State);
        Assert.AreEqual(RequestState.Assigned, q.Get(helped).State);
    }

    [TestMethod]
    public void An_idle_host_is_asked_and_taken_off_duty_only_without_an_answer()
    {
        var q = new QueueFixture();
        q.OnDuty(QueueFixture.Sara);
        q.OnDuty(QueueFixture.Yonas);

        q.Advance(TimeSpan.FromMinutes(91));
        Assert.IsNotNull(q.State.Duty["sara"].PromptedAt);
        Assert.IsNotNull(q.State.Duty["yonas"].PromptedAt);
        Assert.IsTrue(q.Do(new StillHere("yonas")).IsSuccess);

        q.Advance(TimeSpan.FromMinutes(11));
        Assert.IsFalse(q.State.Duty.ContainsKey("sara"), "no answer: off duty");
        Assert.IsTrue(q.State.Duty.ContainsKey("yonas"), "answered: still on duty");
        Assert.AreEqual("you are not on duty", q.Do(new StillHere("sara")).Error?.Message);
    }

    [TestMethod]
    public void A_mistaken_done_can_be_undone_by_its_host_within_ten_seconds_before_any_rating()
    {
        var q = new QueueFixture();
        q.OnDuty(QueueFixture.Sara);
        q.OnDuty(QueueFixture.Yonas);
        var id = q.Press();
        Assert.IsTrue(q.Do(new Accept(QueueFixture.Sara, id)).IsSuccess);
        Assert.IsTrue(q.Do(new Finish(QueueFixture.Sara, id, "no-show", null)).IsSuccess);

        Assert.AreEqual("only the host who finished it can undo", q.Do(new Reopen(QueueFixture.Yonas, id)).Error?.Message);
        q.Now += TimeSpan.FromSeconds(10);
        Assert.IsTrue(q.Do(new Reopen(QueueFixture.Sara, id)).IsSuccess);
        Assert.AreEqual(RequestState.Assigned, q.Get(id).State);
        Assert.IsNull(q.Get(id).Outcome);

        Assert.IsTrue(q.Do(new Finish(QueueFixture.Sara, id, null, null)).IsSuccess);
        q.Now += TimeSpan.FromSeconds(11);
        Assert.AreEqual("too late to undo", q.Do(new Reopen(QueueFixture.Sara, id)).Error?.Message);
    }

    [TestMethod]
    public void Feedback_is_taken_once_and_only_after_help_is_done()
    {
        var q = new QueueFixture();
        q.OnDuty(QueueFixture.Sara);
        var id = q.Press();
        Assert.AreEqual(ErrorKind.Conflict, q.Do(new GiveFeedback("demo-hp-1", id, 3)).Error?.Kind);
        q.Do(new Accept(QueueFixture.Sara, id));
        q.Do(new Finish(QueueFixture.Sara, id, null, "print"));

        Assert.AreEqual("invalid score", q.Do(new GiveFeedback("demo-hp-1", id, 4)).Error?.Message);
        Assert.AreEqual("unknown request", q.Do(new GiveFeedback("demo-hp-2", id, 3)).Error?.Message, "another device cannot rate it");
        Assert.IsTrue(q.Do(new GiveFeedback("demo-hp-1", id, 3)).IsSuccess);
        Assert.AreEqual(ErrorKind.Conflict, q.Do(new GiveFeedback("demo-hp-1", id, 1)).Error?.Kind);
        Assert.AreEqual(3, q.Get(id).Feedback);
        Assert.AreEqual("print", q.Get(id).Category, "the corrected category");
    }

    [TestMethod]
    public void The_wait_estimate_uses_recent_handling_times_and_the_hosts_on_duty()
    {
        var q = new QueueFixture();
        q.OnDuty(QueueFixture.Sara);
        Assert.AreEqual(120, q.State.HandlingS, "the branch default without history");
        for (var i = 0; i < 3; i++)
        {
            var id = q.Press();
            q.Do(new Accept(QueueFixture.Sara, id));
            q.Now += TimeSpan.FromMinutes(5);
            q.Do(new Finish(QueueFixture.Sara, id, null, null));
        }

        var w1 = q.Press(device: "demo-hp-2");
        var w2 = q.Press(device: "demo-hp-3");
        Assert.AreEqual(300, BranchQueue.TicketOf(q.State, q.Get(w1)).WaitS);
        Assert.AreEqual(600, BranchQueue.TicketOf(q.State, q.Get(w2)).WaitS);
        q.OnDuty(QueueFixture.Yonas);
        Assert.AreEqual(300, BranchQueue.TicketOf(q.State, q.Get(w2)).WaitS, "two hosts halve the wait");
    }

    [TestMethod]
    public void A_state_restored_from_its_rows_decides_as_the_original_would()
    {
        var q = new QueueFixture();
        q.OnDuty(QueueFixture.Sara);
        q.OnDuty(QueueFixture.Yonas);
        var a = q.Press();
        var b = q.Press(device: "demo-hp-2");
        q.Do(new Accept(QueueFixture.Sara, a));

        var restored = BranchQueueState.Restore(
            q.State.Branch, q.State.Settings, q.State.Known.Values, q.State.Duty.Values, q.State.TicketDay, q.State.LastTicket, []);

        CollectionAssert.AreEqual(q.State.Open.Select(r => r.Id).ToList(), restored.Open.Select(r => r.Id).ToList());
        var next = new Press("demo-hp-3", "demo-hp-3-000001", "print", null, 0);
        var original = BranchQueue.Handle(q.State, next, q.Now);
        var again = BranchQueue.Handle(restored, next, q.Now);
        Assert.AreEqual(original.Events.Count, again.Events.Count);
        Assert.AreEqual("3", restored.Find(next.Id)!.Ticket);
        Assert.AreEqual(q.State.Find(next.Id)!.OfferedTo, restored.Find(next.Id)!.OfferedTo);
        Assert.AreEqual(q.Get(b).OfferedTo, restored.Find(b)!.OfferedTo);
    }

    [TestMethod]
    public void With_nothing_waiting_and_nobody_on_duty_there_is_no_deadline()
    {
        var q = new QueueFixture();
        Assert.IsNull(BranchQueue.NextDeadline(q.State));
        Assert.AreEqual(0, BranchQueue.Route(q.State, q.Now).Count);
    }

    [TestMethod]
    public void Finished_requests_are_forgotten_after_a_while_but_each_devices_latest_is_kept()
    {
        var q = new QueueFixture();
        q.OnDuty(QueueFixture.Sara);
        var old = q.Press();
        q.Do(new StaffCancel(QueueFixture.Manager, old));
        var latest = q.Press();
        q.Do(new StaffCancel(QueueFixture.Manager, latest));

        var forgotten = q.State.Prune(q.Now.AddSeconds(1));

        CollectionAssert.AreEqual(new[] { old }, forgotten.ToList());
        Assert.IsNotNull(q.State.Find(latest));
    }
}
