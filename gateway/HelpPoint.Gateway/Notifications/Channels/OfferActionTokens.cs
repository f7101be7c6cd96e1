using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HelpPoint.Gateway.Notifications.Channels;

/// <summary>
/// Short-lived signed tokens that let a notification's Accept button take one offered request for one host without a session
/// (ntfy runs the action from its own app). A token is good only until the offer lapses, and only while the request is
/// still offered to that host (checked when it is used).
/// </summary>
public sealed class OfferActionTokens(NotificationKeys keys, TimeProvider time)
{
    public async Task<string> CreateAsync(string user, string requestId, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        var payload = Encoding.UTF8.GetBytes($"{user}\n{requestId}\n{expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}");
        var mac = HMACSHA256.HashData(await keys.ActionKeyAsync(cancellationToken).ConfigureAwait(false), payload);
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(mac);
    }

    /// <summary>The host and request a token was made for, or null when it is forged, malformed or expired.</summary>
    public async Task<(string User, string RequestId)?> VerifyAsync(string token, CancellationToken cancellationToken = default)
    {
        var parts = token.Split('.');
        if (parts.Length != 2 || token.Length > 400)
        {
            return null;
        }

        byte[] payload, mac;
        try
        {
            payload = Base64Url.DecodeFromChars(parts[0]);
            mac = Base64Url.DecodeFromChars(parts[1]);
        }
        catch (FormatException)
        {
            return null;
        }

        var expected = HMACSHA256.HashData(await keys.ActionKeyAsync(cancellationToken).ConfigureAwait(false), payload);
        if (!CryptographicOperations.FixedTimeEquals(expected, mac))
        {
            return null;
        }

        var fields = Encoding.UTF8.GetString(payload).Split('\n');
        if (fields.Length != 3 || !long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || time.GetUtcNow().ToUnixTimeSeconds() > expires)
        {
            return null;
        }

        return (fields[0], fields[1]);
    }
}
