using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HelpPoint.Gateway.Tests.Support;

namespace HelpPoint.Gateway.Tests.Http;

/// <summary>Branch settings, the roster API, and the routing-related request endpoints over HTTP.</summary>
[TestClass]
public sealed class Branches_Tests
{
    [TestMethod]
    public async Task A_manager_changes_branch_settings_and_bad_values_are_refused_clearly()
    {
        await using var gw = await TestGateway.StartAsync();
        using var manager = await gw.SignInAsync("manager", "demo-manager");

        var ok = await manager.PutAsJsonAsync("/api/v1/branches/demo", new { openingHours = "mon-fri 10:00-19:00; sat 11:00-16:00", acceptTimeoutS = 45 });
        var badHours = await manager.PutAsJsonAsync("/api/v1/branches/demo", new { openingHours = "weekdays 9-5" });
        var badZone = await manager.PutAsJsonAsync("/api/v1/branches/demo", new { timeZone = "Mars/Olympus" });
        var create = await manager.PutAsJsonAsync("/api/v1/branches/kista", new { name = "Kista" });

        Assert.AreEqual(HttpStatusCode.OK, ok.StatusCode);
        var branch = await manager.GetFromJsonAsync<JsonElement>("/api/v1/branches/demo");
        Assert.AreEqual(45, branch.GetProperty("acceptTimeoutS").GetInt32());
        Assert.AreEqual("mon-fri 10:00-19:00; sat 11:00-16:00", branch.GetProperty("openingHours").GetString());
        Assert.AreEqual(HttpStatusCode.BadRequest, badHours.StatusCode);
        StringAssert.Contains((await badHours.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), "openingHours");
        Assert.AreEqual(HttpStatusCode.BadRequest, badZone.StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, create.StatusCode, "only an admin creates branches");
    }

    [TestMethod]
    public async Task A_host_may_read_but_not_change_branch_settings_or_the_roster()
    {
        await using var gw = await TestGateway.StartAsync();
        using var host = await gw.SignInAsync("host1", "1111");

        Assert.AreEqual(HttpStatusCode.OK, (await host.GetAsync("/api/v1/branches")).StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await host.PutAsJsonAsync("/api/v1/branches/demo", new { acceptTimeoutS = 5 })).StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await host.PostAsync("/api/v1/branches/demo/roster.csv", new StringContent("host1,mon,10:00,12:00", Encoding.UTF8, "text/csv"))).StatusCode);
    }

    [TestMethod]
    public async Task The_roster_is_imported_from_csv_and_read_back()
    {
        await using var gw = await TestGateway.StartAsync();
        using var manager = await gw.SignInAsync("manager", "demo-manager");

        var imported = await manager.PostAsync("/api/v1/branches/demo/roster.csv",
            new StringContent("user,day,start,end\nhost1,mon,10:00,14:00\nhost2,tue,12:00,19:00\n", Encoding.UTF8, "text/csv"));
        var broken = await manager.PostAsync("/api/v1/branches/demo/roster.csv", new StringContent("host1;mon;10:00;14:00", Encoding.UTF8, "text/csv"));

        Assert.AreEqual(HttpStatusCode.OK, imported.StatusCode);
        var roster = await manager.GetFromJsonAsync<JsonElement>("/api/v1/branches/demo/roster");
        Assert.AreEqual(2, roster.GetArrayLength());
        Assert.AreEqual("host2", roster[1].GetProperty("user").GetString());
        Assert.AreEqual("tue", roster[1].GetProperty("day").GetString());
        Assert.AreEqual(HttpStatusCode.BadRequest, broken.StatusCode);
        StringAssert.Contains((await broken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), "line 1");
        Assert.AreEqual(2, (await manager.GetFromJsonAsync<JsonElement>("/api/v1/branches/demo/roster")).GetArrayLength(), "a broken import changes nothing");
    }

    [TestMethod]
    public async Task The_offered_host_can_say_not_now_and_finish_with_an_outcome()
    {
        await using var gw = await TestGateway.StartAsync();
        using var host1 = await gw.HostOnDutyAsync("host1", "1111");
        await using var device = await gw.DeviceAsync();
        await device.SubscribeTicketAsync();
        await device.RequestAsync(1);
        Assert.IsNotNull(await device.WaitForTicketAsync("demo-hp-1-000001", "queued"));
        var queue = await host1.GetFromJsonAsync<JsonElement>("/api/v1/branches/demo/queue");
        Assert.AreEqual("host1", queue[0].GetProperty("offeredTo").GetString());

        Assert.AreEqual(HttpStatusCode.OK, (await host1.PostAsync("/api/v1/requests/demo-hp-1-000001/decline", null)).StatusCode);
        Assert.AreEqual(HttpStatusCode.Conflict, (await host1.PostAsync("/api/v1/requests/demo-hp-1-000001/decline", null)).StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, (await host1.PostAsync("/api/v1/requests/demo-hp-1-000001/accept", null)).StatusCode);
        var badOutcome = await host1.PostAsJsonAsync("/api/v1/requests/demo-hp-1-000001/done", new { outcome = "she was lovely" });
        var done = await host1.PostAsJsonAsync("/api/v1/requests/demo-hp-1-000001/done", new { outcome = "referred", category = "forms" });

        Assert.AreEqual(HttpStatusCode.BadRequest, badOutcome.StatusCode, "outcomes are a fixed list, never free text");
        Assert.AreEqual(HttpStatusCode.OK, done.StatusCode);
        Assert.AreEqual("forms", (await done.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("category").GetString());
        Assert.IsNotNull(await device.WaitForTicketAsync("demo-hp-1-000001", "done"));
    }

    [TestMethod]
    public async Task Still_here_answers_the_duty_check_only_when_on_duty()
    {
        await using var gw = await TestGateway.StartAsync();
        using var host = await gw.SignInAsync("host1", "1111");

        Assert.AreEqual(HttpStatusCode.Conflict, (await host.PostAsync("/api/v1/me/duty/still-here", null)).StatusCode);
        await host.PutAsJsonAsync("/api/v1/me/duty", new { branch = "demo", onDuty = true });
        Assert.AreEqual(HttpStatusCode.OK, (await host.PostAsync("/api/v1/me/duty/still-here", null)).StatusCode);
    }

    [TestMethod]
    public async Task A_roster_csv_up_to_256_kib_is_read_and_a_larger_one_gets_a_413_that_says_why()
    {
        await using var gw = await TestGateway.StartAsync();
        using var manager = await gw.SignInAsync("manager", "demo-manager");
        var line = "host1,mon,10:00,14:00\n";
        var fits = string.Concat(Enumerable.Repeat(line, (200 * 1024) / line.Length));
        var tooBig = string.Concat(Enumerable.Repeat(line, (300 * 1024) / line.Length));

        var ok = await manager.PostAsync("/api/v1/branches/demo/roster.csv", new StringContent(fits, System.Text.Encoding.UTF8, "text/csv"));
        var refused = await manager.PostAsync("/api/v1/branches/demo/roster.csv", new StringContent(tooBig, System.Text.Encoding.UTF8, "text/csv"));

        Assert.AreNotEqual(System.Net.HttpStatusCode.RequestEntityTooLarge, ok.StatusCode, "200 KiB is within the documented 256 KiB");
        Assert.IsTrue((int)ok.StatusCode < 500, ok.StatusCode.ToString());
        Assert.AreEqual(System.Net.HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        StringAssert.Contains(await refused.Content.ReadAsStringAsync(), "at most 256 KiB");
    }
}
