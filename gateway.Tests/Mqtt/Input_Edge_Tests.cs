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
    public async Task A_sequence_number_has_one_spelling_and_one_ticket_however_many_zeros_it_is_written_with()
    {
        // Nobody on duty: each request is finished (unstaffed) at once, so only its id can make a later press the same one.
        await using var gw = await TestGateway.StartAsync();
        await using var device = await gw.DeviceAsync("demo-hp-1", mqtt5: true);
        await device.SubscribeTicketAsync();

        foreach (var spelling in new[] { "1", "000001", "0001", "0000000001" })
        {
            await device.PublishAsync("request", $$"""{"id":"demo-hp-1-{{spelling}}","category":"bankid","ageMs":0}""");
        }

        foreach (var spelling in new[] { "830001", "00830001", "0830001" })
        {
            await device.PublishAsync("request", $$"""{"id":"demo-hp-1-{{spelling}}","category":"bankid","ageMs":0}""");
        }

        await device.RequestAsync(830002);
        var next = await device.WaitForTicketAsync("demo-hp-1-830002", "unstaffed", TimeSpan.FromSeconds(30));
        Assert.AreEqual("3", next?.GetProperty("ticket").GetString(), "two sequence numbers used two ticket numbers, whatever their spellings");
        var store = gw.Get<HelpPoint.Domain.Requests.IRequestStore>();
        Assert.AreEqual("1", (await store.FindAsync("demo-hp-1-000001"))?.Ticket);
        Assert.AreEqual("2", (await store.FindAsync("demo-hp-1-830001"))?.Ticket);
        Assert.IsNull(await store.FindAsync("demo-hp-1-1"), "stored in its one spelling");
        Assert.IsNull(await store.FindAsync("demo-hp-1-00830001"));
        var ids = device.Received.Where(m => m.Topic == device.TicketTopic)
            .Select(m => System.Text.Json.JsonDocument.Parse(m.Payload).RootElement.GetProperty("id").GetString()).Distinct().Order(StringComparer.Ordinal).ToArray();
        CollectionAssert.AreEqual(new[] { "demo-hp-1-000001", "demo-hp-1-830001", "demo-hp-1-830002" }, ids, "tickets name the id in its one spelling");
    }

    [TestMethod]
    [DataRow("demo-hp-1-1", "demo-hp-1-000001")]
    [DataRow("demo-hp-1-000042", "demo-hp-1-000042")]
    [DataRow("demo-hp-1-0000042", "demo-hp-1-000042")]
    [DataRow("demo-hp-1-00830001", "demo-hp-1-830001")]
    [DataRow("demo-hp-1-1234567", "demo-hp-1-1234567")]
    [DataRow("demo-hp-1-9999999999", "demo-hp-1-9999999999")]
    [DataRow("demo-hp-1-00000000001", null)]
    [DataRow("demo-hp-1-12a", null)]
    [DataRow("demo-hp-2-000001", null)]
    public void The_one_spelling_is_the_firmwares_six_digit_form(string id, string? canonical)
    {
        Assert.AreEqual(canonical, HelpPoint.Domain.Common.Identifiers.CanonicalRequestId(id, "demo-hp-1"));
        Assert.AreEqual(canonical == id, HelpPoint.Domain.Common.Identifiers.IsRequestIdOf(id, "demo-hp-1"));
    }
}
