using HelpPoint.Gateway.Mqtt;
using HelpPoint.Gateway.Tests.Support;

namespace HelpPoint.Gateway.Tests.Mqtt;

/// <summary>
/// The gateway's own messages reach exactly the sessions subscribed to their topic, as the broker's dispatch would deliver
/// them (the embedded broker hands them straight to those sessions): live while subscribed, queued for a persistent
/// session that is away, retained for whoever subscribes later, and not to a new clean session that has not subscribed.
/// </summary>
[TestClass]
public sealed class Gateway_Delivery_Tests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);

    [TestMethod]
    public async Task A_subscribed_device_gets_the_message_live_and_a_later_subscriber_gets_it_retained()
    {
        await using var gw = await TestGateway.StartAsync();
        var publisher = gw.Get<IMqttPublisher>();
        await using var device = await gw.DeviceAsync("demo-hp-1");
        await device.SubscribeTicketAsync();

        await publisher.PublishAsync(device.TicketTopic, """{"n":1}"""u8.ToArray(), retain: true);
        Assert.IsNotNull(await device.WaitForTicketAsync(t => t.TryGetProperty("n", out var n) && n.GetInt32() == 1, Long), "live delivery");

        await using var later = await gw.DeviceAsync("demo-hp-1", clientId: "demo-hp-1-later");
        await later.SubscribeTicketAsync();
        Assert.IsNotNull(await later.WaitForTicketAsync(t => t.TryGetProperty("n", out var n) && n.GetInt32() == 1, Long), "retained delivery at subscribe");
    }

    [TestMethod]
    public async Task An_unsubscribed_device_and_a_new_clean_session_that_has_not_subscribed_get_nothing()
    {
        await using var gw = await TestGateway.StartAsync();
        var publisher = gw.Get<IMqttPublisher>();
        await using (var first = await gw.DeviceAsync("demo-hp-1", clientId: "demo-hp-1", cleanSession: false))
        {
            await first.SubscribeTicketAsync();
        }

        // The same client id comes back with a clean start: its old subscription is gone with the old session.
        await using var clean = await gw.DeviceAsync("demo-hp-1", clientId: "demo-hp-1", cleanSession: true);
        await using var other = await gw.DeviceAsync("demo-hp-2");
        await other.SubscribeTicketAsync();
        await using var unsubscribing = await gw.DeviceAsync("demo-hp-2", clientId: "demo-hp-2-b");
        await unsubscribing.SubscribeTicketAsync();
        await unsubscribing.Mqtt.UnsubscribeAsync(new MQTTnet.MqttClientUnsubscribeOptionsBuilder().WithTopicFilter(unsubscribing.TicketTopic).Build());

        await publisher.PublishAsync("helppoint/v1/demo/demo-hp-1/ticket", """{"n":2}"""u8.ToArray(), retain: false);
        await publisher.PublishAsync(other.TicketTopic, """{"n":3}"""u8.ToArray(), retain: false);

        // The subscribed device's message is a marker: once it has arrived, the other two would have had theirs too.
        Assert.IsNotNull(await other.WaitForTicketAsync(t => t.TryGetProperty("n", out var n) && n.GetInt32() == 3, Long));
        await using var marker = await gw.DeviceAsync("demo-hp-2", clientId: "demo-hp-2-c");
        await marker.SubscribeTicketAsync();
        await publisher.PublishAsync(other.TicketTopic, """{"n":4}"""u8.ToArray(), retain: false);
        Assert.IsNotNull(await marker.WaitForTicketAsync(t => t.TryGetProperty("n", out var n) && n.GetInt32() == 4, Long));
        Assert.IsEmpty(clean.Received, "a clean session that did not subscribe");
        Assert.IsEmpty(unsubscribing.Received.Where(m => m.Payload.Contains("\"n\":3") || m.Payload.Contains("\"n\":4")), "unsubscribed");
    }

    [TestMethod]
    public async Task A_persistent_session_that_is_away_gets_the_message_when_it_comes_back()
    {
        await using var gw = await TestGateway.StartAsync();
        var publisher = gw.Get<IMqttPublisher>();
        await using (var before = await gw.DeviceAsync("demo-hp-1", clientId: "demo-hp-1", cleanSession: false))
        {
            await before.SubscribeTicketAsync();
        }

        await publisher.PublishAsync("helppoint/v1/demo/demo-hp-1/ticket", """{"n":5}"""u8.ToArray(), retain: false);

        await using var back = await gw.DeviceAsync("demo-hp-1", clientId: "demo-hp-1", cleanSession: false);
        Assert.IsTrue(back.SessionPresent);
        Assert.IsNotNull(await back.WaitForTicketAsync(t => t.TryGetProperty("n", out var n) && n.GetInt32() == 5, Long), "queued in the session while away");
    }
}
