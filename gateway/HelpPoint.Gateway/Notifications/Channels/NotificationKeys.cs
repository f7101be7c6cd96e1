using System.Buffers.Text;
using System.Security.Cryptography;
using HelpPoint.Gateway.Notifications.Channels.WebPush;
using Microsoft.Extensions.Options;

namespace HelpPoint.Gateway.Notifications.Channels;

/// <summary>
/// The VAPID key pair (from configuration, or made once and kept in the database so every gateway and every restart signs with
/// the same key — browsers' subscriptions are bound to it) and the key that signs one-time Accept links.
/// </summary>
public sealed class NotificationKeys(NotificationStore store, IOptions<NotificationOptions> options)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private VapidKeyPair? _vapid;
    private byte[]? _actionKey;

    public async Task<VapidKeyPair> VapidAsync(CancellationToken cancellationToken = default)
    {
        if (_vapid is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_vapid is null)
            {
                var configured = options.Value.WebPush;
                if (!string.IsNullOrWhiteSpace(configured.PublicKey) && !string.IsNullOrWhiteSpace(configured.PrivateKey))
                {
                    _vapid = VapidKeyPair.FromBase64Url(configured.PublicKey, configured.PrivateKey);
                }
                else
                {
                    var stored = await store.KeyAsync("vapid", () =>
                    {
                        var made = VapidKeyPair.Generate();
                        return made.PublicKeyBase64Url + "." + made.PrivateKeyBase64Url;
                    }, cancellationToken).ConfigureAwait(false);
                    var halves = stored.Split('.');
                    _vapid = VapidKeyPair.FromBase64Url(halves[0], halves[1]);
                }
            }

            return _vapid;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<byte[]> ActionKeyAsync(CancellationToken cancellationToken = default)
    {
        if (_actionKey is { } cached)
        {
            return cached;
        }

        var stored = await store.KeyAsync("action-hmac", () => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)), cancellationToken).ConfigureAwait(false);
        return _actionKey = Base64Url.DecodeFromChars(stored);
    }
}
