using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HelpPoint.Gateway.Notifications.Channels;
using HelpPoint.Gateway.Notifications.Channels.WebPush;
using HelpPoint.Gateway.Tests.Support;

namespace HelpPoint.Gateway.Tests.Notifications;

/// <summary>
/// Web Push as a browser and its push service see it: what the gateway sends is decrypted by an independent implementation
/// (http_ece, as browsers' engines do it), its VAPID signature is checked with Node's crypto, and a fake push service on
/// loopback answers 201, 404, 410 or 500.
/// </summary>
[TestClass]
public sealed class WebPush_Tests
{
    [TestMethod]
    public async Task A_message_encrypted_by_the_gateway_decrypts_with_http_ece()
    {
        var browser = await NodeOracle.CallAsync("subscriber");
        var text = "{\"kind\":\"offer\",\"title\":\"BankID · ticket 17\",\"body\":\"Arabic · العربية\"}";

        var body = WebPushEncryption.Encrypt(Encoding.UTF8.GetBytes(text), B64(browser, "p256dh"), B64(browser, "auth"));

        Assert.AreEqual(86 + Encoding.UTF8.GetByteCount(text) + 1 + 16, body.Length, "one aes128gcm record: header, message, delimiter, tag");
        var plain = await NodeOracle.CallAsync("decrypt", new { body = Convert.ToBase64String(body), privateKey = browser.GetProperty("privateKey").GetString(), auth = browser.GetProperty("auth").GetString() });
        Assert.AreEqual(text, plain.GetProperty("plaintext").GetString());
    }

    [TestMethod]
    public async Task A_message_for_another_browser_does_not_decrypt()
    {
        var browser = await NodeOracle.CallAsync("subscriber");
        var other = await NodeOracle.CallAsync("subscriber");
        var body = WebPushEncryption.Encrypt("secret"u8, B64(other, "p256dh"), B64(other, "auth"));

        var input = new { body = Convert.ToBase64String(body), privateKey = browser.GetProperty("privateKey").GetString(), auth = browser.GetProperty("auth").GetString() };
        await Assert.ThrowsExactlyAsync<AssertFailedException>(() => NodeOracle.CallAsync("decrypt", input));
    }

    [TestMethod]
    public async Task The_vapid_header_is_a_valid_es256_jwt_for_the_push_services_origin_and_keys_from_web_push_are_accepted()
    {
        var generated = await NodeOracle.CallAsync("vapidKeys");
        var keys = VapidKeyPair.FromBase64Url(generated.GetProperty("publicKey").GetString()!, generated.GetProperty("privateKey").GetString()!);
        var endpoint = "https://push.example.net/wpush/v2/abcdef?x=1";

        var header = VapidAuthorization.For(endpoint, keys, "mailto:it@library.example", DateTimeOffset.UtcNow);

        var check = await NodeOracle.CallAsync("verifyVapid", new { authorization = header, endpoint, publicKey = keys.PublicKeyBase64Url });
        Assert.IsTrue(check.GetProperty("ok").GetBoolean(), check.GetProperty("why").ToString());
        Assert.AreEqual("https://push.example.net", check.GetProperty("claims").GetProperty("aud").GetString());
        Assert.AreEqual("mailto:it@library.example", check.GetProperty("claims").GetProperty("sub").GetString());
    }

