using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace HelpPoint.Gateway.Notifications.Channels.WebPush;

/// <summary>The <c>Authorization: vapid t=…, k=…</c> header of RFC 8292: a JWT signed with ES256 for the push service's origin.</summary>
public static class VapidAuthorization
{
    /// <summary>RFC 8292 allows at most 24 h; 12 h leaves room for clock skew.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    private static readonly string Header = Base64Url.EncodeToString("""{"typ":"JWT","alg":"ES256"}"""u8);

    public static string For(string endpoint, VapidKeyPair keys, string subject, DateTimeOffset now)
    {
        var audience = new Uri(endpoint).GetLeftPart(UriPartial.Authority);
        var claims = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["aud"] = audience,
            ["exp"] = (now + Lifetime).ToUnixTimeSeconds(),
            ["sub"] = subject,
        });
        var signingInput = Header + "." + Base64Url.EncodeToString(claims);
        using var signer = keys.CreateSigner();
        var signature = signer.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return $"vapid t={signingInput}.{Base64Url.EncodeToString(signature)}, k={keys.PublicKeyBase64Url}";
    }
}
