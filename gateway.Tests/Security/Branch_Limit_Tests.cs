using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HelpPoint.Domain.Staff;
using HelpPoint.Gateway.Auth;
using HelpPoint.Gateway.Tests.Support;
using Microsoft.AspNetCore.Routing;

namespace HelpPoint.Gateway.Tests.Security;

/// <summary>
/// A manager or desk user of one branch can neither see nor change another branch: every route is walked with users of
/// branch "kista" against branch "demo", which has a host on duty and a waiting request.
/// </summary>
[TestClass]
public sealed class Branch_Limit_Tests
{
    private const string Request = "demo-hp-1-000001";

    // Routes that name no branch: they answer about the caller's own account or their own branches, so they may succeed,
    // but nothing of branch "demo" may be in the answer.
    private static readonly Dictionary<string, string> BranchByQuery = new(StringComparer.Ordinal)
    {
        ["GET /api/v1/stats/daily"] = "?branch=demo",
        ["GET /api/v1/stats/range"] = "?branch=demo",
        ["GET /api/v1/stats/requests"] = "?branch=demo",
        ["GET /api/v1/stats/summary"] = "?branch=demo",
        ["POST /api/v1/stats/summary/send"] = "?branch=demo",
        ["GET /api/v1/stats/compare"] = "?branches=demo",
        ["GET /api/v1/devices"] = "?branch=demo",
        ["GET /api/v1/events"] = "?branch=demo",
    };

    private static readonly Dictionary<string, string> Bodies = new(StringComparer.Ordinal)
    {
        ["PUT /api/v1/me/duty"] = """{"branch":"demo","onDuty":true,"languages":["sv"]}""",
        ["PUT /api/v1/branches/{branch}"] = """{"acceptTimeoutS":30}""",
        ["PUT /api/v1/branches/{branch}/roster"] = "[]",
    };

    private static readonly string[] PublicOrSelf =
    [
        "POST /api/v1/session", "DELETE /api/v1/session", "POST /api/v1/actions/accept", "GET /healthz", "GET /metrics",
    ];

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task Every_route_keeps_a_user_of_another_branch_out()
    {
        await using var gw = await TestGateway.StartAsync();
        await SeedKistaAsync(gw);
        using var host = await gw.HostOnDutyAsync();
        await using (var device = await gw.DeviceAsync("demo-hp-1"))
        {
            await device.SubscribeTicketAsync();
            await device.RequestAsync(1);
            Assert.IsNotNull(await device.WaitForTicketAsync(Request, "queued", TimeSpan.FromSeconds(30)));
        }

        var routes = ((IEndpointRouteBuilder)gw.App).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Select(e => (Method: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? "GET", Template: "/" + e.RoutePattern.RawText!.TrimStart('/')))
            .Where(r => r.Template.StartsWith("/api/", StringComparison.Ordinal) || r.Template == "/healthz" || r.Template == "/metrics")
            .Where(r => !PublicOrSelf.Contains($"{r.Method} {r.Template}"))
            .Distinct().ToList();
        Assert.IsTrue(routes.Count > 35, $"only {routes.Count} routes found; the test no longer sees the API: " + string.Join(", ", routes));

        var failures = new List<string>();
        foreach (var (user, secret) in new[] { ("kista-manager", "kista-manager-pw"), ("kista-desk", "kista-desk-pw") })
        {
            using var client = await gw.SignInAsync(user, secret);
            foreach (var (method, template) in routes)
            {
                var key = $"{method} {template}";
                var path = template.Replace("{branch}", "demo").Replace("{id}", Request).Replace("{user}", "host1");
                if (BranchByQuery.TryGetValue(key, out var query))
                {
                    // Named: must be refused. Not named: must answer about the caller's branches only.
                    await CheckAsync(client, method, path + query, key, user, mustRefuse: true, failures);
                }

                await CheckAsync(client, method, path, key, user, mustRefuse: path != template || key == "PUT /api/v1/me/duty", failures);
            }
        }

        Assert.AreEqual(0, failures.Count, "a user of branch kista reached branch demo:\n" + string.Join('\n', failures));

        // Nothing of demo's was changed on the way.
        var queue = await host.GetFromJsonAsync<JsonElement>("/api/v1/branches/demo/queue");
        Assert.AreEqual("queued", queue.EnumerateArray().Single(r => r.GetProperty("id").GetString() == Request).GetProperty("state").GetString());
        Assert.AreEqual(60, (await host.GetFromJsonAsync<JsonElement>("/api/v1/branches/demo")).GetProperty("acceptTimeoutS").GetInt32());
        Assert.AreEqual(HttpStatusCode.OK, (await host.GetAsync("/api/v1/me")).StatusCode, "host1 is still signed in");
    }

