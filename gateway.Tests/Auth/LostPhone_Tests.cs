using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using HelpPoint.Gateway.Notifications;
using HelpPoint.Gateway.Tests.Support;

namespace HelpPoint.Gateway.Tests.Auth;

/// <summary>A host loses their phone: a manager signs them out everywhere, and the phone stops seeing and receiving anything.</summary>
[TestClass]
public sealed class LostPhone_Tests
{
    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task A_manager_signs_a_lost_phone_out_its_session_stream_and_push_subscription_end(string provider)
    {
        await using var gw = await TestGateway.StartOnAsync(provider);
        using var phone = await gw.HostOnDutyAsync();
        using var subscription = await phone.PutAsJsonAsync("/api/v1/me/push-subscription", new
        {
            endpoint = "https://push.example/lost",
            keys = new { p256dh = "BCfJtHtI-5Mx9lqHPljjDv0ON_KjkK2p-7vsUPz62MOppk5SiCT8VFN1kp5ZcNGQAXCXAdvCzkreMrPU0G2IK38", auth = "KPHdc3G0yeCOg5Rr_G4xvg" },
        });
        Assert.AreEqual(HttpStatusCode.NoContent, subscription.StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, (await phone.PutAsJsonAsync("/api/v1/me/channels", new { ntfyTopic = "sara-phone" })).StatusCode);
        await using var stream = SseListener.Start(gw.Http, phone.DefaultRequestHeaders.Authorization!.Parameter!);
        await WaitUntilAsync(() => stream.Connected);
        using var otherHost = await gw.SignInAsync("host1", "1111");
        using var manager = await gw.SignInAsync("manager", "demo-manager");

        var response = await manager.PostAsync("/api/v1/staff/host1/sign-out", null);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.AreEqual(2, result.GetProperty("sessions").GetInt32(), "every session of host1 (the phone's and the other)");
        Assert.AreEqual(1, result.GetProperty("pushSubscriptions").GetInt32());
        Assert.AreEqual(1, result.GetProperty("liveViews").GetInt32());
        Assert.AreEqual(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/v1/me")).StatusCode);
        Assert.AreEqual(HttpStatusCode.Unauthorized, (await otherHost.GetAsync("/api/v1/me")).StatusCode);
        await WaitUntilAsync(() => gw.Get<EventHub>().SubscriberCount == 0);
        using var again = await gw.SignInAsync("host1", "1111");
        var channels = await again.GetFromJsonAsync<JsonElement>("/api/v1/me/channels");
        Assert.AreEqual(0, channels.GetProperty("pushSubscriptions").GetInt32());
        Assert.AreEqual(JsonValueKind.Null, channels.GetProperty("ntfyTopic").ValueKind, "the lost phone's ntfy topic is forgotten too");
        Assert.AreEqual(HttpStatusCode.OK, (await manager.GetAsync("/api/v1/me")).StatusCode, "the manager's own session is untouched");
    }

    [TestMethod]
    public async Task Only_managers_sign_others_out()
    {
        await using var gw = await TestGateway.StartAsync();
        using var host2 = await gw.SignInAsync("host2", "2222");
        using var manager = await gw.SignInAsync("manager", "demo-manager");

        Assert.AreEqual(HttpStatusCode.Forbidden, (await host2.PostAsync("/api/v1/staff/host1/sign-out", null)).StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, (await manager.PostAsync("/api/v1/staff/nobody/sign-out", null)).StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, (await host2.GetAsync("/api/v1/me")).StatusCode);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.IsTrue(DateTime.UtcNow < deadline, "condition not met within 10 s");
            await Task.Delay(25);
        }
    }
}
