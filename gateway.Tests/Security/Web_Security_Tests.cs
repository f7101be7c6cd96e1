using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HelpPoint.Domain.Staff;
using HelpPoint.Gateway.Auth;
using HelpPoint.Gateway.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HelpPoint.Gateway.Tests.Security;

/// <summary>Attacks on the HTTP side: guessing PINs, forged or expired sessions, wrong roles, oversized and malformed bodies.</summary>
[TestClass]
public sealed class Web_Security_Tests
{
    [TestMethod]
    public async Task A_cookie_session_cannot_change_anything_without_the_anti_forgery_header()
    {
        await using var gw = await TestGateway.StartAsync();
        using var browser = gw.Client(); // keeps the session cookie, as a browser does, and sends no bearer token
        Assert.AreEqual(HttpStatusCode.OK, (await browser.PostAsJsonAsync("/api/v1/session", new { user = "host1", secret = "1111" })).StatusCode);

        // What a page on another site could make the browser send: the cookie, but no custom header.
        var forged = await browser.PutAsJsonAsync("/api/v1/me/duty", new { branch = "demo", onDuty = true, languages = new[] { "sv" } });
        Assert.AreEqual(HttpStatusCode.Forbidden, forged.StatusCode);
        var problem = await forged.Content.ReadFromJsonAsync<JsonElement>();
        StringAssert.Contains(problem.GetProperty("detail").GetString(), "X-HelpPoint-Request: 1");
        var me = await browser.GetFromJsonAsync<JsonElement>("/api/v1/me");
        var duty = me.GetProperty("duty");
        Assert.IsFalse(duty.ValueKind == JsonValueKind.Object && duty.GetProperty("onDuty").GetBoolean(), "the forged request changed nothing");
        Assert.AreEqual(HttpStatusCode.Forbidden, (await browser.DeleteAsync("/api/v1/session")).StatusCode, "nor can it sign the host out");

        // The app's own calls carry the header and work; reading needs no header.
        using var own = new HttpRequestMessage(HttpMethod.Put, "/api/v1/me/duty")
        {
            Content = JsonContent.Create(new { branch = "demo", onDuty = true, languages = new[] { "sv" } }),
        };
        own.Headers.Add(AntiForgery.HeaderName, "1");
        Assert.AreEqual(HttpStatusCode.OK, (await browser.SendAsync(own)).StatusCode);
        me = await browser.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.IsTrue(me.GetProperty("duty").GetProperty("onDuty").GetBoolean());
    }

    [TestMethod]
    public async Task Bearer_token_calls_need_no_anti_forgery_header()
    {
        await using var gw = await TestGateway.StartAsync();
        using var tool = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = gw.Http };
        var session = await (await tool.PostAsJsonAsync("/api/v1/session", new { user = "host1", secret = "1111" })).Content.ReadFromJsonAsync<JsonElement>();
        tool.DefaultRequestHeaders.Authorization = new("Bearer", session.GetProperty("token").GetString());

