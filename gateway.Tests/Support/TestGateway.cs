using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace HelpPoint.Gateway.Tests.Support;

/// <summary>
/// A real gateway in this process: embedded broker on a free loopback port, SQLite in a temp directory, Kestrel on loopback.
/// Demo mode by default, so the contract's demo devices and users exist.
/// </summary>
public sealed class TestGateway : IAsyncDisposable
{
    private readonly bool _ownsData;

    private TestGateway(WebApplication app, string dataPath, int mqttPort, Uri http, bool ownsData)
    {
        App = app;
        DataPath = dataPath;
        MqttPort = mqttPort;
        Http = http;
        _ownsData = ownsData;
    }

    public WebApplication App { get; }

    public string DataPath { get; }

    public int MqttPort { get; }

    public Uri Http { get; }

    public IServiceProvider Services => App.Services;

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    public static Task<TestGateway> StartAsync(string? dataPath = null, int? mqttPort = null, bool demo = true, params string[] extra) =>
        StartAsync(null, dataPath, mqttPort, demo, extra);

    /// <summary>Starts a demo gateway with extra command-line arguments.</summary>
    public static Task<TestGateway> StartWithAsync(params string[] extra) => StartAsync((Action<IServiceCollection>?)null, extra: extra);

    /// <summary>Starts a gateway on <paramref name="provider"/> (<c>sqlite</c> or <c>postgres</c>, a fresh database on the test server).</summary>
    public static async Task<TestGateway> StartOnAsync(string provider, Action<IServiceCollection>? configure = null, params string[] extra) =>
        await StartAsync(configure, extra: [.. await StorageArgsAsync(provider), .. extra]);

    /// <summary>Command-line arguments that select a storage provider.</summary>
    public static async Task<string[]> StorageArgsAsync(string provider) => provider switch
    {
        "sqlite" => [],
        "postgres" => ["--Data:Provider=postgres", $"--Data:ConnectionString={await PostgresServer.CreateDatabaseAsync()}"],
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "sqlite or postgres"),
    };

    /// <summary>Starts a gateway whose services <paramref name="configure"/> may replace (e.g. a fake clock).</summary>
    public static async Task<TestGateway> StartAsync(Action<IServiceCollection>? configure, string? dataPath = null, int? mqttPort = null, bool demo = true, params string[] extra)
    {
        var ownsData = dataPath is null;
        dataPath ??= Path.Combine(Path.GetTempPath(), "hp-gw-" + Guid.NewGuid().ToString("N"));
        var port = mqttPort ?? Ports.FreeTcpPort();
        var args = new List<string>
        {
            "--urls", "http://127.0.0.1:0",
            $"--Mqtt:Port={port}",
            "--Mqtt:BindAddress=127.0.0.1",
            $"--Data:Path={dataPath}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.AspNetCore=Warning",
        };
        if (demo)
        {
            args.Add("--demo");
        }

        args.AddRange(extra);
        var app = GatewayHost.Build([.. args], services =>
        {
            // No test asks the network's DNS: push endpoints' host names are answered here.
            services.AddSingleton<HelpPoint.Gateway.Notifications.Channels.WebPush.IHostAddresses>(TestHostAddresses.Instance);
            configure?.Invoke(services);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestGateway(app, dataPath, port, new Uri(address), ownsData);
    }

    /// <summary>An HTTP client with no session.</summary>
    public HttpClient Client() => new() { BaseAddress = Http, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>An HTTP client signed in as <paramref name="user"/> with a bearer token.</summary>
    public async Task<HttpClient> SignInAsync(string user, string secret)
    {
        var client = Client();
        var response = await client.PostAsJsonAsync("/api/v1/session", new { user, secret });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("token").GetString());
        return client;
    }

    /// <summary>Signs in and goes on duty at the demo branch.</summary>
    public async Task<HttpClient> HostOnDutyAsync(string user = "host1", string secret = "1111", string branch = "demo", params string[] languages)
    {
        var client = await SignInAsync(user, secret);
        var response = await client.PutAsJsonAsync("/api/v1/me/duty", new { branch, onDuty = true, languages = languages.Length == 0 ? ["sv", "en"] : languages });
        response.EnsureSuccessStatusCode();
        return client;
    }

    public Task<DeviceClient> DeviceAsync(string device = "demo-hp-1", string secret = "demo-secret", string branch = "demo", bool mqtt5 = false, string? clientId = null, bool cleanSession = true) =>
        DeviceClient.ConnectAsync(MqttPort, branch, device, secret, mqtt5, clientId, cleanSession);

    /// <summary>Registers a device (and its branch, if new) with the demo secret, as an admin would.</summary>
    public async Task AddDeviceAsync(string device, string branch, HelpPoint.Domain.Devices.DeviceKind kind = HelpPoint.Domain.Devices.DeviceKind.HelpPoint)
    {
        var branches = Get<HelpPoint.Domain.Branches.IBranchStore>();
        if (await branches.FindAsync(branch) is null)
        {
            await branches.UpsertAsync(new HelpPoint.Domain.Branches.Branch { Id = branch, Name = branch, Languages = ["sv", "en"] });
        }

        await Get<HelpPoint.Domain.Devices.IDeviceStore>().UpsertAsync(new HelpPoint.Domain.Devices.Device
        {
            Id = device,
            Branch = branch,
            Kind = kind,
            SecretHash = HelpPoint.Gateway.Auth.SecretHasher.HashDeviceSecret("demo-secret"),
        });
        Get<HelpPoint.Gateway.Mqtt.DeviceDirectory>().Forget(device);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (_ownsData)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataPath, recursive: true);
            }
            catch (IOException)
            {
                // A temp directory left behind is harmless.
            }
        }
    }
}
