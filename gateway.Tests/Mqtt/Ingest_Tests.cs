using System.Net.Http.Json;
using System.Text.Json;
using HelpPoint.Gateway.Mqtt;
using HelpPoint.Gateway.Tests.Support;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace HelpPoint.Gateway.Tests.Mqtt;

/// <summary>A device's messages over a real loopback MQTT connection to the embedded broker, stored in real SQLite.</summary>
[TestClass]
public sealed class Ingest_Tests
{
    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task A_request_gets_a_queued_ticket_when_a_host_is_on_duty(string provider)
    {
        await using var gw = await TestGateway.StartOnAsync(provider);
        using var host = await gw.HostOnDutyAsync();
        await using var device = await gw.DeviceAsync();
        Assert.AreEqual(MqttClientSubscribeResultCode.GrantedQoS1, await device.SubscribeTicketAsync());

        await device.RequestAsync(1);

        var ticket = await device.WaitForTicketAsync("demo-hp-1-000001", "queued");
        Assert.IsNotNull(ticket, "no queued ticket arrived");
        Assert.AreEqual("1", ticket.Value.GetProperty("ticket").GetString());
        Assert.AreEqual(1, ticket.Value.GetProperty("position").GetInt32());
        Assert.IsTrue(ticket.Value.GetProperty("waitS").GetInt32() > 0);
        Assert.AreEqual(JsonValueKind.Null, ticket.Value.GetProperty("host").ValueKind);

        var queue = await host.GetFromJsonAsync<JsonElement>("/api/v1/branches/demo/queue");
        Assert.AreEqual(1, queue.GetArrayLength());
        Assert.AreEqual("demo-hp-1-000001", queue[0].GetProperty("id").GetString());
        Assert.AreEqual("bankid", queue[0].GetProperty("category").GetString());
        Assert.AreEqual("sv", queue[0].GetProperty("lang").GetString());
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task A_request_with_nobody_on_duty_is_recorded_as_unstaffed(string provider)
    {
        await using var gw = await TestGateway.StartOnAsync(provider);
        await using var device = await gw.DeviceAsync();
        await device.SubscribeTicketAsync();

        await device.RequestAsync(7, "print", lang: null);

        var ticket = await device.WaitForTicketAsync("demo-hp-1-000007", "unstaffed");
        Assert.IsNotNull(ticket);
        Assert.AreEqual("1", ticket.Value.GetProperty("ticket").GetString());
        using var manager = await gw.SignInAsync("manager", "demo-manager");
        var stats = await manager.GetFromJsonAsync<JsonElement>("/api/v1/stats/daily?branch=demo");
        Assert.AreEqual(1, stats.GetProperty("total").GetInt32());
        Assert.AreEqual(1, stats.GetProperty("byState").GetProperty("unstaffed").GetInt32());
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task A_resent_request_id_gets_the_same_ticket_and_no_second_one(string provider)
    {
        await using var gw = await TestGateway.StartOnAsync(provider);
        using var host = await gw.HostOnDutyAsync();
        await using var device = await gw.DeviceAsync();
        await device.SubscribeTicketAsync();

        await device.RequestAsync(42);
        await device.RequestAsync(42, ageMs: 5000);
        Assert.IsNotNull(await device.WaitForTicketAsync("demo-hp-1-000042", "queued"));

        // The visitor withdraws it and presses again (one open request per help point).
        await device.PublishAsync("cancel", """{"id":"demo-hp-1-000042"}""");
        Assert.IsNotNull(await device.WaitForTicketAsync("demo-hp-1-000042", "cancelled"));
        await device.RequestAsync(43);

        var second = await device.WaitForTicketAsync("demo-hp-1-000043", "queued");
        Assert.IsNotNull(second);
        Assert.AreEqual("2", second.Value.GetProperty("ticket").GetString(), "the repeat must not have used up a ticket number");
        var tickets = device.Received.Where(m => m.Topic == device.TicketTopic)
            .Select(m => JsonDocument.Parse(m.Payload).RootElement)
            .Where(t => t.GetProperty("id").GetString() == "demo-hp-1-000042")
            .Select(t => t.GetProperty("ticket").GetString())
            .Distinct().ToList();
        CollectionAssert.AreEqual(new[] { "1" }, tickets);
        var queue = await host.GetFromJsonAsync<JsonElement>("/api/v1/branches/demo/queue");
        Assert.AreEqual(1, queue.GetArrayLength());
    }

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public async Task A_wrong_device_secret_is_refused(bool mqtt5)
    {
        await using var gw = await TestGateway.StartAsync();
        var failure = await Assert.ThrowsAsync<ConnectRefusedException>(() => gw.DeviceAsync(secret: "not-the-secret", mqtt5: mqtt5));
        Assert.IsTrue(failure.ResultCode is MqttClientConnectResultCode.BadUserNameOrPassword or MqttClientConnectResultCode.NotAuthorized, failure.ResultCode.ToString());
        Assert.AreEqual(1, gw.Get<GatewayMetrics>().Get("mqtt_auth_failed"));
    }

    [TestMethod]
    public async Task An_unknown_device_is_refused()
    {
        await using var gw = await TestGateway.StartAsync();
        await Assert.ThrowsAsync<ConnectRefusedException>(() => gw.DeviceAsync(device: "stranger-1", secret: "demo-secret"));
    }

    [TestMethod]
    public async Task A_mqtt311_device_publishing_to_another_devices_topic_is_disconnected_and_nothing_is_stored()
    {
        await using var gw = await TestGateway.StartAsync();
        using var host = await gw.HostOnDutyAsync();
        await using var intruder = await gw.DeviceAsync("demo-hp-1");

        try
        {
            await intruder.PublishAsync("request", """{"id":"demo-hp-2-000001","category":"bankid","ageMs":0}""", device: "demo-hp-2");
        }
        catch (MqttCommunicationException)
        {
            // The broker may close the connection before the client sees an acknowledgement.
        }

        Assert.IsTrue(await intruder.WaitDisconnectedAsync(TimeSpan.FromSeconds(5)), "MQTT 3.1.1 cannot refuse a publish: the connection must be closed");
        var queue = await host.GetFromJsonAsync<JsonElement>("/api/v1/branches/demo/queue");
        Assert.AreEqual(0, queue.GetArrayLength());
        Assert.AreEqual(1, gw.Get<GatewayMetrics>().Get("mqtt_refused_publish"));
    }

    [TestMethod]
    public async Task A_mqtt5_device_publishing_to_another_devices_topic_gets_not_authorized()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var intruder = await gw.DeviceAsync("demo-hp-1", mqtt5: true);

        var result = await intruder.PublishAsync("request", """{"id":"demo-hp-2-000001","category":"bankid","ageMs":0}""", device: "demo-hp-2");

        Assert.AreEqual(MqttClientPublishReasonCode.NotAuthorized, result.ReasonCode);
        Assert.IsTrue(intruder.Mqtt.IsConnected, "an MQTT 5 client is refused per message, not disconnected");
    }

    [TestMethod]
    [DataRow("helppoint/v1/demo/demo-hp-2/ticket")]
    [DataRow("helppoint/v1/demo/#")]
    [DataRow("helppoint/v1/other/board")]
    [DataRow("#")]
    public async Task A_device_may_not_subscribe_outside_its_own_topics(string filter)
    {
        await using var gw = await TestGateway.StartAsync();
        await using var device = await gw.DeviceAsync("demo-hp-1", mqtt5: true);

        var code = await device.SubscribeAsync(filter);

        Assert.AreEqual(MqttClientSubscribeResultCode.NotAuthorized, code);
    }

    [TestMethod]
    public async Task A_device_may_subscribe_to_its_ticket_config_and_branch_board()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var device = await gw.DeviceAsync("demo-hp-1");

        Assert.AreEqual(MqttClientSubscribeResultCode.GrantedQoS1, await device.SubscribeAsync("helppoint/v1/demo/demo-hp-1/ticket"));
        Assert.AreEqual(MqttClientSubscribeResultCode.GrantedQoS1, await device.SubscribeAsync("helppoint/v1/demo/demo-hp-1/config"));
        Assert.AreEqual(MqttClientSubscribeResultCode.GrantedQoS1, await device.SubscribeAsync("helppoint/v1/demo/board"));

        var config = await device.WaitForAsync("helppoint/v1/demo/demo-hp-1/config", c => c.TryGetProperty("categories", out _));
        Assert.IsNotNull(config, "the retained config message must reach a subscribing device");
        var board = await device.WaitForAsync("helppoint/v1/demo/board", b => b.TryGetProperty("staffed", out _));
        Assert.IsNotNull(board, "the retained board message must reach a subscribing device");
    }

