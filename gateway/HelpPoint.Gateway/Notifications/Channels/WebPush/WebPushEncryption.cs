using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace HelpPoint.Gateway.Notifications.Channels.WebPush;

/// <summary>
/// Message encryption for Web Push (RFC 8291) in the <c>aes128gcm</c> content coding (RFC 8188), on .NET's own cryptography:
/// ECDH P-256 with a fresh key pair per message, HKDF-SHA-256 keyed with the subscription's auth secret, AES-128-GCM,
/// one record.
/// </summary>
public static class WebPushEncryption
{
    /// <summary>The record size written into the header; one record holds the whole message.</summary>
    public const int RecordSize = 4096;

    /// <summary>Push services accept at most 4096 bytes of body: 86 header, 16 tag, 1 delimiter leave this much for the message.</summary>
    public const int MaxPlaintext = 4096 - 86 - 16 - 1;

    private static readonly byte[] KeyInfoLabel = Encoding.ASCII.GetBytes("WebPush: info\0");
    private static readonly byte[] CekInfo = Encoding.ASCII.GetBytes("Content-Encoding: aes128gcm\0");
    private static readonly byte[] NonceInfo = Encoding.ASCII.GetBytes("Content-Encoding: nonce\0");

    /// <summary>Encrypts <paramref name="plaintext"/> for a browser subscription.</summary>
    /// <param name="receiverPublicKey">The subscription's <c>p256dh</c>: 65-byte uncompressed P-256 point.</param>
    /// <param name="authSecret">The subscription's 16-byte <c>auth</c>.</param>
    /// <param name="senderKey">The sender's ephemeral key (tests pass a fixed one); a fresh one when null.</param>
    /// <param name="salt">16 random bytes (tests pass fixed ones); fresh when null.</param>
    /// <returns>The request body: header (salt, record size, sender public key) and the encrypted record.</returns>
    public static byte[] Encrypt(ReadOnlySpan<byte> plaintext, byte[] receiverPublicKey, byte[] authSecret, ECDiffieHellman? senderKey = null, byte[]? salt = null)
    {
        if (receiverPublicKey.Length != 65 || receiverPublicKey[0] != 0x04)
        {
            throw new ArgumentException("p256dh must be a 65-byte uncompressed P-256 point", nameof(receiverPublicKey));
        }

        if (authSecret.Length != 16)
        {
            throw new ArgumentException("auth must be 16 bytes", nameof(authSecret));
        }

        if (plaintext.Length > MaxPlaintext)
        {
            throw new ArgumentException($"a push message holds at most {MaxPlaintext} bytes", nameof(plaintext));
        }

        salt ??= RandomNumberGenerator.GetBytes(16);
        if (salt.Length != 16)
        {
            throw new ArgumentException("salt must be 16 bytes", nameof(salt));
        }

        var ownsKey = senderKey is null;
        senderKey ??= ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        try
        {
            var senderPublicKey = UncompressedPoint(senderKey.ExportParameters(false));
            using var receiver = ECDiffieHellman.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = receiverPublicKey[1..33], Y = receiverPublicKey[33..65] },
            });
            var sharedSecret = senderKey.DeriveRawSecretAgreement(receiver.PublicKey);

            // RFC 8291 §3.4: IKM = HKDF(salt = auth, ikm = ECDH secret, info = "WebPush: info" 0 ua_public as_public, 32).
            var keyInfo = new byte[KeyInfoLabel.Length + 65 + 65];
            KeyInfoLabel.CopyTo(keyInfo, 0);
            receiverPublicKey.CopyTo(keyInfo, KeyInfoLabel.Length);
            senderPublicKey.CopyTo(keyInfo, KeyInfoLabel.Length + 65);
            var ikm = HKDF.DeriveKey(HashAlgorithmName.SHA256, sharedSecret, 32, authSecret, keyInfo);

            // RFC 8188 §2.2/2.3: content-encryption key and nonce from the salt.
            var prk = HKDF.Extract(HashAlgorithmName.SHA256, ikm, salt);
            var cek = HKDF.Expand(HashAlgorithmName.SHA256, prk, 16, CekInfo);
            var nonce = HKDF.Expand(HashAlgorithmName.SHA256, prk, 12, NonceInfo);

            // One record, so it is the last: the padding delimiter is 0x02 and no padding follows.
            var padded = new byte[plaintext.Length + 1];
            plaintext.CopyTo(padded);
            padded[^1] = 0x02;

            var body = new byte[16 + 4 + 1 + 65 + padded.Length + 16];
            salt.CopyTo(body, 0);
            BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(16, 4), RecordSize);
            body[20] = 65;
            senderPublicKey.CopyTo(body, 21);
            using var aes = new AesGcm(cek, 16);
            aes.Encrypt(nonce, padded, body.AsSpan(86, padded.Length), body.AsSpan(86 + padded.Length, 16));
            return body;
        }
        finally
        {
            if (ownsKey)
            {
                senderKey.Dispose();
            }
        }
    }

    /// <summary>The 65-byte uncompressed form (0x04 ‖ X ‖ Y) of a P-256 public key.</summary>
    public static byte[] UncompressedPoint(ECParameters parameters)
    {
        var point = new byte[65];
        point[0] = 0x04;
        parameters.Q.X!.CopyTo(point, 1);
        parameters.Q.Y!.CopyTo(point, 33);
        return point;
    }
}
