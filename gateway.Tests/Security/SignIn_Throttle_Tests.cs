using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using HelpPoint.Gateway.Auth;
using HelpPoint.Gateway.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HelpPoint.Gateway.Tests.Security;

/// <summary>
/// PIN guessing: concurrent guesses are counted one by one, guessing slows down per account and per address (a delay that
/// ends, not a lock an attacker renews), and a flood of bogus sign-ins is refused before it costs a password hash.
/// </summary>
[TestClass]
public sealed class SignIn_Throttle_Tests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [TestMethod]
    public async Task Concurrent_wrong_pins_are_counted_one_by_one_and_only_the_free_few_are_checked()
    {
        var clock = new FakeTimeProvider(Start);
        await using var gw = await TestGateway.StartAsync(s => s.AddSingleton<TimeProvider>(clock), extra: ["--Routing:TickMs=0"]);
        using var attacker = gw.Client();

        var answers = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            attacker.PostAsJsonAsync("/api/v1/session", new { user = "host1", secret = $"9{i:D3}" })));

        var checkedCount = answers.Count(a => a.StatusCode == HttpStatusCode.Unauthorized);
        Assert.IsTrue(checkedCount <= SignInThrottle.AccountFreeFailures, $"{checkedCount} of 100 concurrent guesses were checked");
        Assert.AreEqual(100 - checkedCount, answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.IsTrue(answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).All(a => a.Headers.RetryAfter is not null), "429 says when to retry");
    }

    [TestMethod]
    public async Task The_real_host_gets_in_within_a_minute_however_long_an_attacker_keeps_guessing()
    {
        var clock = new FakeTimeProvider(Start);
        await using var gw = await TestGateway.StartAsync(s => s.AddSingleton<TimeProvider>(clock), extra: ["--Routing:TickMs=0"]);
        using var attacker = gw.Client();
        using var phone = ClientFrom(gw, IPAddress.Parse("127.0.0.2"));

        // An hour of guessing, one attempt every ten seconds.
        for (var i = 0; i < 360; i++)
        {
            await attacker.PostAsJsonAsync("/api/v1/session", new { user = "host1", secret = "0000" });
            clock.Advance(TimeSpan.FromSeconds(10));
        }

        clock.Advance(SignInThrottle.AccountMaxDelay);
        Assert.AreEqual(HttpStatusCode.OK, (await phone.PostAsJsonAsync("/api/v1/session", new { user = "host1", secret = "1111" })).StatusCode,
            "the host is slowed, never locked out");
        var fromAttacker = await attacker.PostAsJsonAsync("/api/v1/session", new { user = "host2", secret = "2222" });
        Assert.AreEqual(HttpStatusCode.TooManyRequests, fromAttacker.StatusCode, "the guessing address is slowed far more (even with a right PIN)");
        Assert.IsTrue(fromAttacker.Headers.RetryAfter!.Delta > SignInThrottle.AccountMaxDelay);
    }

    [TestMethod]
    public async Task One_address_cannot_spray_every_account()
    {
        var clock = new FakeTimeProvider(Start);
        await using var gw = await TestGateway.StartAsync(s => s.AddSingleton<TimeProvider>(clock), extra: ["--Routing:TickMs=0"]);
        using var attacker = gw.Client();
        using var elsewhere = ClientFrom(gw, IPAddress.Parse("127.0.0.2"));

        var codes = new List<HttpStatusCode>();
        foreach (var user in new[] { "host1", "host2", "manager" }.Concat(Enumerable.Range(0, 20).Select(i => $"user{i}")))
        {
            codes.Add((await attacker.PostAsJsonAsync("/api/v1/session", new { user, secret = "0000" })).StatusCode);
        }

        Assert.AreEqual(SignInThrottle.AddressFreeFailures, codes.Count(c => c == HttpStatusCode.Unauthorized), string.Join(',', codes));
        Assert.AreEqual(HttpStatusCode.OK, (await elsewhere.PostAsJsonAsync("/api/v1/session", new { user = "host2", secret = "2222" })).StatusCode,
            "other addresses, and the sprayed accounts, are not held up");
    }

    [TestMethod]
    public async Task A_flood_of_bogus_sign_ins_is_refused_before_hashing_and_healthz_still_answers()
    {
        await using var gw = await TestGateway.StartAsync();
        using var attacker = gw.Client();

        var flood = Enumerable.Range(0, 300).Select(i => attacker.PostAsJsonAsync("/api/v1/session", new { user = $"nobody{i}", secret = "0000" })).ToList();
        var health = await gw.Client().GetAsync("/healthz");
        var answers = await Task.WhenAll(flood);

        Assert.AreEqual(HttpStatusCode.OK, health.StatusCode);
        var hashed = answers.Count(a => a.StatusCode == HttpStatusCode.Unauthorized);
        Assert.IsTrue(hashed <= SignInThrottle.AddressFreeFailures + 8, $"{hashed} of 300 bogus sign-ins cost a password hash");
    }

    [TestMethod]
    public async Task The_sign_in_answer_may_not_be_cached()
    {
        await using var gw = await TestGateway.StartAsync();
        using var client = gw.Client();

        var ok = await client.PostAsJsonAsync("/api/v1/session", new { user = "host1", secret = "1111" });
        var wrong = await client.PostAsJsonAsync("/api/v1/session", new { user = "host1", secret = "0000" });

        Assert.IsTrue(ok.Headers.CacheControl?.NoStore, "the answer holds a session token");
        Assert.IsTrue(wrong.Headers.CacheControl?.NoStore);
    }

    /// <summary>An HTTP client whose connections come from another loopback address (another device on the network).</summary>
    private static HttpClient ClientFrom(TestGateway gw, IPAddress local)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                socket.Bind(new IPEndPoint(local, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        return new HttpClient(handler) { BaseAddress = gw.Http, Timeout = TimeSpan.FromSeconds(30) };
    }
}
