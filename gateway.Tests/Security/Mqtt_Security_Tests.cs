using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HelpPoint.Gateway.Mqtt;
using HelpPoint.Gateway.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace HelpPoint.Gateway.Tests.Security;

/// <summary>Attacks on the MQTT side: flooding, reconnect storms, TLS and certificate pinning, secrets in logs.</summary>
[TestClass]
public sealed class Mqtt_Security_Tests
{
    [TestMethod]
    public async Task A_flooding_device_is_throttled_and_reported_while_others_are_served()
    {
        await using var gw = await TestGateway.StartAsync();
        using var host = await gw.HostOnDutyAsync();
        await using var flooder = await gw.DeviceAsync("demo-hp-1", mqtt5: true);
        await using var neighbour = await gw.DeviceAsync("demo-hp-2");
        await neighbour.SubscribeTicketAsync();

        var flood = Enumerable.Range(0, 300).Select(i => flooder.PublishAsync("status", $$"""{"online":true,"uptimeS":{{i}}}""")).ToList();
        await neighbour.RequestAsync(1);
        var results = await Task.WhenAll(flood);

        Assert.IsNotNull(await neighbour.WaitForTicketAsync("demo-hp-2-000001", "queued", TimeSpan.FromSeconds(5)), "the neighbour must be served during the flood");
        var refused = results.Count(r => r.ReasonCode == MqttClientPublishReasonCode.QuotaExceeded);
        Assert.IsTrue(refused >= 200, $"only {refused} of 300 flood messages were refused");
        Assert.IsTrue(gw.Get<GatewayMetrics>().Get("mqtt_throttled", "demo-hp-1") >= 200, "the throttling must be counted per device");
        Assert.AreEqual(0, gw.Get<GatewayMetrics>().Get("mqtt_throttled", "demo-hp-2"));
    }

    [TestMethod]
    public async Task A_device_with_an_open_request_gets_its_ticket_again_instead_of_filling_the_queue()
    {
        await using var gw = await TestGateway.StartAsync();
        using var host = await gw.HostOnDutyAsync();
        await using var device = await gw.DeviceAsync("demo-hp-1", mqtt5: true);
        await device.SubscribeTicketAsync();
        await device.RequestAsync(1);
        Assert.IsNotNull(await device.WaitForTicketAsync("demo-hp-1-000001", "queued"));

        // What a stolen device would do: new ids as fast as the rate limit lets it (each acknowledged after ingest).
        for (var seq = 2; seq <= 20; seq++)
        {
            await device.RequestAsync(seq);
        }

        var queue = await host.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/branches/demo/queue");
        Assert.AreEqual(1, queue.GetArrayLength(), "one open request per help point");
        Assert.AreEqual("demo-hp-1-000001", queue[0].GetProperty("id").GetString());
        Assert.AreEqual(19, gw.Get<GatewayMetrics>().Get("press_while_open", "demo-hp-1"));
        List<System.Text.Json.JsonElement> Tickets() =>
            [.. device.Received.Where(m => m.Topic == device.TicketTopic).Select(m => System.Text.Json.JsonDocument.Parse(m.Payload).RootElement)];
        await WaitUntilAsync(() => Tickets().Count >= 20, "each press is answered with a ticket");
        var tickets = Tickets();
        Assert.IsTrue(tickets.All(t => t.GetProperty("id").GetString() == "demo-hp-1-000001" && t.GetProperty("ticket").GetString() == "1"),
            "every answer is the open request's ticket: " + string.Join(" ", tickets.Select(t => t.GetProperty("id").GetString())));
    }

