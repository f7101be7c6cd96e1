using System.Net.Http.Json;
using System.Text.Json;
using HelpPoint.Gateway.Tests.Support;
using MQTTnet;

namespace HelpPoint.Gateway.Tests.External;

/// <summary>External-broker mode: the gateway as a client of a real Mosquitto whose rules come from the gateway's own tool.</summary>
[TestClass]
public sealed class Mosquitto_Tests
{
    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task A_request_through_mosquitto_gets_its_ticket_from_the_gateway(string provider)
    {
        await using var broker = await MosquittoBroker.StartAsync(("demo-hp-1", "demo", "demo-secret"), ("demo-hp-2", "demo", "demo-secret"));
        await using var gw = await TestGateway.StartWithAsync([.. await TestGateway.StorageArgsAsync(provider), .. broker.GatewayArgs("gw-a")]);
        using var host = await gw.HostOnDutyAsync();
        await using var device = await DeviceClient.ConnectAsync(broker.Port, "demo", "demo-hp-1", "demo-secret", mqtt5: false, clientId: null);
        await device.SubscribeTicketAsync();

        await device.RequestAsync(1);
        await device.RequestAsync(1);

        var ticket = await device.WaitForTicketAsync("demo-hp-1-000001", "queued");
        Assert.IsNotNull(ticket, broker.Log);
        Assert.AreEqual("1", ticket.Value.GetProperty("ticket").GetString());
        var queue = await host.GetFromJsonAsync<JsonElement>("/api/v1/branches/demo/queue");
        Assert.AreEqual(1, queue.GetArrayLength(), "the repeat is deduplicated");
        var healthz = await gw.Client().GetAsync("/healthz");
        Assert.IsTrue(healthz.IsSuccessStatusCode);
    }

    [TestMethod]
    public async Task Mosquitto_accepts_the_secret_written_by_the_tool_and_refuses_others()
    {
        await using var broker = await MosquittoBroker.StartAsync(("demo-hp-1", "demo", "right-secret"));

        await using var ok = await DeviceClient.ConnectAsync(broker.Port, "demo", "demo-hp-1", "right-secret", mqtt5: false, clientId: null);
        var refused = await Assert.ThrowsAsync<ConnectRefusedException>(() => DeviceClient.ConnectAsync(broker.Port, "demo", "demo-hp-1", "wrong", mqtt5: true, clientId: null));

        Assert.IsTrue(ok.Mqtt.IsConnected);
        Assert.IsTrue(refused.ResultCode is MqttClientConnectResultCode.BadUserNameOrPassword or MqttClientConnectResultCode.NotAuthorized, refused.ResultCode.ToString());
    }

    [TestMethod]
    public async Task The_acl_keeps_a_device_to_its_own_topics()
    {
        await using var broker = await MosquittoBroker.StartAsync(("demo-hp-1", "demo", "s1"), ("demo-hp-2", "demo", "s2"));
        await using var gw = await TestGateway.StartWithAsync(broker.GatewayArgs("gw-acl"));
        using var host = await gw.HostOnDutyAsync();
        await using var intruder = await DeviceClient.ConnectAsync(broker.Port, "demo", "demo-hp-1", "s1", mqtt5: true, clientId: null);
        await using var victim = await DeviceClient.ConnectAsync(broker.Port, "demo", "demo-hp-2", "s2", mqtt5: true, clientId: null);
        await victim.SubscribeTicketAsync();

        var publish = await intruder.PublishAsync("request", """{"id":"demo-hp-2-000001","category":"bankid","ageMs":0}""", device: "demo-hp-2");
        var spy = await intruder.SubscribeAsync("helppoint/v1/demo/demo-hp-2/ticket");
        await victim.RequestAsync(7);

        Assert.AreEqual(MqttClientPublishReasonCode.NotAuthorized, publish.ReasonCode);
        Assert.IsNotNull(await victim.WaitForTicketAsync("demo-hp-2-000007", "queued"));
        await Task.Delay(300);
        Assert.IsFalse(intruder.Received.Any(m => m.Topic.EndsWith("/demo-hp-2/ticket", StringComparison.Ordinal)),
            $"the broker must not deliver another device's ticket (subscribe answered {spy})");
        var queue = await host.GetFromJsonAsync<JsonElement>("/api/v1/branches/demo/queue");
        Assert.AreEqual(1, queue.GetArrayLength());
        Assert.AreEqual("demo-hp-2-000007", queue[0].GetProperty("id").GetString());
    }
}
