using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HelpPoint.Gateway.Tests.Support;

namespace HelpPoint.Gateway.Tests.Http;

/// <summary>The HTTP API of the contract against a real gateway.</summary>
[TestClass]
public sealed class Api_Tests
{
    [TestMethod]
    public async Task Healthz_is_ready_when_database_and_broker_are()
    {
        await using var gw = await TestGateway.StartAsync();
        using var client = gw.Client();

        var response = await client.GetAsync("/healthz");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.IsTrue(body.GetProperty("database").GetBoolean());
        Assert.IsTrue(body.GetProperty("broker").GetBoolean());
    }

    [TestMethod]
    public async Task The_openapi_document_lists_the_contract_endpoints()
    {
        await using var gw = await TestGateway.StartAsync();
        using var client = gw.Client();

        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        foreach (var path in new[]
        {
            "/api/v1/session", "/api/v1/me/duty", "/api/v1/branches/{branch}/queue", "/api/v1/requests/{id}/accept",
            "/api/v1/requests/{id}/done", "/api/v1/requests/{id}/release", "/api/v1/requests/{id}/cancel",
            "/api/v1/events", "/api/v1/stats/daily", "/api/v1/devices", "/healthz",
        })
        {
            Assert.Contains(path, paths);
        }
    }

    [TestMethod]
    [DataRow("GET", "/api/v1/branches/demo/queue")]
    [DataRow("PUT", "/api/v1/me/duty")]
    [DataRow("POST", "/api/v1/requests/demo-hp-1-000001/accept")]
    [DataRow("POST", "/api/v1/requests/demo-hp-1-000001/done")]
    [DataRow("POST", "/api/v1/requests/demo-hp-1-000001/release")]
    [DataRow("POST", "/api/v1/requests/demo-hp-1-000001/cancel")]
    [DataRow("GET", "/api/v1/events")]
    [DataRow("GET", "/api/v1/stats/daily?branch=demo")]
    [DataRow("GET", "/api/v1/devices")]
    public async Task Every_queue_endpoint_requires_a_signed_in_user(string method, string path)
    {
        await using var gw = await TestGateway.StartAsync();
        using var client = gw.Client();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) });

        Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [TestMethod]
    public async Task A_wrong_pin_is_refused_with_a_problem_body()
    {
        await using var gw = await TestGateway.StartAsync();
        using var client = gw.Client();

        var response = await client.PostAsJsonAsync("/api/v1/session", new { user = "host1", secret = "9999" });

        Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.AreEqual("wrong user or secret", problem.GetProperty("detail").GetString());
    }

    [TestMethod]
    public async Task Sign_in_sets_a_strict_http_only_cookie_and_returns_a_bearer_token()
    {
        await using var gw = await TestGateway.StartAsync();
        using var client = gw.Client();

        var response = await client.PostAsJsonAsync("/api/v1/session", new { user = "host1", secret = "1111" });

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("hp_session=", StringComparison.Ordinal));
        StringAssert.Contains(cookie, "httponly");
        StringAssert.Contains(cookie, "samesite=strict");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.IsTrue(body.GetProperty("token").GetString()!.Length >= 40);
        Assert.AreEqual("Sara", body.GetProperty("displayName").GetString());
    }

    [TestMethod]
    public async Task A_signed_out_token_no_longer_works()
    {
        await using var gw = await TestGateway.StartAsync();
        using var host = await gw.SignInAsync("host1", "1111");
        Assert.AreEqual(HttpStatusCode.OK, (await host.GetAsync("/api/v1/me")).StatusCode);

        Assert.AreEqual(HttpStatusCode.NoContent, (await host.DeleteAsync("/api/v1/session")).StatusCode);

        Assert.AreEqual(HttpStatusCode.Unauthorized, (await host.GetAsync("/api/v1/me")).StatusCode);
    }

    [TestMethod]
    public async Task A_manager_may_not_take_requests_and_a_host_may_not_read_statistics()
    {
        await using var gw = await TestGateway.StartAsync();
        using var manager = await gw.SignInAsync("manager", "demo-manager");
        using var host = await gw.SignInAsync("host1", "1111");

        Assert.AreEqual(HttpStatusCode.Forbidden, (await manager.PostAsync("/api/v1/requests/demo-hp-1-000001/accept", null)).StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await manager.PutAsJsonAsync("/api/v1/me/duty", new { branch = "demo", onDuty = true })).StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await host.GetAsync("/api/v1/stats/daily?branch=demo")).StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await host.GetAsync("/api/v1/devices")).StatusCode);
    }

    [TestMethod]
    [DataRow("""{"branch":"Demo Library","onDuty":true}""", "branch must match")]
    [DataRow("""{"branch":"demo","onDuty":true,"languages":["swedish"]}""", "ISO 639-1")]
    [DataRow("""{"branch":"nowhere","onDuty":true}""", "unknown branch")]
    [DataRow("""{"onDuty":true}""", "send {")]
    public async Task Invalid_duty_input_gets_a_clear_error(string json, string expected)
    {
        await using var gw = await TestGateway.StartAsync();
        using var host = await gw.SignInAsync("host1", "1111");

        var response = await host.PutAsync("/api/v1/me/duty", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.IsTrue(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, response.StatusCode.ToString());
        StringAssert.Contains((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), expected);
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task Accept_then_done_is_seen_by_the_device_at_every_step(string provider)
    {
        await using var gw = await TestGateway.StartOnAsync(provider);
        using var host = await gw.HostOnDutyAsync();
        await using var device = await gw.DeviceAsync();
        await device.SubscribeTicketAsync();
        await device.RequestAsync(1);
        Assert.IsNotNull(await device.WaitForTicketAsync("demo-hp-1-000001", "queued"));

        var accepted = await host.PostAsync("/api/v1/requests/demo-hp-1-000001/accept", null);
        Assert.AreEqual(HttpStatusCode.OK, accepted.StatusCode);
        var assigned = await device.WaitForTicketAsync("demo-hp-1-000001", "assigned");
        Assert.IsNotNull(assigned);
        Assert.AreEqual("Sara", assigned.Value.GetProperty("host").GetString());

        Assert.AreEqual(HttpStatusCode.OK, (await host.PostAsync("/api/v1/requests/demo-hp-1-000001/done", null)).StatusCode);
        Assert.IsNotNull(await device.WaitForTicketAsync("demo-hp-1-000001", "done"));
        Assert.AreEqual(0, (await host.GetFromJsonAsync<JsonElement>("/api/v1/branches/demo/queue")).GetArrayLength());
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task Release_puts_the_request_back_at_the_front_of_the_queue(string provider)
    {
        await using var gw = await TestGateway.StartOnAsync(provider);
        using var host = await gw.HostOnDutyAsync();
        await using var device1 = await gw.DeviceAsync("demo-hp-1");
        await using var device2 = await gw.DeviceAsync("demo-hp-2");
        await device1.SubscribeTicketAsync();
        await device1.RequestAsync(1);
        Assert.IsNotNull(await device1.WaitForTicketAsync("demo-hp-1-000001", "queued"));
        await device2.RequestAsync(1);
        await host.PostAsync("/api/v1/requests/demo-hp-1-000001/accept", null);

        Assert.AreEqual(HttpStatusCode.OK, (await host.PostAsync("/api/v1/requests/demo-hp-1-000001/release", null)).StatusCode);

        var queue = await host.GetFromJsonAsync<JsonElement>("/api/v1/branches/demo/queue");
        Assert.AreEqual("demo-hp-1-000001", queue[0].GetProperty("id").GetString());
        Assert.AreEqual("queued", queue[0].GetProperty("state").GetString());
        var ticket = await device1.WaitForTicketAsync(t => t.GetProperty("state").GetString() == "queued" && t.GetProperty("position").GetInt32() == 1 && device1.Received.Count(m => m.Topic == device1.TicketTopic) > 2);
        Assert.IsNotNull(ticket);
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task Of_concurrent_accepts_of_one_request_exactly_one_wins(string provider)
    {
        await using var gw = await TestGateway.StartOnAsync(provider);
        using var host1 = await gw.HostOnDutyAsync("host1", "1111");
        using var host2 = await gw.HostOnDutyAsync("host2", "2222");
        await using var device = await gw.DeviceAsync();
        await device.SubscribeTicketAsync();
        await device.RequestAsync(1);
        Assert.IsNotNull(await device.WaitForTicketAsync("demo-hp-1-000001", "queued"));

        var attempts = Enumerable.Range(0, 50).Select(i => (i % 2 == 0 ? host1 : host2).PostAsync("/api/v1/requests/demo-hp-1-000001/accept", null));
        var responses = await Task.WhenAll(attempts);

        Assert.AreEqual(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.AreEqual(49, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
    }

    [TestMethod]
    public async Task Accepting_an_unknown_or_malformed_id_is_answered_clearly()
    {
        await using var gw = await TestGateway.StartAsync();
        using var host = await gw.HostOnDutyAsync();

        Assert.AreEqual(HttpStatusCode.NotFound, (await host.PostAsync("/api/v1/requests/demo-hp-1-999999/accept", null)).StatusCode);
        Assert.AreEqual(HttpStatusCode.BadRequest, (await host.PostAsync("/api/v1/requests/not%20an%20id/accept", null)).StatusCode);
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task Going_off_duty_hands_assigned_requests_back_to_the_queue(string provider)
    {
        await using var gw = await TestGateway.StartOnAsync(provider);
        using var host = await gw.HostOnDutyAsync();
        await using var device = await gw.DeviceAsync();
        await device.SubscribeTicketAsync();
        await device.RequestAsync(1);
        Assert.IsNotNull(await device.WaitForTicketAsync("demo-hp-1-000001", "queued"));
        await host.PostAsync("/api/v1/requests/demo-hp-1-000001/accept", null);
        Assert.IsNotNull(await device.WaitForTicketAsync("demo-hp-1-000001", "assigned"));

        await host.PutAsJsonAsync("/api/v1/me/duty", new { branch = "demo", onDuty = false });

        var queue = await host.GetFromJsonAsync<JsonElement>("/api/v1/branches/demo/queue");
        Assert.AreEqual("queued", queue[0].GetProperty("state").GetString());
        var back = await device.WaitForTicketAsync(t => t.GetProperty("state").GetString() == "queued" && device.Received.Count(m => m.Topic == device.TicketTopic) >= 3);
        Assert.IsNotNull(back, "the device must be told it is waiting again");
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task Daily_statistics_come_as_json_and_as_the_same_figures_in_csv(string provider)
    {
        await using var gw = await TestGateway.StartOnAsync(provider);
        using var host = await gw.HostOnDutyAsync();
        using var manager = await gw.SignInAsync("manager", "demo-manager");
        await using var device = await gw.DeviceAsync();
        await device.SubscribeTicketAsync();
        // One open request per help point: each visitor is helped before the next presses.
        foreach (var (seq, category) in new[] { (1, "swish"), (2, "swish") })
        {
            await device.RequestAsync(seq, category);
            var id = $"demo-hp-1-{seq:D6}";
            Assert.IsNotNull(await device.WaitForTicketAsync(id, "queued"));
            Assert.AreEqual(HttpStatusCode.OK, (await host.PostAsync($"/api/v1/requests/{id}/accept", null)).StatusCode);
            Assert.AreEqual(HttpStatusCode.OK, (await host.PostAsync($"/api/v1/requests/{id}/done", null)).StatusCode);
        }

        await device.RequestAsync(3, "print", lang: "ar");
        Assert.IsNotNull(await device.WaitForTicketAsync("demo-hp-1-000003", "queued"));

        var json = await manager.GetFromJsonAsync<JsonElement>("/api/v1/stats/daily?branch=demo");
        var csv = await manager.GetStringAsync("/api/v1/stats/daily?branch=demo&format=csv");

        Assert.AreEqual(3, json.GetProperty("total").GetInt32());
        Assert.AreEqual(2, json.GetProperty("byCategory").GetProperty("swish").GetInt32());
        Assert.AreEqual(1, json.GetProperty("byLanguage").GetProperty("ar").GetInt32());
        StringAssert.Contains(csv, "\"total\",\"\",3\n");
        StringAssert.Contains(csv, "\"category\",\"swish\",2\n");
        StringAssert.Contains(csv, "\"language\",\"ar\",1\n");
        Assert.AreEqual(HttpStatusCode.BadRequest, (await manager.GetAsync("/api/v1/stats/daily?branch=demo&date=23-11-2026")).StatusCode);
    }
}
