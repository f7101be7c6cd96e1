using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HelpPoint.Gateway.Auth;

/// <summary>
/// Hashes secrets for storage. Staff PINs and passwords are short and guessable, so they get a slow hash (PBKDF2-SHA256);
/// device secrets are long random tokens issued by the gateway, so a salted SHA-256 is enough and keeps reconnect storms cheap.
/// </summary>
public static class SecretHasher
{
    private const int StaffIterations = 100_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static string HashStaffSecret(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, StaffIterations, HashAlgorithmName.SHA256, HashBytes);
        return $"pbkdf2-sha256${StaffIterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static string HashDeviceSecret(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return $"sha256${Convert.ToBase64String(salt)}${Convert.ToBase64String(Sha256(salt, secret))}";
    }

    /// <summary>Checks a secret against a stored hash of either kind, in constant time.</summary>
    public static bool Verify(string secret, string stored)
    {
        var parts = stored.Split('$');
        try
        {
            switch (parts)
            {
                case ["pbkdf2-sha256", var iterations, var salt, var hash]:
                    var expected = Convert.FromBase64String(hash);
                    var actual = Rfc2898DeriveBytes.Pbkdf2(
                        Encoding.UTF8.GetBytes(secret), Convert.FromBase64String(salt),
                        int.Parse(iterations, CultureInfo.InvariantCulture), HashAlgorithmName.SHA256, expected.Length);
                    return CryptographicOperations.FixedTimeEquals(actual, expected);
                case ["sha256", var salt, var hash]:
                    return CryptographicOperations.FixedTimeEquals(Sha256(Convert.FromBase64String(salt), secret), Convert.FromBase64String(hash));
                default:
                    return false;
            }
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>A new random secret for a device or a session token (URL-safe, 128+ bits).</summary>
    public static string NewToken(int bytes = 24) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Hash of a session token as stored (tokens are random, so no salt is needed).</summary>
    public static string TokenHash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static byte[] Sha256(byte[] salt, string secret)
    {
        var secretBytes = Encoding.UTF8.GetBytes(secret);
        var buffer = new byte[salt.Length + secretBytes.Length];
        salt.CopyTo(buffer, 0);
        secretBytes.CopyTo(buffer, salt.Length);
        return SHA256.HashData(buffer);
    }
}
