using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HelpPoint.Gateway.Notifications.Channels;
using HelpPoint.Gateway.Notifications.Channels.WebPush;
using HelpPoint.Gateway.Tests.Notifications;
using HelpPoint.Gateway.Tests.Support;

namespace HelpPoint.Gateway.Tests.Security;

/// <summary>
/// Server-side request forgery through Web Push: a signed-in host chooses the URL the gateway posts to, so it must be an https
/// URL on a public address, checked when the browser subscribes and again whenever the gateway connects. Only loopback is
/// ever contacted here; other addresses appear only as text that must be refused.
/// </summary>
[TestClass]
public sealed class Push_Endpoint_Tests
{
    private static readonly (string Endpoint, string Why)[] Refused =
    [
        ("https://127.0.0.1/push", "loopback"),
        ("https://127.1.2.3:8443/push", "loopback"),
        ("https://[::1]/push", "loopback"),
        ("https://[::ffff:127.0.0.1]/push", "loopback"),
        ("https://10.0.0.5/push", "private"),
        ("https://172.16.0.1/push", "private"),
        ("https://192.168.1.1/push", "private"),
        ("https://100.64.0.1/push", "shared"),
        ("https://169.254.169.254/latest/meta-data", "link-local"),
        ("https://[fe80::1]/push", "link-local"),
        ("https://[fd12:3456::1]/push", "unique-local"),
        ("https://224.0.0.251/push", "multicast"),
        ("https://[ff02::1]/push", "multicast"),
        ("https://0.0.0.0/push", "unspecified"),
        ("https://localhost/push", "resolves to"),
        ("https://loopback.example/push", "loopback"),
        ("https://private.example/push", "10.20.30.40, a private address"),
        ("https://link-local.example/push", "link-local"),
        ("https://nowhere.invalid/push", "does not resolve"),
        ("http://203.0.113.10/push", "https"),
    ];

    [TestMethod]
    public async Task A_push_endpoint_that_is_not_https_on_a_public_address_is_refused_with_the_reason()
    {
        await using var gw = await TestGateway.StartAsync();
        using var host = await gw.SignInAsync("host1", "1111");
        var keys = await KeysAsync();

        foreach (var (endpoint, why) in Refused)
        {
            var response = await host.PutAsJsonAsync("/api/v1/me/push-subscription", new { endpoint, keys });

            Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode, endpoint);
            var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
            StringAssert.Contains(detail, why, endpoint);
        }

        Assert.AreEqual(0, (await host.GetFromJsonAsync<JsonElement>("/api/v1/me/channels")).GetProperty("pushSubscriptions").GetInt32(), "none was stored");
        Assert.AreEqual(HttpStatusCode.NoContent, (await host.PutAsJsonAsync("/api/v1/me/push-subscription", new { endpoint = "https://push.example/wpush/v2/abc", keys })).StatusCode,
            "a push service on a public address is taken");
        Assert.AreEqual(HttpStatusCode.NoContent, (await host.PutAsJsonAsync("/api/v1/me/push-subscription", new { endpoint = "https://203.0.113.10/wpush", keys })).StatusCode);
    }

    [TestMethod]
    [DataRow("198.51.100.1", null)]
    [DataRow("2001:db8::1", null)]
    [DataRow("8.8.8.8", null)]
    [DataRow("172.32.0.1", null)]
    [DataRow("172.31.255.255", "private")]
    [DataRow("100.128.0.1", null)]
    [DataRow("64:ff9b::a00:1", "private")]
    [DataRow("::", "unspecified")]
    [DataRow("fec0::1", "unique-local")]
    [DataRow("255.255.255.255", "reserved")]
    public void Addresses_are_told_apart_without_the_network(string address, string? kind)
    {
        Assert.AreEqual(kind, PushEndpointGuard.NonPublic(IPAddress.Parse(address)));
    }

    [TestMethod]
    public async Task The_fake_push_service_on_loopback_is_allowed_only_by_configuration()
    {
        await using var push = await FakeHttpService.StartAsync();
        var keys = await KeysAsync();
        var endpoint = new Uri(push.Url, "/push/host1").ToString();

        await using (var strict = await TestGateway.StartWithAsync("--Notifications:WebPush:AllowHttpEndpoints=true"))
        {
            using var host = await strict.SignInAsync("host1", "1111");
            var refused = await host.PutAsJsonAsync("/api/v1/me/push-subscription", new { endpoint, keys });
            Assert.AreEqual(HttpStatusCode.BadRequest, refused.StatusCode, "the default refuses loopback even where plain http is allowed");
            StringAssert.Contains((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), "loopback");
        }

        await using var lax = await TestGateway.StartWithAsync("--Notifications:WebPush:AllowHttpEndpoints=true", "--Notifications:WebPush:AllowPrivateEndpoints=true");
        using var tester = await lax.SignInAsync("host1", "1111");
        Assert.AreEqual(HttpStatusCode.NoContent, (await tester.PutAsJsonAsync("/api/v1/me/push-subscription", new { endpoint, keys })).StatusCode);
    }

    [TestMethod]
    public async Task A_stored_subscription_on_a_loopback_address_is_not_contacted_when_an_offer_is_sent()
    {
        // As if stored before the rule, or its name pointed elsewhere when it was checked: the check at send time stops it.
        await using var push = await FakeHttpService.StartAsync();
        await using var gw = await TestGateway.StartWithAsync("--Notifications:WebPush:AllowHttpEndpoints=true");
        using var host = await gw.HostOnDutyAsync();
        var keys = await KeysAsync();
        await gw.Get<NotificationStore>().SubscribeAsync("host1", new Uri(push.Url, "/push/host1").ToString(), keys.P256dh, keys.Auth);
        await using var device = await gw.DeviceAsync();

        await device.RequestAsync(1);

        var attempt = (await WebPush_Tests.WaitForAttemptsAsync(gw, 1)).Single(a => a.Channel == "webpush");
        Assert.AreEqual("failed", attempt.Outcome);
        StringAssert.Contains(attempt.Detail, "loopback");
        Assert.IsEmpty(push.Requests, "the gateway never connected to it");
    }

    [TestMethod]
    public async Task The_push_client_itself_refuses_to_connect_to_a_loopback_address()
    {
        // The last line, where a name that passed the check could have changed its address since: the connection itself.
        await using var push = await FakeHttpService.StartAsync();
        await using var gw = await TestGateway.StartAsync();
        using var client = gw.Get<IHttpClientFactory>().CreateClient(PushEndpointGuard.HttpClientName);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(new Uri(push.Url, "/push/x"), new ByteArrayContent([1])));

        StringAssert.Contains(refused.GetBaseException().Message + refused.Message, "loopback");
        Assert.IsEmpty(push.Requests);
    }

    private static async Task<PushKeys> KeysAsync()
    {
        var browser = await NodeOracle.CallAsync("subscriber");
        return new PushKeys(browser.GetProperty("p256dh").GetString()!, browser.GetProperty("auth").GetString()!);
    }

    /// <summary>A browser's subscription keys, as the subscription JSON carries them.</summary>
    private sealed record PushKeys(string P256dh, string Auth);
}
