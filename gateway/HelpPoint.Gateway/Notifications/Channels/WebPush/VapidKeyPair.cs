using System.Buffers.Text;
using System.Security.Cryptography;

namespace HelpPoint.Gateway.Notifications.Channels.WebPush;

/// <summary>The gateway's VAPID identity (RFC 8292): a P-256 key pair. Browsers bind a subscription to its public key.</summary>
public sealed class VapidKeyPair
{
    private readonly ECParameters _parameters;

    private VapidKeyPair(ECParameters parameters)
    {
        _parameters = parameters;
        PublicKey = WebPushEncryption.UncompressedPoint(parameters);
    }

    /// <summary>65-byte uncompressed public key.</summary>
    public byte[] PublicKey { get; }

    /// <summary>The public key as browsers want it for <c>applicationServerKey</c>.</summary>
    public string PublicKeyBase64Url => Base64Url.EncodeToString(PublicKey);

    public string PrivateKeyBase64Url => Base64Url.EncodeToString(_parameters.D!);

    public static VapidKeyPair Generate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new VapidKeyPair(key.ExportParameters(true));
    }

    /// <summary>Reads a key pair in the common base64url form (as <c>npx web-push generate-vapid-keys</c> prints it); checks that the halves belong together.</summary>
    public static VapidKeyPair FromBase64Url(string publicKey, string privateKey)
    {
        var q = Base64Url.DecodeFromChars(publicKey.Trim());
        var d = Base64Url.DecodeFromChars(privateKey.Trim());
        if (q.Length != 65 || q[0] != 0x04 || d.Length != 32)
        {
            throw new InvalidOperationException("VAPID keys must be a 65-byte uncompressed P-256 public key and a 32-byte private key, base64url");
        }

        var parameters = new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = q[1..33], Y = q[33..65] },
            D = d,
        };
        try
        {
            using var key = ECDsa.Create(parameters);
            var probe = key.SignData("vapid"u8, HashAlgorithmName.SHA256);
            using var check = ECDsa.Create(new ECParameters { Curve = parameters.Curve, Q = parameters.Q });
            if (!check.VerifyData("vapid"u8, probe, HashAlgorithmName.SHA256))
            {
                throw new CryptographicException("signature check failed");
            }
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException("the VAPID public key does not belong to the private key: " + ex.Message, ex);
        }

        return new VapidKeyPair(parameters);
    }

    /// <summary>A signer for VAPID JWTs (ES256, IEEE P1363 signatures); dispose it after use.</summary>
    public ECDsa CreateSigner() => ECDsa.Create(_parameters);
}
