using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using HelpPoint.Domain.Devices;
using HelpPoint.Gateway.Auth;

namespace HelpPoint.Gateway.Mqtt;

/// <summary>Authenticates device connections against the stored secret hashes, remembering recent successes so reconnect storms stay cheap.</summary>
public sealed class DeviceDirectory(IDeviceStore devices, TimeProvider time)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (byte[] Proof, DeviceIdentity Identity, DateTimeOffset Until)> _recent = new(StringComparer.Ordinal);

    /// <summary>The device, when <paramref name="userName"/> is a registered device id and <paramref name="secret"/> its secret; otherwise null.</summary>
    public async Task<DeviceIdentity?> AuthenticateAsync(string? userName, string? secret, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(secret) || userName.Length > 32 || secret.Length > 256)
        {
            return null;
        }

        var proof = SHA256.HashData(Encoding.UTF8.GetBytes(userName + "\n" + secret));
        if (_recent.TryGetValue(userName, out var cached) && cached.Until > time.GetUtcNow() && CryptographicOperations.FixedTimeEquals(cached.Proof, proof))
        {
            return cached.Identity;
        }

        var device = await devices.FindAsync(userName, cancellationToken).ConfigureAwait(false);
        if (device is null || !SecretHasher.Verify(secret, device.SecretHash))
        {
            return null;
        }

        var identity = new DeviceIdentity(device.Id, device.Branch, device.Kind == DeviceKind.Board);
        _recent[userName] = (proof, identity, time.GetUtcNow() + CacheFor);
        return identity;
    }

    private readonly ConcurrentDictionary<string, (DeviceIdentity? Identity, DateTimeOffset Until)> _known = new(StringComparer.Ordinal);

    /// <summary>
    /// The registered device of this id (external-broker mode, where the broker authenticated the connection and the
    /// gateway only checks that the topic names a device it knows, in the right branch). Cached briefly.
    /// </summary>
    public async Task<DeviceIdentity?> FindAsync(string deviceId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_known.TryGetValue(deviceId, out var cached) && cached.Until > now)
        {
            return cached.Identity;
        }

        var device = await devices.FindAsync(deviceId, cancellationToken).ConfigureAwait(false);
        var identity = device is null ? null : new DeviceIdentity(device.Id, device.Branch, device.Kind == DeviceKind.Board);
        _known[deviceId] = (identity, now + CacheFor);
        return identity;
    }

    /// <summary>Forgets a device's cached credentials (after its secret was rotated or it moved branch).</summary>
    public void Forget(string deviceId)
    {
        _recent.TryRemove(deviceId, out _);
        _known.TryRemove(deviceId, out _);
    }
}
