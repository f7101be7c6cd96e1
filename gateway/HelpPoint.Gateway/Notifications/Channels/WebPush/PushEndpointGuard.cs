using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace HelpPoint.Gateway.Notifications.Channels.WebPush;

/// <summary>
/// Keeps the gateway from being used to reach its own network (server-side request forgery): a Web Push endpoint is chosen by
/// whoever signs in, so it must be an https URL whose host is, and resolves only to, public addresses — not loopback, private,
/// shared (carrier-grade NAT), link-local, unique-local IPv6, multicast or reserved. Checked when a browser subscribes (a
/// 400 that says why) and again at every connection the push client opens (<see cref="ConnectAsync"/>), since a name's
/// addresses can change after it was checked. <see cref="WebPushOptions.AllowPrivateEndpoints"/> turns the address check off
/// (tests, closed networks).
/// </summary>
public sealed class PushEndpointGuard(IOptions<NotificationOptions> options, IHostAddresses resolver)
{
    /// <summary>The named HTTP client Web Push sends with: it connects only through <see cref="ConnectAsync"/>.</summary>
    public const string HttpClientName = "HelpPoint.WebPush";

    private WebPushOptions WebPush => options.Value.WebPush;

    /// <summary>Why <paramref name="endpoint"/> may not be used as a push endpoint, or null when it may.</summary>
    public async Task<string?> ProblemAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        if (!(endpoint.Scheme == Uri.UriSchemeHttps || (endpoint.Scheme == Uri.UriSchemeHttp && WebPush.AllowHttpEndpoints)) || !string.IsNullOrEmpty(endpoint.UserInfo))
        {
            return "endpoint must be an https URL of a push service";
        }

        if (WebPush.AllowPrivateEndpoints)
        {
            return null;
        }

        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(endpoint.DnsSafeHost, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException)
        {
            return $"endpoint host '{endpoint.DnsSafeHost}' does not resolve; a push service must be reachable on the internet";
        }

        return Refusal(endpoint.DnsSafeHost, addresses);
    }

    /// <summary>
    /// The push client's connect step: resolves the host itself and connects only when every address is public, so what was
    /// checked is what is connected to.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = await ResolveAsync(host, cancellationToken).ConfigureAwait(false);
        if (!WebPush.AllowPrivateEndpoints && Refusal(host, addresses) is { } refusal)
        {
            throw new HttpRequestException(refusal);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>What kind of non-public address <paramref name="address"/> is ("loopback", "private", …), or null when it is public.</summary>
    public static string? NonPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var b = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return b switch
            {
                [0, ..] => "unspecified",
                [10, ..] => "private",
                [127, ..] => "loopback",
                [100, var x, ..] when (x & 0xC0) == 64 => "shared (carrier-grade NAT)",
                [169, 254, ..] => "link-local",
                [172, var x, ..] when (x & 0xF0) == 16 => "private",
                [192, 168, ..] => "private",
                [192, 0, 0, _] => "reserved",
                [198, var x, ..] when (x & 0xFE) == 18 => "reserved",
                [var x, ..] when x is >= 224 and <= 239 => "multicast",
                [var x, ..] when x >= 240 => "reserved",
                _ => null,
            };
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return "not an IP address";
        }

        if (address.Equals(IPAddress.IPv6Loopback))
        {
            return "loopback";
        }

        if (address.IsIPv6Multicast)
        {
            return "multicast";
        }

        if (address.IsIPv6LinkLocal)
        {
            return "link-local";
        }

        if (address.IsIPv6SiteLocal || (b[0] & 0xFE) == 0xFC)
        {
            return "unique-local";
        }

        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
        {
            // The unspecified address :: and the deprecated IPv4-compatible ::a.b.c.d (::1 is loopback, above).
            return "unspecified";
        }

        if (b is [0x00, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0, ..])
        {
            // NAT64 (64:ff9b::/96): the IPv4 address it carries decides.
            return NonPublic(new IPAddress(b.AsSpan(12, 4)));
        }

        return null;
    }

    private async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(host, out var literal) ? [literal] : await resolver.ResolveAsync(host, cancellationToken).ConfigureAwait(false);

    private static string? Refusal(string host, IPAddress[] addresses)
    {
        if (addresses.Length == 0)
        {
            return $"endpoint host '{host}' has no address";
        }

        foreach (var address in addresses)
        {
            if (NonPublic(address) is { } kind)
            {
                var what = IPAddress.TryParse(host, out _) ? $"{host} is a {kind} address" : $"'{host}' resolves to {address}, a {kind} address";
                return $"endpoint must be on a public address of a push service: {what}";
            }
        }

        return null;
    }
}

/// <summary>Name resolution for <see cref="PushEndpointGuard"/> (DNS; tests answer for their own names without asking the network).</summary>
public interface IHostAddresses
{
    /// <summary>The addresses of <paramref name="host"/>; throws <see cref="SocketException"/> when it has none.</summary>
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}

/// <summary>The system's resolver.</summary>
public sealed class DnsHostAddresses : IHostAddresses
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) => Dns.GetHostAddressesAsync(host, cancellationToken);
}
