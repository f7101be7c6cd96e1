using HelpPoint.Domain.Staff;
using HelpPoint.Gateway.Requests.Engine;
using HelpPoint.Gateway.Storage;
using HelpPoint.Gateway.Tests.Support;

namespace HelpPoint.Gateway.Tests.Requests;

/// <summary>
/// The branch engine holds its branch in memory: a press, an accept and a cancel read nothing from the database and each
/// is one commit (shared with whatever else is waiting), counted by the gateway's own statement counter.
/// </summary>
[TestClass]
public sealed class Statement_Count_Tests
{
    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task A_press_an_accept_and_a_cancel_each_issue_no_select_and_one_commit(string provider)
    {
        await using var gw = await TestGateway.StartOnAsync(provider);
        var engines = gw.Get<BranchEngines>();
        var counter = gw.Get<DbFactory>().Statements;
        var sara = new Actor("host1", "Sara", StaffRole.Host);
        Assert.IsTrue((await engines.SetDutyAsync(sara, "demo", true, ["sv"])).IsSuccess);
        await using var device = await gw.DeviceAsync("demo-hp-1");
        await device.SubscribeTicketAsync();

        // The device's first press is checked once against storage (it may be a resend from before a restart).
        await device.RequestAsync(1);
        Assert.IsNotNull(await device.WaitForTicketAsync("demo-hp-1-000001", "queued"));
        await device.PublishAsync("cancel", """{"id":"demo-hp-1-000001"}""");
        Assert.IsNotNull(await device.WaitForTicketAsync("demo-hp-1-000001", "cancelled"), "one open request per help point");
        StatementCounter.MarkHotPath();

        var before = counter.HotPath();
        await device.RequestAsync(2);
        var press = counter.HotPath() - before;
        Assert.IsNotNull(await device.WaitForTicketAsync("demo-hp-1-000002", "queued"));

        before = counter.HotPath();
        Assert.IsTrue((await engines.AcceptAsync(sara, "demo-hp-1-000002")).IsSuccess);
        var accept = counter.HotPath() - before;

        before = counter.HotPath();
        await device.PublishAsync("cancel", """{"id":"demo-hp-1-000002"}""");
        var cancel = counter.HotPath() - before;
        Assert.IsNotNull(await device.WaitForTicketAsync("demo-hp-1-000002", "cancelled"));

        foreach (var (name, counts) in new[] { ("press", press), ("accept", accept), ("cancel", cancel) })
        {
            Console.WriteLine($"{provider} {name}: {counts}");
            Assert.AreEqual(0, counts.Select, $"{name} must not read the database");
            Assert.AreEqual(1, counts.Commits, $"{name} is one commit");
            Assert.IsTrue(counts.Insert + counts.Update > 0, $"{name} is stored");
        }
    }
}
