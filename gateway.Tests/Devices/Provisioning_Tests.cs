using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HelpPoint.Core;
using HelpPoint.Domain.Staff;
using HelpPoint.Gateway.Auth;
using HelpPoint.Gateway.Storage;
using HelpPoint.Gateway.Tests.Stats;
using HelpPoint.Gateway.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MQTTnet;

namespace HelpPoint.Gateway.Tests.Devices;

/// <summary>Device provisioning by an admin over real HTTP, checked by connecting to the real embedded broker with the issued secrets.</summary>
[TestClass]
public sealed class Provisioning_Tests
{
    private static async Task<(TestGateway Gateway, HttpClient Admin)> StartAsync()
    {
        var gw = await TestGateway.StartAsync();
        await StatsSeed.StaffAsync(gw, "root", "Root", StaffRole.Admin, "root-password-1");
        return (gw, await gw.SignInAsync("root", "root-password-1"));
    }

    [TestMethod]
    public async Task A_registered_device_connects_with_its_secret_shown_once_and_stored_only_as_a_hash()
    {
        var (gw, admin) = await StartAsync();
        await using var _ = gw;

        var response = await admin.PostAsJsonAsync("/api/v1/admin/devices", new { id = "demo-hp-9", branch = "demo", kind = "helppoint", wifiSsid = "Library-IoT", wifiPassword = "w1f1" });

        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var secret = body.GetProperty("secret").GetString()!;
        Assert.IsTrue(secret.Length >= 32, secret);
        await using (var device = await gw.DeviceAsync("demo-hp-9", secret))
        {
            Assert.IsTrue(device.Mqtt.IsConnected);
        }

        var stored = await gw.Get<DbFactory>().ReadAsync(db => db.Devices.AsNoTracking().SingleAsync(d => d.Id == "demo-hp-9"));
        Assert.IsFalse(stored.SecretHash.Contains(secret, StringComparison.Ordinal));
        Assert.IsTrue(SecretHasher.Verify(secret, stored.SecretHash));
        var list = await admin.GetStringAsync("/api/v1/admin/devices");
        StringAssert.Contains(list, "\"id\":\"demo-hp-9\"");
        Assert.IsFalse(list.Contains(secret, StringComparison.Ordinal) || list.Contains("secretHash", StringComparison.OrdinalIgnoreCase));
    }

    [TestMethod]
    public async Task The_config_file_is_what_the_firmware_reads()
    {
        var (gw, admin) = await StartAsync();
        await using var _ = gw;
        var response = await admin.PostAsJsonAsync("/api/v1/admin/devices", new { id = "demo-board-2", branch = "demo", kind = "board", wifiSsid = "Library-IoT", wifiPassword = "w1f1" });
        var registered = await response.Content.ReadFromJsonAsync<JsonElement>();

        var download = await admin.PostAsJsonAsync("/api/v1/admin/devices/demo-board-2/config", new { wifiSsid = "Library-IoT", wifiPassword = "w1f1" });
        var bytes = await download.Content.ReadAsByteArrayAsync();

        Assert.AreEqual(HttpStatusCode.OK, download.StatusCode);
        Assert.AreEqual("attachment; filename=\"config.json\"", download.Content.Headers.ContentDisposition?.ToString());
        var config = DeviceConfig.Parse(bytes);
        Assert.IsTrue(config.IsValid, $"{config.Problem} {config.ProblemField}: {Encoding.UTF8.GetString(bytes)}");
        Assert.AreEqual("Library-IoT", config.WifiSsid);
        Assert.AreEqual("w1f1", config.WifiPassword);
        Assert.AreEqual("127.0.0.1", config.MqttHost);
        Assert.AreEqual(gw.MqttPort, config.MqttPort);
        Assert.IsFalse(config.MqttTls);
        Assert.AreEqual("demo-board-2", config.DeviceId);
        Assert.AreEqual("demo", config.Branch);
        Assert.AreEqual("sv", config.Language);

        // The download issued a new secret: the one from registration no longer connects, the file's does.
        Assert.AreNotEqual(registered.GetProperty("secret").GetString(), config.Secret);
        await Assert.ThrowsExactlyAsync<ConnectRefusedException>(() => gw.DeviceAsync("demo-board-2", registered.GetProperty("secret").GetString()!));
        await using var device = await gw.DeviceAsync("demo-board-2", config.Secret);
        Assert.IsTrue(device.Mqtt.IsConnected);
    }

