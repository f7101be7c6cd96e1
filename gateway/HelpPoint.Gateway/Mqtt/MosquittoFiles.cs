using System.Security.Cryptography;
using System.Text;

namespace HelpPoint.Gateway.Mqtt;

/// <summary>
/// Writes device entries into a Mosquitto password file and ACL file (external-broker mode), so that the broker enforces
/// the contract's rules: a device publishes only its own request/cancel/feedback/status and reads only its own
/// ticket/config and its branch's board; the gateway's user may use all of <c>helppoint/v1/#</c>.
/// </summary>
public static class MosquittoFiles
{
    /// <summary>Mosquitto 2's default password hashing: PBKDF2-HMAC-SHA512, 101 rounds, 12-byte salt (<c>$7$</c>).</summary>
    private const int Iterations = 101;

    public static string PasswordLine(string user, string password)
    {
        var salt = RandomNumberGenerator.GetBytes(12);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA512, 64);
        return $"{user}:$7${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    /// <summary>The ACL block of one device: exactly its topics, nothing else.</summary>
    public static string DeviceAcl(string device, string branch, bool board)
    {
        var sb = new StringBuilder();
        sb.Append("user ").Append(device).Append('\n');
        var kinds = board ? Topics.BoardPublishKinds : Topics.HelpPointPublishKinds;
        foreach (var kind in kinds.Order(StringComparer.Ordinal))
        {
            sb.Append("topic write ").Append(Topics.Root).Append('/').Append(branch).Append('/').Append(device).Append('/').Append(kind).Append('\n');
        }

        sb.Append("topic read ").Append(Topics.Ticket(branch, device)).Append('\n');
        sb.Append("topic read ").Append(Topics.Config(branch, device)).Append('\n');
        sb.Append("topic read ").Append(Topics.Board(branch)).Append('\n');
        return sb.ToString();
    }

    /// <summary>The ACL block of the gateways' user.</summary>
    public static string GatewayAcl(string user) => $"user {user}\ntopic readwrite {Topics.Root}/#\n";

    /// <summary>Adds or replaces <paramref name="user"/>'s line in a password file.</summary>
    public static async Task SetPasswordAsync(string passwordFile, string user, string password, CancellationToken cancellationToken = default)
    {
        var lines = File.Exists(passwordFile) ? (await File.ReadAllLinesAsync(passwordFile, cancellationToken)).ToList() : [];
        lines.RemoveAll(l => l.StartsWith(user + ":", StringComparison.Ordinal));
        lines.Add(PasswordLine(user, password));
        await WriteAtomicallyAsync(passwordFile, string.Join('\n', lines) + "\n", cancellationToken);
    }

    /// <summary>Adds or replaces <paramref name="user"/>'s block in an ACL file.</summary>
    public static async Task SetAclAsync(string aclFile, string user, string block, CancellationToken cancellationToken = default)
    {
        var text = File.Exists(aclFile) ? await File.ReadAllTextAsync(aclFile, cancellationToken) : "";
        var blocks = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(b => !b.StartsWith("user " + user + "\n", StringComparison.Ordinal) && b != "user " + user)
            .ToList();
        blocks.Add(block.Trim());
        await WriteAtomicallyAsync(aclFile, string.Join("\n\n", blocks) + "\n", cancellationToken);
    }

    /// <summary>Writes a device's password line and ACL block (then send Mosquitto SIGHUP to reload).</summary>
    public static async Task AddDeviceAsync(string passwordFile, string aclFile, string device, string branch, bool board, string secret, CancellationToken cancellationToken = default)
    {
        await SetPasswordAsync(passwordFile, device, secret, cancellationToken);
        await SetAclAsync(aclFile, device, DeviceAcl(device, branch, board), cancellationToken);
    }

    /// <summary>Writes complete password and ACL files at once: the gateways' user and every device (for new installations and benchmarks).</summary>
    public static async Task WriteAllAsync(
        string passwordFile, string aclFile, string gatewayUser, string gatewayPassword,
        IEnumerable<(string Device, string Branch, bool Board, string Secret)> devices, CancellationToken cancellationToken = default)
    {
        var passwords = new StringBuilder(PasswordLine(gatewayUser, gatewayPassword)).Append('\n');
        var acl = new StringBuilder(GatewayAcl(gatewayUser));
        foreach (var (device, branch, board, secret) in devices)
        {
            passwords.Append(PasswordLine(device, secret)).Append('\n');
            acl.Append('\n').Append(DeviceAcl(device, branch, board));
        }

        await WriteAtomicallyAsync(passwordFile, passwords.ToString(), cancellationToken);
        await WriteAtomicallyAsync(aclFile, acl.ToString(), cancellationToken);
    }

    private static async Task WriteAtomicallyAsync(string path, string content, CancellationToken cancellationToken)
    {
        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, content, cancellationToken);
        File.Move(temp, path, overwrite: true);
    }
}
