using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HelpPoint.Domain.Requests;
using HelpPoint.Domain.Staff;
using HelpPoint.Gateway.Tests.Support;

namespace HelpPoint.Gateway.Tests.Routing;

/// <summary>The escalation ladder and pauses through the whole gateway: engine, storage, live views, HTTP; on a fake clock.</summary>
[TestClass]
public sealed class Escalation_Scenario_Tests
{
    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task Nobody_answering_asks_every_host_the_desk_and_the_manager_then_again_louder_until_someone_takes_it(string provider)
    {
        await using var scene = await RoutingScene.StartAsync(provider);
        var desk = await scene.AddStaffAsync("desk1", "Info desk", StaffRole.Desk);
        await scene.Gateway.Get<IStaffStore>().UpsertAsync(new StaffUser
        {
            UserName = "boss1",
            DisplayName = "Boss",
            Role = StaffRole.Manager,
            Branches = ["demo"],
            SecretHash = "unused",
        });
        foreach (var user in new[] { "host1", "host2", "desk1", "boss1" })
        {
            scene.Watch(user);
        }

        await scene.OnDutyAsync(desk);
        await scene.OnDutyAsync(RoutingScene.Host1, "sv");
        await scene.OnDutyAsync(RoutingScene.Host2, "sv");
        var id = await scene.PressAsync("sv");

        await scene.AdvanceAsync(TimeSpan.FromSeconds(61));
        await scene.AdvanceAsync(TimeSpan.FromSeconds(61));
        foreach (var user in new[] { "host1", "host2", "desk1", "boss1" })
        {
            Assert.IsTrue(scene.Drain(user).Any(e => e.Type == StaffNoticeKinds.Escalation), $"{user} is asked when everyone has passed");
        }

        var stored = await scene.GetAsync(id);
        Assert.IsTrue(stored.Escalated);
        Assert.AreEqual(RoutingScene.Start.AddSeconds(122 + 120), stored.RepeatAt, "the repeat time is stored with the request");

        // Half an hour with nobody answering: still queued, still being asked every two minutes.
        for (var i = 0; i < 15; i++)
        {
            await scene.AdvanceAsync(TimeSpan.FromSeconds(120));
        }

        var kinds = await scene.EventKindsAsync(id);
        Assert.AreEqual(1, kinds.Count(k => k == "escalated"), "escalated once, for the statistics");
        Assert.AreEqual(15, kinds.Count(k => k == "escalated-again"));
        Assert.AreEqual(RequestState.Queued, (await scene.GetAsync(id)).State);
        foreach (var user in new[] { "host1", "host2", "desk1", "boss1" })
        {
            Assert.AreEqual(15, scene.Drain(user).Count(e => e.Type == StaffNoticeKinds.EscalationRepeat), $"{user} hears every repeat");
        }

        Assert.AreEqual(RequestState.Assigned, (await scene.AcceptAsync(RoutingScene.Host2, id)).State);
        await scene.AdvanceAsync(TimeSpan.FromMinutes(5));
        Assert.AreEqual(0, scene.Drain("host1").Count(e => e.Type == StaffNoticeKinds.EscalationRepeat), "no repeat after an accept");
        Assert.IsNull((await scene.GetAsync(id)).RepeatAt);
    }

    [TestMethod]
    public async Task A_host_pauses_and_resumes_over_http_and_gets_no_offer_while_paused()
    {
        await using var scene = await RoutingScene.StartAsync();
        using var host1 = await scene.Gateway.HostOnDutyAsync("host1", "1111");
        using var host2 = await scene.Gateway.HostOnDutyAsync("host2", "2222");

        var paused = await host1.PutAsJsonAsync("/api/v1/me/duty/pause", new { paused = true });
        Assert.AreEqual(HttpStatusCode.OK, paused.StatusCode);
        var body = await paused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.IsTrue(body.GetProperty("paused").GetBoolean());
        Assert.IsTrue(body.GetProperty("onDuty").GetBoolean(), "the shift goes on");
        Assert.IsTrue((await host1.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("duty").GetProperty("paused").GetBoolean());

        var first = await scene.PressAsync();
        var second = await scene.PressAsync(device: "demo-hp-2");
        Assert.AreEqual("host2", (await scene.GetAsync(first)).OfferedTo);
        Assert.IsNull((await scene.GetAsync(second)).OfferedTo, "nobody else to offer it to");

        var resumed = await host1.PutAsJsonAsync("/api/v1/me/duty/pause", new { paused = false });
        Assert.IsFalse((await resumed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("paused").GetBoolean());
        Assert.AreEqual("host1", (await scene.GetAsync(second)).OfferedTo);

        Assert.AreEqual(HttpStatusCode.BadRequest, (await host1.PutAsJsonAsync("/api/v1/me/duty/pause", new { })).StatusCode);
        using var offDuty = await scene.Gateway.SignInAsync("host2", "2222");
        await offDuty.PutAsJsonAsync("/api/v1/me/duty", new { branch = "demo", onDuty = false });
        Assert.AreEqual(HttpStatusCode.Conflict, (await offDuty.PutAsJsonAsync("/api/v1/me/duty/pause", new { paused = true })).StatusCode);
        using var manager = await scene.Gateway.SignInAsync("manager", "demo-manager");
        Assert.AreEqual(HttpStatusCode.Forbidden, (await manager.PutAsJsonAsync("/api/v1/me/duty/pause", new { paused = true })).StatusCode);
    }
}
