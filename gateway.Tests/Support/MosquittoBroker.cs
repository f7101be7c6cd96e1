using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using HelpPoint.Gateway.Mqtt;

namespace HelpPoint.Gateway.Tests.Support;

/// <summary>
/// A real Mosquitto broker on a free loopback port with a password file and ACL written by the gateway's own
/// <see cref="MosquittoFiles"/>. Can be stopped and started again on the same port (broker outage tests).
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/mosquitto";
    public const string GatewayUser = "helppoint-gateway";
    public const string GatewayPassword = "gateway-test-secret";

    /// <summary>A second gateway's user: with the user name as client id, two gateways sharing a user would replace each other.</summary>
    public const string SecondGatewayUser = "helppoint-gateway-2";

    /// <summary>The shipped configuration's settings that decide who may connect as whom; the test broker runs with them.</summary>
    private static readonly string[] ShippedSecuritySettings = ["per_listener_settings", "allow_anonymous", "use_username_as_clientid"];

    private readonly string _dir;
    private Process? _process;
    private readonly StringBuilder _log = new();

    private MosquittoBroker(string dir, int port)
    {
        _dir = dir;
        Port = port;
    }

    public int Port { get; }

    public string PasswordFile => Path.Combine(_dir, "passwd");

    public string AclFile => Path.Combine(_dir, "acl");

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts Mosquitto with the gateway user and the given devices (id, branch, secret).</summary>
    public static async Task<MosquittoBroker> StartAsync(params (string Device, string Branch, string Secret)[] devices)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} is missing; the README test command installs mosquitto");
        }

        var dir = Path.Combine(Path.GetTempPath(), "hp-mosquitto-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var broker = new MosquittoBroker(dir, Ports.FreeTcpPort());
        await MosquittoFiles.WriteAllAsync(broker.PasswordFile, broker.AclFile, GatewayUser, GatewayPassword,
            devices.Select(d => (d.Device, d.Branch, false, d.Secret)));
        await MosquittoFiles.SetPasswordAsync(broker.PasswordFile, SecondGatewayUser, GatewayPassword);
        await MosquittoFiles.SetAclAsync(broker.AclFile, SecondGatewayUser, MosquittoFiles.GatewayAcl(SecondGatewayUser));
        var shipped = string.Join('\n', (await File.ReadAllLinesAsync(Path.Combine(Repo.Root, "docs", "deployment", "mosquitto.conf")))
            .Where(l => ShippedSecuritySettings.Any(k => l.StartsWith(k + " ", StringComparison.Ordinal))));

        var user = Environment.UserName == "root" ? "user root\n" : "";
        await File.WriteAllTextAsync(Path.Combine(dir, "mosquitto.conf"), $"""
            listener {broker.Port} 127.0.0.1
            {shipped}
            password_file {broker.PasswordFile}
            acl_file {broker.AclFile}
            persistence false
            max_queued_messages 100000
            max_inflight_messages 100
            set_tcp_nodelay true
            log_dest stdout
            log_type error
            log_type warning
            log_type notice
            max_connections -1
            {user}
            """);
        await broker.StartAgainAsync();
        return broker;
    }

    /// <summary>(Re)starts the broker process on the same port.</summary>
    public async Task StartAgainAsync()
    {
        var info = new ProcessStartInfo(Binary) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(Path.Combine(_dir, "mosquitto.conf"));
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(100);
            }
            catch (SocketException)
            {
                throw new InvalidOperationException("mosquitto did not start:\n" + Log);
            }
        }
    }

    /// <summary>Stops the broker hard (connections drop, nothing is persisted).</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
        }

        _process = null;
    }

    /// <summary>Asks the running broker to re-read its password and ACL files.</summary>
    public void Reload()
    {
        using var kill = Process.Start("kill", ["-HUP", _process!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>Gateway command-line arguments for external mode against this broker (<paramref name="second"/>: as the second gateway's user).</summary>
    public string[] GatewayArgs(string clientId, bool second = false) =>
    [
        "--Mqtt:Mode=external", "--Mqtt:Host=127.0.0.1", $"--Mqtt:Port={Port}", $"--Mqtt:Username={(second ? SecondGatewayUser : GatewayUser)}",
        $"--Mqtt:Password={GatewayPassword}", $"--Mqtt:ClientId={clientId}",
    ];

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Left in /tmp: harmless.
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }
}
