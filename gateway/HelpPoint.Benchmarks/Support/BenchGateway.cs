using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using HelpPoint.Gateway;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace HelpPoint.Benchmarks.Support;

/// <summary>A real gateway in this process for a benchmark: demo mode, Kestrel and the embedded broker on loopback, data in a temp directory.</summary>
public sealed class BenchGateway : IAsyncDisposable
{
    private readonly string _dataPath;

    private BenchGateway(WebApplication app, string dataPath, Uri http)
    {
        App = app;
        _dataPath = dataPath;
        Http = http;
    }

    public WebApplication App { get; }

    public Uri Http { get; }

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    public static async Task<BenchGateway> StartAsync(IEnumerable<string> settings)
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "hp-bench-" + Guid.NewGuid().ToString("N"));
        string[] args =
        [
            "--urls", "http://127.0.0.1:0", $"--Mqtt:Port={FreeTcpPort()}", "--Mqtt:BindAddress=127.0.0.1", $"--Data:Path={dataPath}",
            "--Logging:LogLevel:Default=Warning", "--demo", .. settings,
        ];
        var app = GatewayHost.Build(args);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BenchGateway(app, dataPath, new Uri(address));
    }

    /// <summary>An HTTP client signed in with a bearer token.</summary>
    public async Task<HttpClient> SignInAsync(string user, string secret)
    {
        var client = new HttpClient { BaseAddress = Http, Timeout = TimeSpan.FromSeconds(60) };
        var response = await client.PostAsJsonAsync("/api/v1/session", new { user, secret });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataPath, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
