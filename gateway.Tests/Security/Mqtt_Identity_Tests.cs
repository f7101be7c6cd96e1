using HelpPoint.Gateway.Tests.Support;
using MQTTnet;

namespace HelpPoint.Gateway.Tests.Security;

/// <summary>
/// A device acts only as itself: its client id must be its own id (or id-suffix), and its identity is that of this
/// connection's credentials, never one carried over in a session another device created.
/// </summary>
[TestClass]
public sealed class Mqtt_Identity_Tests
{
    [TestMethod]
    [DataRow("demo-hp-2", "demo", false)]
    [DataRow("demo-hp-2", "demo", true)]
    [DataRow("kista-hp-1", "kista", false)]
    [DataRow("demo-board", "demo", false)]
    public async Task A_device_using_another_devices_client_id_is_refused_at_connect_and_the_victim_stays_connected(string attacker, string branch, bool mqtt5)
    {
        await using var gw = await TestGateway.StartAsync();
        await gw.AddDeviceAsync("kista-hp-1", "kista");
        await using var victim = await gw.DeviceAsync("demo-hp-1", clientId: "demo-hp-1", cleanSession: false);
        await victim.SubscribeTicketAsync();

        var refused = await Assert.ThrowsExactlyAsync<ConnectRefusedException>(() =>
            DeviceClient.ConnectAsync(gw.MqttPort, branch, attacker, "demo-secret", mqtt5, clientId: "demo-hp-1", cleanSession: false));

        Assert.AreEqual(MqttClientConnectResultCode.ClientIdentifierNotValid, refused.ResultCode);
        Assert.IsTrue(victim.Mqtt.IsConnected, "the victim was not kicked off");
        await victim.RequestAsync(1);
        Assert.IsNotNull(await victim.WaitForTicketAsync("demo-hp-1-000001", "unstaffed", TimeSpan.FromSeconds(30)), "the victim still gets its own tickets");
    }

    [TestMethod]
    public async Task A_device_may_use_its_own_id_with_a_suffix_but_not_a_suffix_that_spells_another_device()
    {
        await using var gw = await TestGateway.StartAsync();
        await gw.AddDeviceAsync("demo-hp", "demo");

        await using var own = await gw.DeviceAsync("demo-hp-1", clientId: "demo-hp-1-sim");
        Assert.IsTrue(own.Mqtt.IsConnected);

        // Device "demo-hp" with suffix "1" would spell "demo-hp-1": that id belongs to the more specific device.
        var refused = await Assert.ThrowsExactlyAsync<ConnectRefusedException>(() => gw.DeviceAsync("demo-hp", clientId: "demo-hp-1"));
        Assert.AreEqual(MqttClientConnectResultCode.ClientIdentifierNotValid, refused.ResultCode);
        await Assert.ThrowsExactlyAsync<ConnectRefusedException>(() => gw.DeviceAsync("demo-hp", clientId: "demo-hp-1-sim"));
        await Assert.ThrowsExactlyAsync<ConnectRefusedException>(() => gw.DeviceAsync("demo-hp", clientId: "demo-hpx"));
        await using var itself = await gw.DeviceAsync("demo-hp", clientId: "demo-hp-x");
        Assert.IsTrue(itself.Mqtt.IsConnected);
    }

    [TestMethod]
    public async Task A_session_left_by_another_device_is_not_resumed_and_gives_no_identity()
    {
        await using var gw = await TestGateway.StartAsync();

        // demo-hp-1 leaves a persistent session under a suffixed client id…
        await using (var before = await gw.DeviceAsync("demo-hp-1", mqtt5: true, clientId: "demo-hp-1-z", cleanSession: false))
        {
            await before.SubscribeTicketAsync();
        }

        // …and later a device whose id is exactly that client id is registered (in another branch) and connects with it.
        await gw.AddDeviceAsync("demo-hp-1-z", "kista");
        await using var next = await DeviceClient.ConnectAsync(gw.MqttPort, "kista", "demo-hp-1-z", "demo-secret", mqtt5: true, clientId: "demo-hp-1-z", cleanSession: false);

        Assert.IsFalse(next.SessionPresent, "another device's session must not be resumed");
        var asVictim = await next.Mqtt.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic("helppoint/v1/demo/demo-hp-1/request")
            .WithPayload("""{"id":"demo-hp-1-000007","category":"bankid","ageMs":0}""")
            .WithQualityOfServiceLevel(MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce).Build());
        Assert.AreEqual(MqttClientPublishReasonCode.NotAuthorized, asVictim.ReasonCode, "the connection is demo-hp-1-z, not demo-hp-1");
        var own = await next.PublishAsync("status", """{"online":true}""");
        Assert.AreNotEqual(MqttClientPublishReasonCode.NotAuthorized, own.ReasonCode, "its own topics work");
    }

    [TestMethod]
    public async Task The_same_device_resumes_its_own_session()
    {
        await using var gw = await TestGateway.StartAsync();
        await using (var first = await gw.DeviceAsync("demo-hp-1", clientId: "demo-hp-1", cleanSession: false))
        {
            await first.SubscribeTicketAsync();
        }

        await using var again = await gw.DeviceAsync("demo-hp-1", clientId: "demo-hp-1", cleanSession: false);

        Assert.IsTrue(again.SessionPresent, "a device's own session survives its reconnect (its queued tickets with it)");
    }
}
