using System.Net;
using System.Net.Sockets;
using HelpPoint.Gateway.Notifications.Channels.WebPush;

namespace HelpPoint.Gateway.Tests.Support;

/// <summary>
/// Answers the names the tests use for push services without asking DNS: a name under <c>.example</c> is a public address
/// (203.0.113.0/24, reserved for documentation: nothing is ever sent there, since no test makes an offer to it), except those
/// naming what they resolve to (<c>loopback.example</c>, <c>private.example</c>, <c>link-local.example</c>); <c>localhost</c>
/// is loopback; anything else does not resolve.
/// </summary>
public sealed class TestHostAddresses : IHostAddresses
{
    public static readonly TestHostAddresses Instance = new();

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) => host switch
    {
        "localhost" => Task.FromResult(new[] { IPAddress.Loopback, IPAddress.IPv6Loopback }),
        "loopback.example" => Task.FromResult(new[] { IPAddress.Parse("127.0.0.1") }),
        "private.example" => Task.FromResult(new[] { IPAddress.Parse("203.0.113.7"), IPAddress.Parse("10.20.30.40") }),
        "link-local.example" => Task.FromResult(new[] { IPAddress.Parse("fe80::1") }),
        _ when host.EndsWith(".example", StringComparison.Ordinal) => Task.FromResult(new[] { IPAddress.Parse("203.0.113.10") }),
        _ => Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound)),
    };
}