    [TestMethod]
    public async Task A_throttled_device_is_reported_to_its_branchs_managers_at_most_once_in_five_minutes()
    {
        // The rate limiter and the alert both run on this clock: nothing refills or repeats unless the test moves it.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var gw = await TestGateway.StartAsync(s => s.AddSingleton<TimeProvider>(clock), extra: ["--Routing:TickMs=0"]);
        using var manager = await gw.SignInAsync("manager", "demo-manager");
        using var host = await gw.HostOnDutyAsync();
        await using var managerView = SseListener.Start(gw.Http, manager.DefaultRequestHeaders.Authorization!.Parameter!);
        await using var hostView = SseListener.Start(gw.Http, host.DefaultRequestHeaders.Authorization!.Parameter!);
        await WaitUntilAsync(() => managerView.Connected && hostView.Connected, "the live views did not connect");
        await using var flooder = await gw.DeviceAsync("demo-hp-1", mqtt5: true);
        var metrics = gw.Get<GatewayMetrics>();

        async Task<int> FloodAsync()
        {
            var results = await Task.WhenAll(Enumerable.Range(0, 150).Select(i => flooder.PublishAsync("status", $$"""{"online":true,"uptimeS":{{i}}}""")));
            return results.Count(r => r.ReasonCode == MqttClientPublishReasonCode.QuotaExceeded);
        }

        Assert.IsTrue(await FloodAsync() > 0, "the flood is throttled");
        await WaitUntilAsync(() => Notices(managerView).Count == 1, "the branch's manager was not told");
        var notice = Notices(managerView).Single();
        Assert.AreEqual("demo-hp-1", notice.GetProperty("device").GetString());
        StringAssert.Contains(notice.GetProperty("detail").GetString(), "too many messages");

        Assert.IsTrue(await FloodAsync() > 0, "still throttled");
        Assert.AreEqual(1, metrics.Get("throttle_alerts", "demo-hp-1"), "a second flood within five minutes raises no second alert");

        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.IsTrue(await FloodAsync() > 0, "throttled again once the limiter refilled");
        Assert.AreEqual(2, metrics.Get("throttle_alerts", "demo-hp-1"));
        await WaitUntilAsync(() => Notices(managerView).Count == 2, "five minutes later the manager is told again");

        // Hosts are not managers: a press everyone watching the branch hears of arrives after any notice sent before it.
        await using var neighbour = await gw.DeviceAsync("demo-hp-2");
        await neighbour.RequestAsync(1);
        await WaitUntilAsync(() => hostView.RequestIds().Contains("demo-hp-2-000001"), "the host's view missed the press");
        Assert.AreEqual(0, Notices(hostView).Count, "an IT-host is not told of throttled devices");
        Assert.AreEqual(0, metrics.Get("throttle_alerts", "demo-hp-2"));
    }

    private static List<System.Text.Json.JsonElement> Notices(SseListener view) =>
        [.. view.Events.Where(e => e.Type == "device-throttled").Select(e => e.Data)];

