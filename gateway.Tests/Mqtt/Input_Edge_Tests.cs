using HelpPoint.Gateway.Mqtt;
using HelpPoint.Gateway.Tests.Support;

namespace HelpPoint.Gateway.Tests.Mqtt;

/// <summary>Edge cases of device input: each is answered with a rejected ticket and nothing else is disturbed.</summary>
[TestClass]
public sealed class Input_Edge_Tests
{
    [TestMethod]
    [DataRow("""{"id":"demo-hp-1-000001","category":"\ud800","ageMs":0}""", "malformed JSON")]
    [DataRow("""{"id":"demo-hp-1-000001","category":"bankid","lang":"\udfff","ageMs":0}""", "malformed JSON")]
    [DataRow("""{"id":"demo-hp-1-000001","category":"bankid","lang":"sv\n","ageMs":0}""", "invalid lang")]
    [DataRow("""{"id":"demo-hp-1-000001\n","category":"bankid","ageMs":0}""", "invalid id")]
    public async Task Bad_input_gets_a_rejected_ticket_and_the_connection_stays_up(string payload, string reason)
    {
        await using var gw = await TestGateway.StartAsync();
        await using var device = await gw.DeviceAsync("demo-hp-1", mqtt5: true);
        await device.SubscribeTicketAsync();

        var ack = await device.PublishAsync("request", payload);

        Assert.IsTrue(ack.IsSuccess || ack.ReasonCode == MQTTnet.MqttClientPublishReasonCode.NoMatchingSubscribers, ack.ReasonCode.ToString());
        Assert.IsNotNull(await device.WaitForTicketAsync(t => t.GetProperty("state").GetString() == "rejected" && t.GetProperty("reason").GetString() == reason,
            TimeSpan.FromSeconds(30)), "expected a rejected ticket: " + reason);
        Assert.IsTrue(device.Mqtt.IsConnected, "acknowledged and still connected, so the device does not resend it forever");
        Assert.AreEqual(0, gw.Get<GatewayMetrics>().Get("ingest_failed"), "bad input is not a storage failure");
        Assert.AreEqual(0, (await gw.Get<HelpPoint.Gateway.Requests.Engine.BranchEngines>().QueueAsync("demo")).Count, "nothing was stored");
    }

    [TestMethod]
    public async Task A_sequence_number_has_one_spelling()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var device = await gw.DeviceAsync("demo-hp-1", mqtt5: true);
        await device.SubscribeTicketAsync();

        await device.PublishAsync("request", """{"id":"demo-hp-1-830001","category":"bankid","ageMs":0}""");
        await device.PublishAsync("request", """{"id":"demo-hp-1-00830001","category":"bankid","ageMs":0}""");

        Assert.IsNotNull(await device.WaitForTicketAsync("demo-hp-1-830001", "unstaffed", TimeSpan.FromSeconds(30)));
        Assert.IsNotNull(await device.WaitForTicketAsync(t => t.GetProperty("id").GetString() == "demo-hp-1-00830001" && t.GetProperty("state").GetString() == "rejected",
            TimeSpan.FromSeconds(30)), "zeros beyond six digits are another spelling of the same number");
        Assert.IsTrue(HelpPoint.Domain.Common.Identifiers.IsRequestIdOf("demo-hp-1-000042", "demo-hp-1"), "the firmware's padded form is the canonical one");
    }
}