    [TestMethod]
    public async Task Malformed_json_gets_a_rejected_ticket_and_other_devices_keep_being_served()
    {
        await using var gw = await TestGateway.StartAsync();
        using var host = await gw.HostOnDutyAsync();
        await using var bad = await gw.DeviceAsync("demo-hp-1");
        await using var good = await gw.DeviceAsync("demo-hp-2");
        await bad.SubscribeTicketAsync();
        await good.SubscribeTicketAsync();

        await bad.PublishAsync("request", """{"id":"demo-hp-1-000005","category":"bankid",""");
        await good.RequestAsync(1);
        await bad.RequestAsync(6);

        var rejected = await bad.WaitForTicketAsync("demo-hp-1-000005", "rejected");
        Assert.IsNotNull(rejected);
        Assert.AreEqual("malformed JSON", rejected.Value.GetProperty("reason").GetString());
        Assert.IsNotNull(await good.WaitForTicketAsync("demo-hp-2-000001", "queued"), "another device must still be served");
        Assert.IsNotNull(await bad.WaitForTicketAsync("demo-hp-1-000006", "queued"), "the same device keeps being served after bad input");
        Assert.IsTrue(bad.Mqtt.IsConnected);
        Assert.AreEqual(1, gw.Get<GatewayMetrics>().Get("mqtt_rejected", "malformed JSON"));
    }