    [TestMethod]
    public async Task A_branch_manager_signs_out_only_accounts_that_serve_only_their_branches()
    {
        await using var gw = await TestGateway.StartAsync();
        await SeedKistaAsync(gw);
        await AddUserAsync(gw, "kista-host", StaffRole.Host, "1234", "kista");
        await AddUserAsync(gw, "both-host", StaffRole.Host, "4321", "kista", "demo");
        await AddUserAsync(gw, "admin", StaffRole.Admin, "admin-password");
        using var kistaManager = await gw.SignInAsync("kista-manager", "kista-manager-pw");
        using var admin = await gw.SignInAsync("admin", "admin-password");

        Assert.AreEqual(HttpStatusCode.OK, (await kistaManager.PostAsync("/api/v1/staff/kista-host/sign-out", null)).StatusCode);
        foreach (var other in new[] { "both-host", "host1", "manager", "admin" })
        {
            Assert.AreEqual(HttpStatusCode.Forbidden, (await kistaManager.PostAsync($"/api/v1/staff/{other}/sign-out", null)).StatusCode, other);
        }

        Assert.AreEqual(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/me")).StatusCode, "the admin was not signed out");
        Assert.AreEqual(HttpStatusCode.OK, (await admin.PostAsync("/api/v1/staff/both-host/sign-out", null)).StatusCode, "an admin may");
    }

    [TestMethod]
    public async Task A_branch_manager_streaming_without_naming_a_branch_gets_only_their_branch()
    {
        await using var gw = await TestGateway.StartAsync();
        await SeedKistaAsync(gw);
        using var manager = await gw.SignInAsync("kista-manager", "kista-manager-pw");
        var token = manager.DefaultRequestHeaders.Authorization!.Parameter!;
        await using var stream = SseListener.Start(gw.Http, token, "/api/v1/events");
        await WaitAsync(() => stream.Answered, "the stream did not start");

        await using var demo = await gw.DeviceAsync("demo-hp-1");
        await using var kista = await gw.DeviceAsync("kista-hp-1", branch: "kista");
        await demo.SubscribeTicketAsync();
        await demo.RequestAsync(1);
        Assert.IsNotNull(await demo.WaitForTicketAsync(Request, "unstaffed", TimeSpan.FromSeconds(30)));
        await kista.RequestAsync(1);

        // Events of one stream arrive in order: once kista's is there, demo's (published before it) would be too.
        await WaitAsync(() => stream.RequestIds().Contains("kista-hp-1-000001"), "kista's request never reached its manager");
        Assert.IsFalse(stream.RequestIds().Contains(Request), "demo's request reached kista's manager");
    }

    private static async Task CheckAsync(HttpClient client, string method, string path, string key, string user, bool mustRefuse, List<string> failures)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT")
        {
            request.Content = key.EndsWith("roster.csv", StringComparison.Ordinal)
                ? new StringContent("host1,mon,10:00,14:00\n", Encoding.UTF8, "text/csv")
                : new StringContent(Bodies.GetValueOrDefault(key, "{}"), Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
        string body;
        try
        {
            body = await FirstPartAsync(response, cts.Token);
        }
        catch (OperationCanceledException)
        {
            // A stream must start with its snapshot of the caller's branch; one that says nothing streams something else.
            failures.Add($"{user} {method} {path}: {(int)response.StatusCode}, a stream without a first event in 30 s");
            return;
        }

        if (mustRefuse && response.StatusCode != HttpStatusCode.Forbidden)
        {
            failures.Add($"{user} {method} {path}: {(int)response.StatusCode} (expected 403) {body[..Math.Min(body.Length, 200)]}");
        }
        else if (!mustRefuse && response.IsSuccessStatusCode && body.Contains("demo", StringComparison.Ordinal))
        {
            failures.Add($"{user} {method} {path}: {(int)response.StatusCode} shows branch demo: {body[..Math.Min(body.Length, 200)]}");
        }
    }

    /// <summary>The body, or for an event stream its first event (a stream does not end).</summary>
    private static async Task<string> FirstPartAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentType?.MediaType != "text/event-stream")
        {
            return await response.Content.ReadAsStringAsync(cancellationToken);
        }

        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        var first = new StringBuilder();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            first.AppendLine(line);
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                break;
            }
        }

        return first.ToString();
    }

    private static async Task SeedKistaAsync(TestGateway gw)
    {
        await gw.AddDeviceAsync("kista-hp-1", "kista");
        await AddUserAsync(gw, "kista-manager", StaffRole.Manager, "kista-manager-pw", "kista");
        await AddUserAsync(gw, "kista-desk", StaffRole.Desk, "kista-desk-pw", "kista");
    }

    private static Task AddUserAsync(TestGateway gw, string user, StaffRole role, string secret, params string[] branches) =>
        gw.Get<IStaffStore>().UpsertAsync(new StaffUser
        {
            UserName = user,
            DisplayName = user,
            Role = role,
            Branches = [.. branches],
            SecretHash = SecretHasher.HashStaffSecret(secret),
        });

    private static async Task WaitAsync(Func<bool> condition, string because)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.IsTrue(DateTime.UtcNow < deadline, because);
            await Task.Delay(50);
        }
    }
}