        Assert.AreEqual(HttpStatusCode.OK, (await tool.PutAsJsonAsync("/api/v1/me/duty", new { branch = "demo", onDuty = true, languages = new[] { "sv" } })).StatusCode);
    }

    [TestMethod]
    public async Task Every_endpoint_requires_a_signed_in_role_except_the_few_that_are_public_on_purpose()
    {
        await using var gw = await TestGateway.StartAsync();
        string[] publicOnPurpose =
        [
            "POST /api/v1/session",          // signing in
            "POST /api/v1/actions/accept",   // ntfy's Accept button: carries a one-time signed token instead
            "GET /healthz",                  // load balancers and systemd
            "GET /metrics",                  // Prometheus, on the internal network
        ];

        var endpoints = ((Microsoft.AspNetCore.Routing.IEndpointRouteBuilder)gw.App).DataSources
            .SelectMany(d => d.Endpoints).OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Select(e => (
                Name: $"{string.Join(',', e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"])} /{e.RoutePattern.RawText?.TrimStart('/')}",
                Protected: e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>() is not null,
                Anonymous: e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null))
            .ToList();

        Assert.IsTrue(endpoints.Count > 40, $"only {endpoints.Count} endpoints found; the test no longer sees the API");
        var open = endpoints.Where(e => !e.Protected || e.Anonymous).Select(e => e.Name)
            .Where(n => !n.Contains("/openapi/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        CollectionAssert.AreEquivalent(publicOnPurpose, open,
            "an endpoint without RequireAuthorization (or a new public one not listed here): " + string.Join(", ", open.Except(publicOnPurpose)));
    }

    [TestMethod]
    public async Task Pins_and_passwords_are_stored_with_a_slow_salted_hash()
    {
        await using var gw = await TestGateway.StartAsync();

        var user = await gw.Get<IStaffStore>().FindAsync("host1");

        Assert.IsTrue(user!.SecretHash.StartsWith("pbkdf2-sha256$100000$", StringComparison.Ordinal), user.SecretHash);
        Assert.IsFalse(user.SecretHash.Contains("1111", StringComparison.Ordinal));
        Assert.AreNotEqual((await gw.Get<IStaffStore>().FindAsync("host2"))!.SecretHash.Split('$')[2], user.SecretHash.Split('$')[2], "salts differ");
    }

    [TestMethod]
    [DataRow("Bearer not-a-real-token")]
    [DataRow("Bearer ")]
    [DataRow("Basic aG9zdDE6MTExMQ==")]
    public async Task A_forged_token_is_refused(string header)
    {
        await using var gw = await TestGateway.StartAsync();
        using var client = gw.Client();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/branches/demo/queue");
        request.Headers.TryAddWithoutValidation("Authorization", header);

        Assert.AreEqual(HttpStatusCode.Unauthorized, (await client.SendAsync(request)).StatusCode);
    }

    [TestMethod]
    public async Task An_expired_session_is_refused()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));
        await using var gw = await TestGateway.StartAsync(s => s.AddSingleton<TimeProvider>(clock), extra: ["--Routing:TickMs=0"]);
        using var host = await gw.SignInAsync("host1", "1111");
        Assert.AreEqual(HttpStatusCode.OK, (await host.GetAsync("/api/v1/me")).StatusCode);

        clock.Advance(SessionService.Lifetime + TimeSpan.FromMinutes(1));

        Assert.AreEqual(HttpStatusCode.Unauthorized, (await host.GetAsync("/api/v1/me")).StatusCode);
    }

    public static IEnumerable<object[]> RoleMatrix() =>
    [
        // method, path, body, host, manager (expected status class: true = allowed (not 401/403), false = 403)
        ["PUT", "/api/v1/me/duty", """{"branch":"demo","onDuty":false}""", true, false],
        ["POST", "/api/v1/requests/demo-hp-1-000001/accept", "", true, false],
        ["POST", "/api/v1/requests/demo-hp-1-000001/decline", "", true, false],
        ["GET", "/api/v1/branches/demo/queue", "", true, true],
        ["GET", "/api/v1/stats/daily?branch=demo", "", false, true],
        ["GET", "/api/v1/devices", "", false, true],
        ["PUT", "/api/v1/branches/demo", """{"acceptTimeoutS":30}""", false, true],
        ["PUT", "/api/v1/branches/demo/roster", "[]", false, true],
        ["GET", "/api/v1/events?branch=demo", "", true, true],
    ];

    [TestMethod]
    [DynamicData(nameof(RoleMatrix))]
    public async Task Each_endpoint_admits_exactly_its_roles(string method, string path, string body, bool hostAllowed, bool managerAllowed)
    {
        await using var gw = await TestGateway.StartAsync();
        using var host = await gw.SignInAsync("host1", "1111");
        using var manager = await gw.SignInAsync("manager", "demo-manager");

        foreach (var (client, allowed, who) in new[] { (host, hostAllowed, "host"), (manager, managerAllowed, "manager") })
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (body.Length > 0)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
            var code = response.StatusCode;
            if (allowed)
            {
                Assert.IsFalse(code is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{who} {method} {path}: {code}");
            }
            else
            {
                Assert.AreEqual(HttpStatusCode.Forbidden, code, $"{who} {method} {path}");
            }
        }
    }

    [TestMethod]
    public async Task An_oversized_body_is_refused_before_it_is_read()
    {
        await using var gw = await TestGateway.StartAsync();
        using var host = await gw.SignInAsync("host1", "1111");
        var huge = "{\"branch\":\"demo\",\"onDuty\":true,\"languages\":[" + string.Join(',', Enumerable.Repeat("\"sv\"", 20000)) + "]}";

        var response = await host.PutAsync("/api/v1/me/duty", new StringContent(huge, Encoding.UTF8, "application/json"));

        Assert.AreEqual(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [TestMethod]
    [DataRow("{\"branch\":\"demo\",")]
    [DataRow("[]")]
    [DataRow("{\"branch\":7,\"onDuty\":\"yes\"}")]
    public async Task A_malformed_body_gets_a_400_problem(string json)
    {
        await using var gw = await TestGateway.StartAsync();
        using var host = await gw.SignInAsync("host1", "1111");

        var response = await host.PutAsync("/api/v1/me/duty", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [TestMethod]
    public async Task Pages_carry_security_headers()
    {
        await using var gw = await TestGateway.StartAsync();
        using var client = gw.Client();

        var response = await client.GetAsync("/");

        Assert.AreEqual("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.AreEqual("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        StringAssert.Contains(response.Headers.GetValues("Content-Security-Policy").Single(), "default-src 'self'");
        Assert.AreEqual("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }
}
