using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Web;
using HelpPoint.Gateway.Tests.Support;

namespace HelpPoint.Gateway.Tests.Notifications;

/// <summary>The optional channels against fake services on loopback: ntfy (JSON publish with an Accept action) and an SMS API (46elks style).</summary>
[TestClass]
public sealed class Ntfy_And_Sms_Tests
{
    [TestMethod]
    public async Task An_offer_is_published_to_the_hosts_ntfy_topic_and_its_accept_button_takes_the_request()
    {
        await using var ntfy = await FakeHttpService.StartAsync();
        ntfy.DefaultStatus = 200;
        await using var gw = await TestGateway.StartWithAsync("--Notifications:Ntfy:Enabled=true", $"--Notifications:Ntfy:BaseUrl={ntfy.Url}",
            "--Notifications:Ntfy:Token=tk_secret", "--Notifications:PublicUrl=https://helppoint.library.example");
        using var host = await gw.HostOnDutyAsync();
        var set = await host.PutAsJsonAsync("/api/v1/me/channels", new { ntfyTopic = "sara-k7Qx2", uiLang = "en" });
        Assert.AreEqual(HttpStatusCode.OK, set.StatusCode, await set.Content.ReadAsStringAsync());
        await using var device = await gw.DeviceAsync();
        await device.SubscribeTicketAsync();

        await device.RequestAsync(1, "print", "so");

        var publish = (await ntfy.WaitForAsync(1)).Single();
        Assert.AreEqual("Bearer tk_secret", publish.Headers["Authorization"]);
        var json = JsonDocument.Parse(publish.Body).RootElement;
        Assert.AreEqual("sara-k7Qx2", json.GetProperty("topic").GetString());
        Assert.AreEqual("Print and scan · ticket 1", json.GetProperty("title").GetString());
        StringAssert.Contains(json.GetProperty("message").GetString(), "Somali");
        Assert.AreEqual(5, json.GetProperty("priority").GetInt32());
        var action = json.GetProperty("actions")[0];
        Assert.AreEqual("http", action.GetProperty("action").GetString());
        Assert.AreEqual("Accept", action.GetProperty("label").GetString());
        Assert.AreEqual("https://helppoint.library.example/api/v1/actions/accept", action.GetProperty("url").GetString());

        // What ntfy's app does when Sara taps Accept: post the action's body to its URL (here, our gateway).
        using var anonymous = gw.Client();
        var accepted = await anonymous.PostAsync("/api/v1/actions/accept", new StringContent(action.GetProperty("body").GetString()!, System.Text.Encoding.UTF8, "application/json"));
        Assert.AreEqual(HttpStatusCode.OK, accepted.StatusCode, await accepted.Content.ReadAsStringAsync());
        Assert.IsNotNull(await device.WaitForTicketAsync(t => t.GetProperty("state").GetString() == "assigned" && t.GetProperty("host").GetString() == "Sara"));

        var again = await anonymous.PostAsync("/api/v1/actions/accept", new StringContent(action.GetProperty("body").GetString()!, System.Text.Encoding.UTF8, "application/json"));
        Assert.AreEqual(HttpStatusCode.Conflict, again.StatusCode, "a token takes an offer once");
        var forged = await anonymous.PostAsJsonAsync("/api/v1/actions/accept", new { token = "aG9zdDEKZGVtby1ocC0xLTAwMDAwMQo5OTk5OTk5OTk5.AAAA" });
        Assert.AreEqual(HttpStatusCode.Forbidden, forged.StatusCode);
        var attempts = await WebPush_Tests.WaitForAttemptsAsync(gw, 1);
        Assert.AreEqual(("ntfy", "sent", "sara-k7Qx2"), (attempts[^1].Channel, attempts[^1].Outcome, attempts[^1].Target));
    }

    [TestMethod]
    public async Task Sms_goes_out_only_when_no_other_channel_reached_the_host()
    {
        await using var sms = await FakeHttpService.StartAsync();
        sms.DefaultStatus = 200;
        await using var push = await FakeHttpService.StartAsync();
        await using var gw = await TestGateway.StartWithAsync("--Notifications:Sms:Enabled=true", $"--Notifications:Sms:Url={sms.Url}sms",
            "--Notifications:Sms:Username=u123", "--Notifications:Sms:Password=p456", "--Notifications:Sms:From=Biblioteket",
            "--Notifications:WebPush:AllowHttpEndpoints=true", "--Notifications:WebPush:AllowPrivateEndpoints=true");
        using var host1 = await gw.HostOnDutyAsync("host1", "1111");
        Assert.AreEqual(HttpStatusCode.OK, (await host1.PutAsJsonAsync("/api/v1/me/channels", new { smsNumber = "+46 70 123 45 67" })).StatusCode);
        await using var device = await gw.DeviceAsync();

        // Sara has no push subscription: the offer goes by SMS.
        await device.RequestAsync(1, "swish", "uk");

        var text = (await sms.WaitForAsync(1)).Single();
        Assert.AreEqual("/sms", text.Path);
        Assert.AreEqual("Basic " + Convert.ToBase64String("u123:p456"u8.ToArray()), text.Headers["Authorization"]);
        var form = HttpUtility.ParseQueryString(text.Text);
        Assert.AreEqual(("Biblioteket", "+46701234567"), (form["from"], form["to"]));
        StringAssert.Contains(form["message"], "Swish · nummer 1");
        StringAssert.Contains(form["message"], "ukrainska");
        var attempts = await WebPush_Tests.WaitForAttemptsAsync(gw, 1);
        Assert.AreEqual(("sms", "sent", "+4670•••••67"), (attempts[0].Channel, attempts[0].Outcome, attempts[0].Target), "the log masks the number");

        // With a working push subscription the SMS is not needed.
        await WebPush_Tests.SubscribeAsync(host1, push, "/push/sara");
        Assert.AreEqual(HttpStatusCode.OK, (await host1.PostAsync("/api/v1/requests/demo-hp-1-000001/accept", null)).StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, (await host1.PostAsync("/api/v1/requests/demo-hp-1-000001/done", null)).StatusCode);
        await device.RequestAsync(2, "swish", "uk");
        await push.WaitForAsync(1);
        await WebPush_Tests.WaitForAttemptsAsync(gw, 2);
        await Task.Delay(300);
        Assert.HasCount(1, sms.Requests, "no SMS when push reached the host");
    }

    [TestMethod]
    public async Task Channel_settings_are_checked()
    {
        await using var gw = await TestGateway.StartAsync();
        using var host = await gw.SignInAsync("host1", "1111");

        Assert.AreEqual(HttpStatusCode.BadRequest, (await host.PutAsJsonAsync("/api/v1/me/channels", new { ntfyTopic = "has spaces" })).StatusCode);
        Assert.AreEqual(HttpStatusCode.BadRequest, (await host.PutAsJsonAsync("/api/v1/me/channels", new { smsNumber = "0701234567" })).StatusCode);
        Assert.AreEqual(HttpStatusCode.BadRequest, (await host.PutAsJsonAsync("/api/v1/me/channels", new { uiLang = "xx" })).StatusCode);
        var ok = await host.PutAsJsonAsync("/api/v1/me/channels", new { webPush = false, uiLang = "en" });
        var view = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.IsFalse(view.GetProperty("webPush").GetBoolean());
        Assert.AreEqual("en", view.GetProperty("uiLang").GetString());
        CollectionAssert.AreEqual(new[] { "webpush" }, view.GetProperty("available").EnumerateArray().Select(e => e.GetString()).ToArray(),
            "ntfy and SMS are off unless the deployment turns them on");
    }
}
