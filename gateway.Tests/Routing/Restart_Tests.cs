using System.Net.Http.Json;
using System.Text.Json;
using HelpPoint.Domain.Devices;
using HelpPoint.Gateway.Auth;
using HelpPoint.Gateway.Tests.Support;

namespace HelpPoint.Gateway.Tests.Routing;

/// <summary>A gateway killed hard (SIGKILL) with requests in every state comes back with all of them.</summary>
[TestClass]
public sealed class Restart_Tests
{
    private static readonly string[] Devices = ["hp-unstaffed", "hp-done", "hp-cancelled", "hp-assigned", "hp-queued"];

    [TestMethod]
    public async Task After_a_hard_kill_every_request_every_device_state_and_the_pending_offer_timer_resume()
    {
        var data = Path.Combine(Path.GetTempPath(), "hp-restart-" + Guid.NewGuid().ToString("N"));
        var mqttPort = Ports.FreeTcpPort();
        var httpPort = Ports.FreeTcpPort();

        // Register five more help points of the demo branch, one per request state.
        await using (var seed = await TestGateway.StartAsync(dataPath: data, mqttPort: mqttPort))
        {
            foreach (var id in Devices)
            {
                await seed.Get<IDeviceStore>().UpsertAsync(new Device { Id = id, Branch = "demo", SecretHash = SecretHasher.HashDeviceSecret("s3cret-" + id) });
            }
        }

        Dictionary<string, string> ids;
        await using (var first = await GatewayProcess.StartAsync(data, mqttPort, httpPort, "--Routing:TickMs=200"))
        {
            using var manager = await SignInAsync(first.Http, "manager", "demo-manager");
            (await manager.PutAsJsonAsync("/api/v1/branches/demo", new { acceptTimeoutS = 5 })).EnsureSuccessStatusCode();
            ids = Devices.ToDictionary(d => d, d => $"{d}-000001");

            await PressAsync(mqttPort, "hp-unstaffed", "unstaffed");
            using var host1 = await OnDutyAsync(first.Http, "host1", "1111");
            using var host2 = await OnDutyAsync(first.Http, "host2", "2222");
            await PressAsync(mqttPort, "hp-done", "queued");
            await host1.PostAsync($"/api/v1/requests/{ids["hp-done"]}/accept", null);
            (await host1.PostAsJsonAsync($"/api/v1/requests/{ids["hp-done"]}/done", new { outcome = "helped" })).EnsureSuccessStatusCode();
            await PressAsync(mqttPort, "hp-cancelled", "queued");
            (await host1.PostAsync($"/api/v1/requests/{ids["hp-cancelled"]}/cancel", null)).EnsureSuccessStatusCode();
            await PressAsync(mqttPort, "hp-assigned", "queued");
            (await host1.PostAsync($"/api/v1/requests/{ids["hp-assigned"]}/accept", null)).EnsureSuccessStatusCode();
            await PressAsync(mqttPort, "hp-queued", "queued");

            var queue = await host1.GetFromJsonAsync<JsonElement>("/api/v1/branches/demo/queue");
            var queued = queue.EnumerateArray().Single(r => r.GetProperty("id").GetString() == ids["hp-queued"]);
            Assert.AreEqual("host2", queued.GetProperty("offeredTo").GetString(), "the free host gets the offer");

            await first.KillHardAsync();
        }

        await using var second = await GatewayProcess.StartAsync(data, mqttPort, httpPort, "--Routing:TickMs=200");
        using var host = await SignInAsync(second.Http, "host1", "1111");
        var after = await host.GetFromJsonAsync<JsonElement>("/api/v1/branches/demo/queue");
        var open = after.EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!, r => r);
        Assert.AreEqual(2, open.Count, second.Output);
        Assert.AreEqual("assigned", open[ids["hp-assigned"]].GetProperty("state").GetString());
        Assert.AreEqual("Sara", open[ids["hp-assigned"]].GetProperty("host").GetString());
        Assert.AreEqual("queued", open[ids["hp-queued"]].GetProperty("state").GetString());

        // Each device, connecting afresh, is told its current state (retained ticket re-announced at start).
        var expected = new Dictionary<string, string>
        {
            ["hp-unstaffed"] = "unstaffed",
            ["hp-done"] = "done",
            ["hp-cancelled"] = "cancelled",
            ["hp-assigned"] = "assigned",
            ["hp-queued"] = "queued",
        };
        foreach (var (device, state) in expected)
        {
            await using var client = await DeviceClient.ConnectAsync(mqttPort, "demo", device, "s3cret-" + device, mqtt5: false, clientId: null);
            await client.SubscribeTicketAsync();
            Assert.IsNotNull(await client.WaitForTicketAsync(ids[device], state, TimeSpan.FromSeconds(10)), $"{device} should be told '{state}'\n{second.Output}");
        }

        // The offer to host2 had a 5 s timer when the gateway died; it lapses after the restart and host1 is offered it.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        string? offeredTo = null;
        while (DateTime.UtcNow < deadline)
        {
            var queue = await host.GetFromJsonAsync<JsonElement>("/api/v1/branches/demo/queue");
            offeredTo = queue.EnumerateArray().Single(r => r.GetProperty("id").GetString() == ids["hp-queued"]).GetProperty("offeredTo").GetString();
            if (offeredTo == "host1")
            {
                break;
            }

            await Task.Delay(250);
        }

        Assert.AreEqual("host1", offeredTo, "the pending offer timer must resume after the restart");
        await second.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }

    private static async Task PressAsync(int mqttPort, string device, string expectedState)
    {
        await using var client = await DeviceClient.ConnectAsync(mqttPort, "demo", device, "s3cret-" + device, mqtt5: false, clientId: null);
        await client.SubscribeTicketAsync();
        await client.RequestAsync(1);
        Assert.IsNotNull(await client.WaitForTicketAsync($"{device}-000001", expectedState), $"{device}: no {expectedState} ticket");
    }

    private static async Task<HttpClient> SignInAsync(Uri http, string user, string secret)
    {
        var client = new HttpClient { BaseAddress = http };
        var response = await client.PostAsJsonAsync("/api/v1/session", new { user, secret });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<HttpClient> OnDutyAsync(Uri http, string user, string secret)
    {
        var client = await SignInAsync(http, user, secret);
        (await client.PutAsJsonAsync("/api/v1/me/duty", new { branch = "demo", onDuty = true, languages = new[] { "sv" } })).EnsureSuccessStatusCode();
        return client;
    }
}