    [TestMethod]
    public async Task Rotating_stops_the_old_secret_at_once_even_right_after_it_connected()
    {
        var (gw, admin) = await StartAsync();
        await using var _ = gw;

        // demo-secret connects, so the broker's credential cache now holds it for a minute.
        await (await gw.DeviceAsync("demo-hp-1", "demo-secret")).DisposeAsync();
        var rotated = await (await admin.PostAsync("/api/v1/admin/devices/demo-hp-1/rotate", null)).Content.ReadFromJsonAsync<JsonElement>();

        var refused = await Assert.ThrowsExactlyAsync<ConnectRefusedException>(() => gw.DeviceAsync("demo-hp-1", "demo-secret"));
        Assert.AreEqual(MqttClientConnectResultCode.BadUserNameOrPassword, refused.ResultCode);
        await using var device = await gw.DeviceAsync("demo-hp-1", rotated.GetProperty("secret").GetString()!);
        Assert.IsTrue(device.Mqtt.IsConnected);
        Assert.AreEqual("127.0.0.1", rotated.GetProperty("config").GetProperty("mqtt").GetProperty("host").GetString());
    }

    [TestMethod]
    public async Task A_revoked_device_cannot_connect_leaves_the_fleet_and_can_be_registered_again()
    {
        var (gw, admin) = await StartAsync();
        await using var _ = gw;
        await (await gw.DeviceAsync("demo-hp-2", "demo-secret")).DisposeAsync();

        var revoked = await admin.PostAsync("/api/v1/admin/devices/demo-hp-2/revoke", null);

        Assert.AreEqual(HttpStatusCode.OK, revoked.StatusCode);
        Assert.AreEqual("revoked", (await revoked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        await Assert.ThrowsExactlyAsync<ConnectRefusedException>(() => gw.DeviceAsync("demo-hp-2", "demo-secret"));
        var fleet = await admin.GetFromJsonAsync<JsonElement>("/api/v1/devices");
        Assert.IsFalse(fleet.EnumerateArray().Any(d => d.GetProperty("id").GetString() == "demo-hp-2"));
        var registrations = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/devices");
        var entry = registrations.EnumerateArray().Single(d => d.GetProperty("id").GetString() == "demo-hp-2");
        Assert.AreEqual("revoked", entry.GetProperty("state").GetString());
        Assert.AreEqual("root", entry.GetProperty("revokedBy").GetString());
        Assert.AreEqual(HttpStatusCode.NotFound, (await admin.PostAsync("/api/v1/admin/devices/demo-hp-2/rotate", null)).StatusCode);

        var again = await admin.PostAsJsonAsync("/api/v1/admin/devices", new { id = "demo-hp-2", branch = "demo" });
        Assert.AreEqual(HttpStatusCode.Created, again.StatusCode);
        await using var device = await gw.DeviceAsync("demo-hp-2", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!);
        Assert.IsTrue(device.Mqtt.IsConnected);
    }

    [TestMethod]
    [DataRow("""{"id":"Demo HP","branch":"demo"}""", 400, "id must match")]
    [DataRow("""{"id":"demo-hp-7","branch":"nowhere"}""", 404, "unknown branch")]
    [DataRow("""{"id":"demo-hp-1","branch":"demo"}""", 409, "registered already")]
    [DataRow("""{"id":"demo-hp-7","branch":"demo","kind":"toaster"}""", 400, "kind must be")]
    [DataRow("""{"id":"demo-hp-7","branch":"demo","wifiSsid":"a-very-long-network-name-beyond-32"}""", 400, "wifiSsid")]
    public async Task Bad_registrations_get_a_problem_with_a_sentence(string json, int status, string detail)
    {
        var (gw, admin) = await StartAsync();
        await using var _ = gw;

        var response = await admin.PostAsync("/api/v1/admin/devices", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.AreEqual(status, (int)response.StatusCode);
        StringAssert.Contains((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), detail);
    }

    [TestMethod]
    [DataRow("GET", "/api/v1/admin/devices")]
    [DataRow("POST", "/api/v1/admin/devices")]
    [DataRow("POST", "/api/v1/admin/devices/demo-hp-1/rotate")]
    [DataRow("POST", "/api/v1/admin/devices/demo-hp-1/revoke")]
    [DataRow("POST", "/api/v1/admin/devices/demo-hp-1/config")]
    public async Task Provisioning_needs_an_admin(string method, string path)
    {
        await using var gw = await TestGateway.StartAsync();
        using var manager = await gw.SignInAsync("manager", "demo-manager");
        using var anonymous = gw.Client();

        var asManager = await manager.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) });
        var asNobody = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) });

        Assert.AreEqual(HttpStatusCode.Forbidden, asManager.StatusCode);
        Assert.AreEqual(HttpStatusCode.Unauthorized, asNobody.StatusCode);
        await using var device = await gw.DeviceAsync("demo-hp-1", "demo-secret");
        Assert.IsTrue(device.Mqtt.IsConnected, "nothing changed");
    }
}
