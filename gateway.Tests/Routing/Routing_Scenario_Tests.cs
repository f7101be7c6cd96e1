using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Requests;
using HelpPoint.Domain.Staff;
using HelpPoint.Gateway.Tests.Support;

namespace HelpPoint.Gateway.Tests.Routing;

/// <summary>The routing engine's rules, scene by scene, on a fake clock against the real store.</summary>
[TestClass]
public sealed class Routing_Scenario_Tests
{
    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task A_request_is_offered_to_a_host_who_speaks_the_visitors_language(string provider)
    {
        await using var scene = await RoutingScene.StartAsync(provider);
        await scene.OnDutyAsync(RoutingScene.Host1, "sv", "en");
        await scene.OnDutyAsync(RoutingScene.Host2, "sv", "ar");

        var arabic = await scene.PressAsync("ar");
        var english = await scene.PressAsync("en", device: "demo-hp-2");

        Assert.AreEqual("host2", (await scene.GetAsync(arabic)).OfferedTo);
        Assert.AreEqual("host1", (await scene.GetAsync(english)).OfferedTo);
        Assert.IsTrue(scene.Drain("host2").Any(e => e.Type == "offer"), "host2's phone must get the offer");
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task Without_a_speaker_of_the_language_anyone_on_duty_is_offered_the_request(string provider)
    {
        await using var scene = await RoutingScene.StartAsync(provider);
        await scene.OnDutyAsync(RoutingScene.Host1, "sv");

        var tigrinya = await scene.PressAsync("ti");

        Assert.AreEqual("host1", (await scene.GetAsync(tigrinya)).OfferedTo);
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task Thirty_requests_rotate_fairly_across_three_hosts(string provider)
    {
        await using var scene = await RoutingScene.StartAsync(provider);
        var host3 = await scene.AddStaffAsync("host3", "Hodan", StaffRole.Host, "sv", "so");
        var hosts = new[] { RoutingScene.Host1, RoutingScene.Host2, host3 };
        foreach (var h in hosts)
        {
            await scene.OnDutyAsync(h, "sv");
        }

        var assignments = hosts.ToDictionary(h => h.UserName, _ => 0);
        for (var i = 0; i < 30; i++)
        {
            var id = await scene.PressAsync("sv");
            var offered = (await scene.GetAsync(id)).OfferedTo!;
            var host = hosts.Single(h => h.UserName == offered);
            await scene.AcceptAsync(host, id);
            scene.Clock.Advance(TimeSpan.FromSeconds(30));
            Assert.IsTrue((await scene.Requests.DoneAsync(host, id)).IsSuccess);
            assignments[offered]++;
        }

        Assert.AreEqual(30, assignments.Values.Sum());
        Assert.IsTrue(assignments.Values.Max() - assignments.Values.Min() <= 1, string.Join(", ", assignments));
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task A_host_already_helping_someone_is_skipped_while_another_is_free(string provider)
    {
        await using var scene = await RoutingScene.StartAsync(provider);
        await scene.OnDutyAsync(RoutingScene.Host1, "sv");
        await scene.OnDutyAsync(RoutingScene.Host2, "sv");
        var first = await scene.PressAsync("sv");
        var firstHost = (await scene.GetAsync(first)).OfferedTo == "host1" ? RoutingScene.Host1 : RoutingScene.Host2;
        await scene.AcceptAsync(firstHost, first);

        // The busy host was assigned longer ago than the idle one never was, yet the free host gets it.
        var second = await scene.PressAsync("sv", device: "demo-hp-2");

        Assert.AreNotEqual(firstHost.UserName, (await scene.GetAsync(second)).OfferedTo);
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task An_unanswered_offer_moves_to_the_next_host_after_the_timeout(string provider)
    {
        await using var scene = await RoutingScene.StartAsync(provider);
        await scene.OnDutyAsync(RoutingScene.Host1, "sv");
        await scene.OnDutyAsync(RoutingScene.Host2, "sv");
        var id = await scene.PressAsync("sv");
        var first = (await scene.GetAsync(id)).OfferedTo;

        await scene.AdvanceAsync(TimeSpan.FromSeconds(59));
        Assert.AreEqual(first, (await scene.GetAsync(id)).OfferedTo, "the offer holds until the timeout");

        await scene.AdvanceAsync(TimeSpan.FromSeconds(2));
        var request = await scene.GetAsync(id);
        Assert.IsNotNull(request.OfferedTo);
        Assert.AreNotEqual(first, request.OfferedTo);
        Assert.IsTrue(scene.Drain(first!).Any(e => e.Type == "offer-withdrawn"), "the first host's phone must drop the offer");
        CollectionAssert.IsSubsetOf(new[] { "offered", "offer-timeout", "offered" }, (await scene.EventKindsAsync(id)).ToList());
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task Not_now_offers_the_request_to_the_next_host_at_once(string provider)
    {
        await using var scene = await RoutingScene.StartAsync(provider);
        await scene.OnDutyAsync(RoutingScene.Host1, "sv");
        await scene.OnDutyAsync(RoutingScene.Host2, "sv");
        var id = await scene.PressAsync("sv");
        var first = (await scene.GetAsync(id)).OfferedTo == "host1" ? RoutingScene.Host1 : RoutingScene.Host2;

        Assert.IsTrue((await scene.Requests.DeclineAsync(first, id)).IsSuccess);

        Assert.AreNotEqual(first.UserName, (await scene.GetAsync(id)).OfferedTo);
        Assert.IsFalse((await scene.Requests.DeclineAsync(first, id)).IsSuccess, "a host can only decline what is offered to them");
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task When_every_host_was_tried_the_desk_is_alerted_and_the_visitor_still_waits(string provider)
    {
        await using var scene = await RoutingScene.StartAsync(provider);
        var desk = await scene.AddStaffAsync("desk1", "Info desk", StaffRole.Desk);
        await scene.OnDutyAsync(desk);
        await scene.OnDutyAsync(RoutingScene.Host1, "sv");
        await scene.OnDutyAsync(RoutingScene.Host2, "sv");
        var id = await scene.PressAsync("sv");

        await scene.AdvanceAsync(TimeSpan.FromSeconds(61));
        Assert.IsFalse((await scene.GetAsync(id)).Escalated, "one host is still untried");
        await scene.AdvanceAsync(TimeSpan.FromSeconds(61));

        var request = await scene.GetAsync(id);
        Assert.IsTrue(request.Escalated);
        Assert.AreEqual(RequestState.Queued, request.State, "the visitor's display keeps showing queued");
        Assert.IsTrue(scene.Drain("desk1").Any(e => e.Type == "escalation"), "the desk must be alerted");
        Assert.AreEqual(1, (await scene.EventKindsAsync(id)).Count(k => k == "escalated"));

        await scene.AdvanceAsync(TimeSpan.FromSeconds(120));
        Assert.AreEqual(1, (await scene.EventKindsAsync(id)).Count(k => k == "escalated"), "escalation happens once");
        Assert.AreEqual(RequestState.Assigned, (await scene.AcceptAsync(desk, id)).State, "the desk can take it");
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task With_nobody_on_duty_the_request_is_unstaffed_at_once_and_the_desk_is_told(string provider)
    {
        await using var scene = await RoutingScene.StartAsync(provider);
        var desk = await scene.AddStaffAsync("desk1", "Info desk", StaffRole.Desk);
        await scene.OnDutyAsync(desk);

        var id = await scene.PressAsync("sv");

        Assert.AreEqual(RequestState.Unstaffed, (await scene.GetAsync(id)).State);
        Assert.IsTrue(scene.Drain("desk1").Any(e => e.Type == "unstaffed"));
        Assert.AreEqual(0, (await scene.Requests.QueueAsync("demo")).Count, "an unstaffed request does not wait in the queue");
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task A_released_request_goes_to_the_front_and_to_another_host(string provider)
    {
        await using var scene = await RoutingScene.StartAsync(provider);
        await scene.OnDutyAsync(RoutingScene.Host1, "sv");
        var first = await scene.PressAsync("sv");
        await scene.AcceptAsync(RoutingScene.Host1, first);
        var second = await scene.PressAsync("sv", device: "demo-hp-2");
        await scene.OnDutyAsync(RoutingScene.Host2, "sv");

        Assert.IsTrue((await scene.Requests.ReleaseAsync(RoutingScene.Host1, first)).IsSuccess);

        var queue = await scene.Requests.QueueAsync("demo");
        Assert.AreEqual(first, queue[0].Id, "released goes to the front");
        Assert.AreEqual(second, queue[1].Id);
        var released = await scene.GetAsync(first);
        Assert.AreEqual(RequestState.Queued, released.State);
        Assert.AreNotEqual("host1", released.OfferedTo, "not straight back to the host who handed it back");
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task Ending_a_shift_hands_the_hosts_requests_to_the_next_host(string provider)
    {
        await using var scene = await RoutingScene.StartAsync(provider);
        await scene.OnDutyAsync(RoutingScene.Host1, "sv");
        await scene.OnDutyAsync(RoutingScene.Host2, "sv");
        var id = await scene.PressAsync("sv");
        var taker = (await scene.GetAsync(id)).OfferedTo == "host1" ? RoutingScene.Host1 : RoutingScene.Host2;
        var other = taker == RoutingScene.Host1 ? RoutingScene.Host2 : RoutingScene.Host1;
        await scene.AcceptAsync(taker, id);

        await scene.OffDutyAsync(taker);

        var request = await scene.GetAsync(id);
        Assert.AreEqual(RequestState.Queued, request.State);
        Assert.AreEqual(other.UserName, request.OfferedTo);
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task Requests_still_waiting_at_closing_time_expire(string provider)
    {
        await using var scene = await RoutingScene.StartAsync(provider);
        var branch = (await scene.Gateway.Get<IBranchStore>().FindAsync("demo"))!;
        branch.OpeningHours = "mon-fri 10:00-19:00; sat 11:00-16:00";
        await scene.Gateway.Get<IBranchStore>().UpsertAsync(branch);
        await scene.OnDutyAsync(RoutingScene.Host1, "sv");
        await using var device = await scene.Gateway.DeviceAsync("demo-hp-2");
        await device.SubscribeTicketAsync();
        var waiting = await scene.PressAsync("sv", device: "demo-hp-2");
        var helped = await scene.PressAsync("sv");
        await scene.AcceptAsync(RoutingScene.Host1, helped);

        // 18:59:59 local: still open (Monday, Stockholm is UTC+1 in November).
        scene.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 17, 59, 59, TimeSpan.Zero));
        await scene.TickAsync();
        Assert.AreEqual(RequestState.Queued, (await scene.GetAsync(waiting)).State);

        await scene.AdvanceAsync(TimeSpan.FromSeconds(2));

        Assert.AreEqual(RequestState.Expired, (await scene.GetAsync(waiting)).State);
        Assert.AreEqual(RequestState.Assigned, (await scene.GetAsync(helped)).State, "someone already being helped does not expire");
        Assert.IsNotNull(await device.WaitForTicketAsync(waiting, "expired"), "the visitor's display must say expired");
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task An_idle_host_is_asked_and_taken_off_duty_without_an_answer(string provider)
    {
        await using var scene = await RoutingScene.StartAsync(provider);
        await scene.OnDutyAsync(RoutingScene.Host1, "sv");
        await scene.OnDutyAsync(RoutingScene.Host2, "sv");

        await scene.AdvanceAsync(TimeSpan.FromMinutes(91));
        Assert.IsTrue(scene.Drain("host1").Any(e => e.Type == "duty-check"));
        Assert.IsTrue(scene.Drain("host2").Any(e => e.Type == "duty-check"));
        Assert.IsTrue((await scene.Duty.StillHereAsync(RoutingScene.Host2)).IsSuccess);

        await scene.AdvanceAsync(TimeSpan.FromMinutes(11));

        var duty = scene.Gateway.Get<HelpPoint.Domain.Duty.IDutyStore>();
        Assert.IsFalse((await duty.FindAsync("host1"))!.OnDuty, "no answer: off duty");
        Assert.IsTrue((await duty.FindAsync("host2"))!.OnDuty, "answered: still on duty");
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task A_rostered_shift_puts_the_host_on_and_off_duty(string provider)
    {
        await using var scene = await RoutingScene.StartAsync(provider);
        var roster = scene.Gateway.Get<HelpPoint.Domain.Duty.RosterService>();
        var imported = await roster.ImportCsvAsync("demo", "user,day,start,end\nhost1,mon,10:30,12:00\n");
        Assert.IsTrue(imported.IsSuccess, imported.Error?.Message);
        var duty = scene.Gateway.Get<HelpPoint.Domain.Duty.IDutyStore>();
        await scene.TickAsync();

        await scene.AdvanceAsync(TimeSpan.FromMinutes(31));
        Assert.IsTrue((await duty.FindAsync("host1"))?.OnDuty, "on duty from 10:30");

        await scene.AdvanceAsync(TimeSpan.FromMinutes(90));
        Assert.IsFalse((await duty.FindAsync("host1"))!.OnDuty, "off duty from 12:00");
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task A_roster_with_an_unknown_user_or_bad_time_is_refused_whole(string provider)
    {
        await using var scene = await RoutingScene.StartAsync(provider);
        var roster = scene.Gateway.Get<HelpPoint.Domain.Duty.RosterService>();

        var unknown = await roster.ImportCsvAsync("demo", "host1,mon,10:00,12:00\nnobody,tue,10:00,12:00\n");
        var backwards = await roster.ImportCsvAsync("demo", "host1,mon,12:00,10:00\n");

        StringAssert.Contains(unknown.Error!.Message, "unknown user 'nobody'");
        StringAssert.Contains(backwards.Error!.Message, "end after start");
        Assert.AreEqual(0, (await roster.ForBranchAsync("demo")).Count);
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task The_wait_estimate_follows_recent_handling_times_and_hosts_on_duty(string provider)
    {
        await using var scene = await RoutingScene.StartAsync(provider);
        await scene.OnDutyAsync(RoutingScene.Host1, "sv");
        for (var i = 0; i < 3; i++)
        {
            var id = await scene.PressAsync("sv");
            await scene.AcceptAsync(RoutingScene.Host1, id);
            scene.Clock.Advance(TimeSpan.FromMinutes(5));
            await scene.Requests.DoneAsync(RoutingScene.Host1, id);
        }

        var waiting1 = await scene.PressAsync("sv", device: "demo-hp-2");
        var waiting2 = await scene.PressAsync("sv", device: "demo-hp-3");
        var engines = scene.Requests;

        Assert.AreEqual(300, (await engines.TicketAsync(waiting1))!.WaitS, "1 visitor ahead of 5 min with one host");
        Assert.AreEqual(600, (await engines.TicketAsync(waiting2))!.WaitS);
        await scene.OnDutyAsync(RoutingScene.Host2, "sv");
        Assert.AreEqual(300, (await engines.TicketAsync(waiting2))!.WaitS, "two hosts halve the wait");
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task A_new_branch_uses_the_configured_default_estimate(string provider)
    {
        await using var scene = await RoutingScene.StartAsync(provider);
        await scene.OnDutyAsync(RoutingScene.Host1, "sv");

        var id = await scene.PressAsync("sv");

        var branch = (await scene.Gateway.Get<IBranchStore>().FindAsync("demo"))!;
        var ticket = (await scene.Requests.TicketAsync(id))!;
        Assert.AreEqual(branch.DefaultHandlingS, ticket.WaitS);
    }
}