    private static async Task WaitUntilAsync(Func<bool> condition, string message)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.IsTrue(DateTime.UtcNow < deadline, message);
            await Task.Delay(20);
        }
    }

    [TestMethod]
    public async Task Failed_connects_in_a_devices_name_do_not_keep_the_device_out_and_their_address_is_throttled()
    {
        await using var gw = await TestGateway.StartAsync();
        var attacker = System.Net.IPAddress.Parse("127.0.0.2");

        var codes = new List<MqttClientConnectResultCode>();
        for (var i = 0; i < 20; i++)
        {
            var refused = await Assert.ThrowsExactlyAsync<ConnectRefusedException>(() =>
                DeviceClient.ConnectAsync(gw.MqttPort, "demo", "demo-hp-1", "wrong-secret", mqtt5: true, clientId: null, from: attacker));
            codes.Add(refused.ResultCode);
        }

        await using var device = await gw.DeviceAsync("demo-hp-1", mqtt5: true);
        Assert.IsTrue(device.Mqtt.IsConnected, "the real device connects: failures in its name do not count against it");
        Assert.IsTrue(codes.Count(c => c == MqttClientConnectResultCode.QuotaExceeded) >= 9, "the failing address is throttled: " + string.Join(',', codes));
        var alsoRefused = await Assert.ThrowsExactlyAsync<ConnectRefusedException>(() =>
            DeviceClient.ConnectAsync(gw.MqttPort, "demo", "demo-hp-2", "demo-secret", mqtt5: true, clientId: null, from: attacker));
        Assert.AreEqual(MqttClientConnectResultCode.QuotaExceeded, alsoRefused.ResultCode, "not even a right secret is checked from there for now");
    }

    [TestMethod]
    public async Task A_reconnect_storm_is_refused_after_the_burst()
    {
        await using var gw = await TestGateway.StartAsync();

        var refused = 0;
        for (var i = 0; i < 20; i++)
        {
            try
            {
                await using var c = await gw.DeviceAsync("demo-hp-1", mqtt5: true);
            }
            catch (ConnectRefusedException e) when (e.ResultCode == MqttClientConnectResultCode.QuotaExceeded)
            {
                refused++;
            }
        }

        Assert.IsTrue(refused >= 9, $"{refused} of 20 rapid connections refused");
        await using var other = await gw.DeviceAsync("demo-hp-2", mqtt5: true);
        Assert.IsTrue(other.Mqtt.IsConnected, "another device is not affected");
    }

    [TestMethod]
    public async Task The_tls_listener_serves_devices_that_pin_its_certificate_and_fails_those_pinning_another()
    {
        var dir = Directory.CreateTempSubdirectory("hp-tls-").FullName;
        var (certPath, keyPath, thumbprint) = WriteSelfSigned(dir, "helppoint-test");
        var tlsPort = Ports.FreeTcpPort();
        await using var gw = await TestGateway.StartWithAsync($"--Mqtt:Tls:Port={tlsPort}", $"--Mqtt:Tls:CertificatePath={certPath}", $"--Mqtt:Tls:KeyPath={keyPath}");
        using var host = await gw.HostOnDutyAsync();

        using var pinned = await ConnectTlsAsync(tlsPort, thumbprint);
        var ticket = new TaskCompletionSource<string>();
        pinned.ApplicationMessageReceivedAsync += e =>
        {
            ticket.TrySetResult(e.ApplicationMessage.ConvertPayloadToString());
            return Task.CompletedTask;
        };
        await pinned.SubscribeAsync("helppoint/v1/demo/demo-hp-1/ticket", MqttQualityOfServiceLevel.AtLeastOnce);
        await pinned.PublishStringAsync("helppoint/v1/demo/demo-hp-1/request", """{"id":"demo-hp-1-000001","category":"bankid","ageMs":0}""", MqttQualityOfServiceLevel.AtLeastOnce);
        StringAssert.Contains(await ticket.Task.WaitAsync(TimeSpan.FromSeconds(10)), "\"state\":\"queued\"");

        await Assert.ThrowsAsync<Exception>(() => ConnectTlsAsync(tlsPort, "00" + thumbprint[2..]));
        Directory.Delete(dir, recursive: true);
    }

    [TestMethod]
    public async Task Secrets_never_appear_in_the_logs()
    {
        var logs = new CapturedLogs();
        await using var gw = await TestGateway.StartAsync(s => s.AddSingleton<ILoggerProvider>(logs), extra: ["--Logging:LogLevel:Default=Debug"]);
        using var client = gw.Client();

        await client.PostAsync("/api/v1/session", new StringContent("""{"user":"host1","secret":"WrongPin-7731"}""", System.Text.Encoding.UTF8, "application/json"));
        using var host = await gw.SignInAsync("host1", "1111");
        await Assert.ThrowsAsync<ConnectRefusedException>(() => gw.DeviceAsync(secret: "Leaked-Device-Secret-42"));
        await using var device = await gw.DeviceAsync();

        Assert.IsTrue(logs.Lines.Count > 10, "logging was captured");
        foreach (var secret in new[] { "WrongPin-7731", "Leaked-Device-Secret-42", "demo-secret", "\"1111\"" })
        {
            Assert.IsFalse(logs.All.Contains(secret, StringComparison.Ordinal), $"'{secret}' appeared in the logs");
        }

        var token = host.DefaultRequestHeaders.Authorization!.Parameter!;
        Assert.IsFalse(logs.All.Contains(token, StringComparison.Ordinal), "a session token appeared in the logs");
    }

    private static async Task<IMqttClient> ConnectTlsAsync(int port, string pinnedThumbprint)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithCredentials("demo-hp-1", "demo-secret")
            .WithClientId("demo-hp-1-tls")
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithTimeout(TimeSpan.FromSeconds(5))
            .WithTlsOptions(t => t.UseTls().WithCertificateValidationHandler(c =>
                string.Equals(c.Certificate.GetCertHashString(), pinnedThumbprint, StringComparison.OrdinalIgnoreCase)))
            .Build();
        var result = await client.ConnectAsync(options);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            client.Dispose();
            throw new InvalidOperationException(result.ResultCode.ToString());
        }

        return client;
    }

    private static (string Cert, string Key, string Thumbprint) WriteSelfSigned(string dir, string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var certPath = Path.Combine(dir, "broker.crt");
        var keyPath = Path.Combine(dir, "broker.key");
        File.WriteAllText(certPath, cert.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certPath, keyPath, cert.Thumbprint);
    }
}
