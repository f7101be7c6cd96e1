using System.Net.Http.Json;
using System.Text.Json;
using HelpPoint.Gateway.Admin;
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

    [TestMethod]
    public async Task A_device_using_another_devices_client_id_neither_kicks_it_off_nor_gets_its_session()
    {
        await using var broker = await MosquittoBroker.StartAsync(("demo-hp-1", "demo", "s1"), ("kista-hp-1", "kista", "s2"));
        await using var gw = await TestGateway.StartWithAsync(broker.GatewayArgs("gw-takeover"));
        await using var victim = await DeviceClient.ConnectAsync(broker.Port, "demo", "demo-hp-1", "s1", mqtt5: false, clientId: "demo-hp-1", cleanSession: false);
        await victim.SubscribeTicketAsync();

        // Another branch's device, with its own credentials, asks for the victim's client id and session.
        await using var attacker = await DeviceClient.ConnectAsync(broker.Port, "kista", "kista-hp-1", "s2", mqtt5: true, clientId: "demo-hp-1", cleanSession: false);
        await victim.RequestAsync(1);

        Assert.IsFalse(attacker.SessionPresent, "the victim's session must not be resumed");
        Assert.IsNotNull(await victim.WaitForTicketAsync("demo-hp-1-000001", "unstaffed", TimeSpan.FromSeconds(30)), "the victim stays connected and served");
        Assert.IsTrue(victim.Mqtt.IsConnected);
        Assert.IsFalse(attacker.Received.Any(), "the attacker receives nothing of the victim's");
        var asVictim = await attacker.Mqtt.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("helppoint/v1/demo/demo-hp-1/cancel")
            .WithPayload("""{"id":"demo-hp-1-000001"}""").WithQualityOfServiceLevel(MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce).Build());
        Assert.AreEqual(MqttClientPublishReasonCode.NotAuthorized, asVictim.ReasonCode);
    }

    [TestMethod]
    public async Task The_command_line_tool_adds_a_device_to_a_running_mosquitto_with_exactly_its_topics()
    {
        await using var broker = await MosquittoBroker.StartAsync(("demo-hp-1", "demo", "s1"));
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await MosquittoCli.RunAsync(
            ["mosquitto", "add-device", "--device", "demo-hp-9", "--branch", "demo", "--password-file", broker.PasswordFile, "--acl-file", broker.AclFile],
            new StringReader("new-device-secret\n"), output, error);
        Assert.AreEqual(0, code, error.ToString());
        broker.Reload();

        // Mosquitto re-reads its files on SIGHUP; a connection attempt right after may still meet the old ones.
        DeviceClient? added = null;
        for (var attempt = 0; attempt < 20 && added is null; attempt++)
        {
            try
            {
                added = await DeviceClient.ConnectAsync(broker.Port, "demo", "demo-hp-9", "new-device-secret", mqtt5: true, clientId: null);
            }
            catch (ConnectRefusedException) when (attempt < 19)
            {
                await Task.Delay(100);
            }
        }

        await using var device = added!;
        await using var other = await DeviceClient.ConnectAsync(broker.Port, "demo", "demo-hp-1", "s1", mqtt5: true, clientId: null);
        var own = (await device.PublishAsync("request", """{"id":"demo-hp-9-000001","category":"bankid","ageMs":0}""")).ReasonCode;
        Assert.IsTrue(own is MqttClientPublishReasonCode.Success or MqttClientPublishReasonCode.NoMatchingSubscribers, own + broker.Log); // no gateway listens here
        Assert.AreEqual(MqttClientPublishReasonCode.NotAuthorized,
            (await device.PublishAsync("request", """{"id":"demo-hp-1-000001","category":"bankid","ageMs":0}""", device: "demo-hp-1")).ReasonCode);
        await Assert.ThrowsAsync<ConnectRefusedException>(() => DeviceClient.ConnectAsync(broker.Port, "demo", "demo-hp-9", "wrong-secret", mqtt5: true, clientId: null));
        Assert.IsTrue(other.Mqtt.IsConnected, "the existing device keeps working");
        StringAssert.Contains(output.ToString(), "help point demo-hp-9 of branch demo written");
        Assert.IsFalse(File.ReadAllText(broker.PasswordFile).Contains("new-device-secret", StringComparison.Ordinal), "only a hash is stored");
    }

    [TestMethod]
    [DataRow(new[] { "mosquitto", "add-device", "--device", "Demo HP", "--branch", "demo" }, "--device must match")]
    [DataRow(new[] { "mosquitto", "add-device", "--device", "demo-hp-1", "--branch", "demo" }, "at least 8 characters")]
    [DataRow(new[] { "mosquitto", "add-device", "--device", "demo-hp-1" }, "--branch must match")]
    [DataRow(new[] { "mosquitto", "add-gateway", "--user", "gw" }, "at least 12 characters")]
    [DataRow(new[] { "mosquitto", "add-device", "--colour", "red" }, "unknown option --colour")]
    public async Task The_tool_refuses_bad_input_with_a_sentence_and_writes_nothing(string[] args, string message)
    {
        var dir = Directory.CreateTempSubdirectory("hp-mosq-cli-").FullName;
        try
        {
            var error = new StringWriter();
            var files = new[] { "--password-file", Path.Combine(dir, "passwd"), "--acl-file", Path.Combine(dir, "acl") };

            var code = await MosquittoCli.RunAsync([.. args, .. files], new StringReader("short\n"), TextWriter.Null, error);

            Assert.AreEqual(1, code);
            StringAssert.Contains(error.ToString(), message);
            Assert.AreEqual(0, Directory.GetFiles(dir).Length, "no file written");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [TestMethod]
    public async Task A_generated_secret_is_printed_once_and_works()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var output = new StringWriter();

        var code = await MosquittoCli.RunAsync(
            ["mosquitto", "add-device", "--device", "demo-board", "--branch", "demo", "--board", "--generate-secret", "--password-file", broker.PasswordFile, "--acl-file", broker.AclFile],
            TextReader.Null, output, TextWriter.Null);
        Assert.AreEqual(0, code);
        var secret = output.ToString().Split('\n').Single(l => l.StartsWith("secret: ", StringComparison.Ordinal))["secret: ".Length..].Trim();
        Assert.IsTrue(secret.Length >= 24, secret);
        StringAssert.Contains(File.ReadAllText(broker.AclFile), "topic read helppoint/v1/demo/board");
        broker.Reload();

        DeviceClient? board = null;
        for (var attempt = 0; attempt < 20 && board is null; attempt++)
        {
            try
            {
                board = await DeviceClient.ConnectAsync(broker.Port, "demo", "demo-board", secret, mqtt5: true, clientId: null);
            }
            catch (ConnectRefusedException) when (attempt < 19)
            {
                await Task.Delay(100);
            }
        }

        await using var connected = board!;
        Assert.AreEqual(MqttClientPublishReasonCode.NotAuthorized,
            (await connected.PublishAsync("request", """{"id":"demo-board-000001","category":"bankid","ageMs":0}""")).ReasonCode, "a board presses nothing");
    }
}