    [TestMethod]
    public async Task An_oversized_payload_is_rejected_with_its_reason()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var device = await gw.DeviceAsync();
        await device.SubscribeTicketAsync();

        var padding = new string('x', 2000);
        await device.PublishAsync("request", $$"""{"id":"demo-hp-1-000009","category":"bankid","pad":"{{padding}}"}""");

        var rejected = await device.WaitForTicketAsync("demo-hp-1-000009", "rejected");
        Assert.IsNotNull(rejected);
        Assert.AreEqual("payload too large", rejected.Value.GetProperty("reason").GetString());
    }

    [TestMethod]
    public async Task A_device_can_cancel_its_request()
    {
        await using var gw = await TestGateway.StartAsync();
        using var host = await gw.HostOnDutyAsync();
        await using var device = await gw.DeviceAsync();
        await device.SubscribeTicketAsync();
        await device.RequestAsync(3);
        Assert.IsNotNull(await device.WaitForTicketAsync("demo-hp-1-000003", "queued"));

        await device.PublishAsync("cancel", """{"id":"demo-hp-1-000003"}""");

        Assert.IsNotNull(await device.WaitForTicketAsync("demo-hp-1-000003", "cancelled"));
        var queue = await host.GetFromJsonAsync<JsonElement>("/api/v1/branches/demo/queue");
        Assert.AreEqual(0, queue.GetArrayLength());
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task Status_heartbeats_and_the_last_will_update_the_fleet(string provider)
    {
        await using var gw = await TestGateway.StartOnAsync(provider);
        using var manager = await gw.SignInAsync("manager", "demo-manager");
        var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", gw.MqttPort).WithCredentials("demo-hp-2", "demo-secret")
            .WithClientId("demo-hp-2").WithWillTopic("helppoint/v1/demo/demo-hp-2/status").WithWillPayload("""{"online":false}""")
            .WithWillRetain().WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
        await client.ConnectAsync(options);
        await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("helppoint/v1/demo/demo-hp-2/status")
            .WithPayload("""{"online":true,"fw":"1.2.3","uptimeS":3600,"rssi":-61,"freeHeap":81234,"queued":2}""")
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag().Build());

        var device = (await manager.GetFromJsonAsync<JsonElement>("/api/v1/devices")).EnumerateArray().Single(d => d.GetProperty("id").GetString() == "demo-hp-2");
        Assert.IsTrue(device.GetProperty("online").GetBoolean());
        Assert.AreEqual("1.2.3", device.GetProperty("firmware").GetString());
        Assert.AreEqual(-61, device.GetProperty("rssi").GetInt32());
        Assert.AreEqual(2, device.GetProperty("queued").GetInt32());

        // A dropped connection (no DISCONNECT) makes the broker publish the last will.
        client.Dispose();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        bool online;
        do
        {
            await Task.Delay(100);
            device = (await manager.GetFromJsonAsync<JsonElement>("/api/v1/devices")).EnumerateArray().Single(d => d.GetProperty("id").GetString() == "demo-hp-2");
            online = device.GetProperty("online").GetBoolean();
        }
        while (online && DateTime.UtcNow < deadline);

        Assert.IsFalse(online, "the last will must mark the device offline");
    }
}
