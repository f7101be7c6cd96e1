using System.Security.Cryptography;
using System.Text;

namespace HelpPoint.Gateway.Cluster;

/// <summary>Several gateways sharing one broker and one PostgreSQL database (configuration section <c>Cluster</c>).</summary>
public sealed class ClusterOptions
{
    public const string Section = "Cluster";

    /// <summary>How often a gateway tries to take over branches nobody owns, and checks its own hold. Default 1000 ms.</summary>
    public int LeasePollMs { get; set; } = 1000;

    /// <summary>The address other gateways forward commands to; default the first address this gateway listens on.</summary>
    public string? AdvertiseUrl { get; set; }

    /// <summary>
    /// The secret gateways prove to each other when forwarding device messages. Default: derived from the gateways' own
    /// broker password (<c>Mqtt:Password</c>), which every gateway of a deployment shares.
    /// </summary>
    public string? Key { get; set; }

    public const string KeyHeader = "X-HelpPoint-Cluster-Key";

    public const string ForwardedHeader = "X-HelpPoint-Forwarded";

    /// <summary>The key in effect.</summary>
    public static string EffectiveKey(ClusterOptions cluster, string? mqttPassword)
    {
        if (!string.IsNullOrEmpty(cluster.Key))
        {
            return cluster.Key;
        }

        var secret = Encoding.UTF8.GetBytes(mqttPassword ?? throw new InvalidOperationException("set Cluster:Key or Mqtt:Password"));
        return Convert.ToHexString(HMACSHA256.HashData(secret, "helppoint cluster key v1"u8));
    }

    public static bool KeyMatches(string expected, string? offered) =>
        offered is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(offered));
}
