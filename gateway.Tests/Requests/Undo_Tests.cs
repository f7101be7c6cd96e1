using HelpPoint.Domain.Requests;
using HelpPoint.Gateway.Tests.Support;

namespace HelpPoint.Gateway.Tests.Requests;

/// <summary>Undo of a mistaken "done": the same host, within 10 s, before the visitor rated it; the help point follows.</summary>
[TestClass]
public sealed class Undo_Tests
{
    [TestMethod]
    public async Task Done_can_be_reopened_within_ten_seconds_by_the_same_host_and_the_device_is_told()
    {
        await using var scene = await RoutingScene.StartAsync();
        await scene.OnDutyAsync(RoutingScene.Host1, "sv");
        await scene.OnDutyAsync(RoutingScene.Host2, "sv");
        await using var device = await scene.Gateway.DeviceAsync();
        await device.SubscribeTicketAsync();
        var id = await scene.PressAsync("sv");
        await scene.AcceptAsync(RoutingScene.Host1, id);
        Assert.IsTrue((await scene.Requests.DoneAsync(RoutingScene.Host1, id, "no-show")).IsSuccess);
        await scene.AdvanceAsync(TimeSpan.FromSeconds(9));

        var other = await scene.Requests.ReopenAsync(RoutingScene.Host2, id);
        var reopened = await scene.Requests.ReopenAsync(RoutingScene.Host1, id);

        Assert.AreEqual("only the host who finished it can undo", other.Error?.Message);
        Assert.IsTrue(reopened.IsSuccess, reopened.Error?.Message);
        var stored = await scene.GetAsync(id);
        Assert.AreEqual((RequestState.Assigned, null, null, "host1"), (stored.State, stored.Outcome, stored.FinishedAt, stored.HostUser));
        Assert.IsNotNull(await device.WaitForTicketAsync(id, "assigned"));
        CollectionAssert.AreEqual(new[] { "accepted", "done", "reopened" }, (await scene.EventKindsAsync(id)).TakeLast(3).ToArray());
    }

    [TestMethod]
    public async Task Done_cannot_be_reopened_after_ten_seconds_or_after_the_visitor_rated_it()
    {
        await using var scene = await RoutingScene.StartAsync();
        await scene.OnDutyAsync(RoutingScene.Host1, "sv");
        var late = await scene.PressAsync("sv");
        await scene.AcceptAsync(RoutingScene.Host1, late);
        await scene.Requests.DoneAsync(RoutingScene.Host1, late);
        await scene.AdvanceAsync(TimeSpan.FromSeconds(11));
        Assert.AreEqual("too late to undo", (await scene.Requests.ReopenAsync(RoutingScene.Host1, late)).Error?.Message);

        var rated = await scene.PressAsync("sv");
        await scene.AcceptAsync(RoutingScene.Host1, rated);
        await scene.Requests.DoneAsync(RoutingScene.Host1, rated);
        Assert.IsTrue((await scene.Requests.FeedbackAsync("demo", "demo-hp-1", rated, 3)).IsSuccess);
        Assert.AreEqual("the visitor has already rated the help", (await scene.Requests.ReopenAsync(RoutingScene.Host1, rated)).Error?.Message);
    }
}