    [TestMethod]
    public void Mismatched_vapid_key_halves_are_refused()
    {
        var a = VapidKeyPair.Generate();
        var b = VapidKeyPair.Generate();

        Assert.ThrowsExactly<InvalidOperationException>(() => VapidKeyPair.FromBase64Url(a.PublicKeyBase64Url, b.PrivateKeyBase64Url));
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task An_offer_reaches_the_hosts_browser_encrypted_and_signed_and_the_attempt_is_recorded(string provider)
    {
        await using var push = await FakeHttpService.StartAsync();
        var vapid = await NodeOracle.CallAsync("vapidKeys");
        var publicKey = vapid.GetProperty("publicKey").GetString()!;
        await using var gw = await TestGateway.StartOnAsync(provider, null,
            "--Notifications:WebPush:AllowHttpEndpoints=true", "--Notifications:WebPush:AllowPrivateEndpoints=true", "--Notifications:WebPush:Subject=mailto:it@library.example",
            $"--Notifications:WebPush:PublicKey={publicKey}", $"--Notifications:WebPush:PrivateKey={vapid.GetProperty("privateKey").GetString()}");
        using var host = await gw.HostOnDutyAsync("host1", "1111", "demo", "ar", "sv");
        Assert.AreEqual(publicKey, (await host.GetFromJsonAsync<JsonElement>("/api/v1/push/key")).GetProperty("publicKey").GetString());
        var browser = await SubscribeAsync(host, push, "/push/host1");
        await using var device = await gw.DeviceAsync();

        await device.RequestAsync(1, "bankid", "ar");

        var sent = (await push.WaitForAsync(1)).Single();
        Assert.AreEqual("POST", sent.Method);
        Assert.AreEqual("/push/host1", sent.Path);
        Assert.AreEqual("aes128gcm", sent.Headers["Content-Encoding"]);
        Assert.AreEqual("high", sent.Headers["Urgency"]);
        Assert.IsTrue(int.Parse(sent.Headers["TTL"]) is > 50 and <= 60, "an offer lives as long as the accept timeout: " + sent.Headers["TTL"]);
        var check = await NodeOracle.CallAsync("verifyVapid", new { authorization = sent.Headers["Authorization"], endpoint = push.Url + "push/host1", publicKey });
        Assert.IsTrue(check.GetProperty("ok").GetBoolean(), check.GetProperty("why").ToString());

        var plain = await NodeOracle.CallAsync("decrypt", new { body = Convert.ToBase64String(sent.Body), privateKey = browser.GetProperty("privateKey").GetString(), auth = browser.GetProperty("auth").GetString() });
        var message = JsonDocument.Parse(plain.GetProperty("plaintext").GetString()!).RootElement;
        Assert.AreEqual("offer", message.GetProperty("kind").GetString());
        Assert.AreEqual("demo-hp-1-000001", message.GetProperty("request").GetProperty("id").GetString());
        Assert.AreEqual("BankID · nummer 1", message.GetProperty("title").GetString(), "the host's app language (Swedish by default)");
        StringAssert.Contains(message.GetProperty("body").GetString(), "arabiska");
        Assert.AreEqual("Ta den", message.GetProperty("acceptLabel").GetString());

        var attempts = await WaitForAttemptsAsync(gw, 1);
        Assert.AreEqual(("webpush", "offer", "sent", 201, "demo-hp-1-000001"), (attempts[0].Channel, attempts[0].Kind, attempts[0].Outcome, attempts[0].Status, attempts[0].RequestId));
        Assert.AreEqual(push.Url.Authority, attempts[0].Target);
    }

    [TestMethod]
    [DataRow(404)]
    [DataRow(410)]
    public async Task A_subscription_the_push_service_no_longer_knows_is_removed(int status)
    {
        await using var push = await FakeHttpService.StartAsync();
        push.DefaultStatus = status;
        await using var gw = await TestGateway.StartWithAsync("--Notifications:WebPush:AllowHttpEndpoints=true", "--Notifications:WebPush:AllowPrivateEndpoints=true");
        using var host = await gw.HostOnDutyAsync();
        await SubscribeAsync(host, push, "/push/gone");
        Assert.AreEqual(1, (await host.GetFromJsonAsync<JsonElement>("/api/v1/me/channels")).GetProperty("pushSubscriptions").GetInt32());
        await using var device = await gw.DeviceAsync();

        await device.RequestAsync(1);

        await push.WaitForAsync(1);
        var attempts = await WaitForAttemptsAsync(gw, 1);
        Assert.AreEqual(("gone", status), (attempts[0].Outcome, attempts[0].Status));
        Assert.AreEqual(0, (await host.GetFromJsonAsync<JsonElement>("/api/v1/me/channels")).GetProperty("pushSubscriptions").GetInt32());
        await using var other = await gw.DeviceAsync("demo-hp-2");
        await other.RequestAsync(1);
        await Task.Delay(300);
        Assert.HasCount(1, push.Requests, "nothing more is sent to a removed subscription");
    }

    [TestMethod]
    public async Task A_failing_push_service_is_tried_again_and_every_try_is_recorded()
    {
        await using var push = await FakeHttpService.StartAsync();
        push.Answer(503, 500);
        await using var gw = await TestGateway.StartWithAsync("--Notifications:WebPush:AllowHttpEndpoints=true", "--Notifications:WebPush:AllowPrivateEndpoints=true", "--Notifications:RetryDelayMs=50");
        using var host = await gw.HostOnDutyAsync();
        await SubscribeAsync(host, push, "/push/flaky");
        await using var device = await gw.DeviceAsync();

        await device.RequestAsync(1);

        await push.WaitForAsync(3);
        var attempts = (await WaitForAttemptsAsync(gw, 3)).OrderBy(a => a.Id).ToList();
        CollectionAssert.AreEqual(new[] { "failed", "failed", "sent" }, attempts.Select(a => a.Outcome).ToArray());
        CollectionAssert.AreEqual(new[] { 1, 2, 3 }, attempts.Select(a => a.Attempt).ToArray());
        using var manager = await gw.SignInAsync("manager", "demo-manager");
        var log = await manager.GetFromJsonAsync<JsonElement>("/api/v1/deliveries?user=host1");
        Assert.AreEqual(3, log.GetArrayLength());
        Assert.AreEqual("sent", log[0].GetProperty("outcome").GetString(), "newest first");
    }

    [TestMethod]
    public async Task A_subscription_must_be_https_and_carry_real_keys()
    {
        await using var gw = await TestGateway.StartAsync();
        using var host = await gw.SignInAsync("host1", "1111");
        var browser = await NodeOracle.CallAsync("subscriber");
        var keys = new { p256dh = browser.GetProperty("p256dh").GetString(), auth = browser.GetProperty("auth").GetString() };

        Assert.AreEqual(HttpStatusCode.BadRequest, (await host.PutAsJsonAsync("/api/v1/me/push-subscription", new { endpoint = "http://127.0.0.1:9/x", keys })).StatusCode);
        Assert.AreEqual(HttpStatusCode.BadRequest, (await host.PutAsJsonAsync("/api/v1/me/push-subscription", new { endpoint = "https://push.example/x", keys = new { p256dh = "AAAA", auth = keys.auth } })).StatusCode);
        Assert.AreEqual(HttpStatusCode.NoContent, (await host.PutAsJsonAsync("/api/v1/me/push-subscription", new { endpoint = "https://push.example/x", keys })).StatusCode);
        Assert.AreEqual(HttpStatusCode.Unauthorized, (await gw.Client().PutAsJsonAsync("/api/v1/me/push-subscription", new { endpoint = "https://push.example/y", keys })).StatusCode);
    }

    /// <summary>A browser of the oracle subscribes at the fake push service; returns its keys.</summary>
    internal static async Task<JsonElement> SubscribeAsync(HttpClient host, FakeHttpService push, string path)
    {
        var browser = await NodeOracle.CallAsync("subscriber");
        var response = await host.PutAsJsonAsync("/api/v1/me/push-subscription", new
        {
            endpoint = new Uri(push.Url, path).ToString(),
            keys = new { p256dh = browser.GetProperty("p256dh").GetString(), auth = browser.GetProperty("auth").GetString() },
        });
        Assert.AreEqual(HttpStatusCode.NoContent, response.StatusCode, await response.Content.ReadAsStringAsync());
        return browser;
    }

    internal static async Task<List<DeliveryAttempt>> WaitForAttemptsAsync(TestGateway gw, int count)
    {
        var store = gw.Get<NotificationStore>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var attempts = await store.AttemptsAsync(null, null, 100);
            if (attempts.Count >= count || DateTime.UtcNow > deadline)
            {
                Assert.IsGreaterThanOrEqualTo(count, attempts.Count, "delivery attempts recorded");
                return attempts;
            }

            await Task.Delay(50);
        }
    }

    private static byte[] B64(JsonElement e, string name) => Base64Url.DecodeFromChars(e.GetProperty(name).GetString()!);
}
