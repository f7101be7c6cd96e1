using System.Security.Cryptography;
using HelpPoint.Domain.Common;
using HelpPoint.Gateway.Mqtt;

namespace HelpPoint.Gateway.Admin;

/// <summary>
/// The gateway binary's Mosquitto tool (external-broker mode): writes a device's or a gateway's entry into Mosquitto's password and
/// ACL files, replacing an older entry of the same name, then exits. It needs no database. Secrets come from the first line of
/// standard input (never the command line), or are generated with <c>--generate-secret</c> and printed once.
/// <code>
/// echo "$SECRET" | dotnet HelpPoint.Gateway.dll mosquitto add-device --device kista-hp-1 --branch kista \
///     --password-file /etc/mosquitto/helppoint/passwd --acl-file /etc/mosquitto/helppoint/acl
/// systemctl reload mosquitto     # SIGHUP: Mosquitto re-reads both files
/// </code>
/// </summary>
public static class MosquittoCli
{
    public const int MinSecretLength = 8;

    public const string Usage = """
        HelpPoint Mosquitto tool (external-broker mode; the server is not started):
          mosquitto add-device --device ID --branch ID [--board] [--generate-secret]
                               --password-file FILE --acl-file FILE           secret: first line of stdin
          mosquitto add-gateway --user NAME --password-file FILE --acl-file FILE    password: first line of stdin
        A device may publish only its own request/cancel/feedback/status and read its own ticket/config and its
        branch's board (--board: a ticket display, which reads the board and publishes only status).
        Mosquitto runs with use_username_as_clientid (docs/deployment/mosquitto.conf), so a user has one session:
        give each gateway its own user (add-gateway --user helppoint-gateway-2 for the second).
        Then reload Mosquitto (SIGHUP) so that it reads the files again.
        """;

    /// <summary>True when the command line asks for this tool.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] == "mosquitto";

    /// <summary>Runs the command; returns the exit code (0 written, 1 usage or invalid input).</summary>
    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var verb = args.Length > 1 ? args[1] : "";
        if (verb is not ("add-device" or "add-gateway"))
        {
            await error.WriteLineAsync(Usage);
            return 1;
        }

        var (options, flags, problem) = Parse(args.Skip(2), ["board", "generate-secret"]);
        if (problem is not null)
        {
            return await FailAsync(error, problem);
        }

        var passwordFile = options.GetValueOrDefault("password-file");
        var aclFile = options.GetValueOrDefault("acl-file");
        if (passwordFile is null || aclFile is null)
        {
            return await FailAsync(error, "--password-file and --acl-file are required");
        }

        foreach (var file in new[] { passwordFile, aclFile })
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(file));
            if (dir is null || !Directory.Exists(dir))
            {
                return await FailAsync(error, $"the folder of '{file}' does not exist");
            }
        }

        if (verb == "add-gateway")
        {
            var user = options.GetValueOrDefault("user");
            if (user is null || !Identifiers.IsValidSlug(user))
            {
                return await FailAsync(error, "--user must match [a-z0-9-]{1,32}");
            }

            var password = await ReadSecretAsync(input);
            if (password is null || password.Length < 12)
            {
                return await FailAsync(error, "the gateway's password (first line of stdin) must have at least 12 characters");
            }

            await MosquittoFiles.SetPasswordAsync(passwordFile, user, password, cancellationToken);
            await MosquittoFiles.SetAclAsync(aclFile, user, MosquittoFiles.GatewayAcl(user), cancellationToken);
            await output.WriteLineAsync($"gateway user {user} written to {passwordFile} and {aclFile}; reload Mosquitto (SIGHUP)");
            return 0;
        }

        var device = options.GetValueOrDefault("device");
        var branch = options.GetValueOrDefault("branch");
        if (device is null || !Identifiers.IsValidSlug(device))
        {
            return await FailAsync(error, "--device must match [a-z0-9-]{1,32}");
        }

        if (branch is null || !Identifiers.IsValidSlug(branch))
        {
            return await FailAsync(error, "--branch must match [a-z0-9-]{1,32}");
        }

        string? secret;
        if (flags.Contains("generate-secret"))
        {
            secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        }
        else
        {
            secret = await ReadSecretAsync(input);
            if (secret is null || secret.Length < MinSecretLength)
            {
                return await FailAsync(error, $"the device's secret (first line of stdin) must have at least {MinSecretLength} characters, or use --generate-secret");
            }
        }

        var board = flags.Contains("board");
        await MosquittoFiles.AddDeviceAsync(passwordFile, aclFile, device, branch, board, secret, cancellationToken);
        await output.WriteLineAsync($"{(board ? "ticket display" : "help point")} {device} of branch {branch} written to {passwordFile} and {aclFile}; reload Mosquitto (SIGHUP)");
        if (flags.Contains("generate-secret"))
        {
            // Shown once: put it into the device's config file. Only the hash stays in the password file.
            await output.WriteLineAsync($"secret: {secret}");
        }

        return 0;
    }

    private static async Task<string?> ReadSecretAsync(TextReader input)
    {
        var line = await input.ReadLineAsync();
        return string.IsNullOrWhiteSpace(line) ? null : line.Trim();
    }

    private static async Task<int> FailAsync(TextWriter error, string message)
    {
        await error.WriteLineAsync("error: " + message);
        return 1;
    }

    private static (Dictionary<string, string> Options, HashSet<string> Flags, string? Problem) Parse(IEnumerable<string> args, string[] knownFlags)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        var known = new HashSet<string>(["device", "branch", "user", "password-file", "acl-file"], StringComparer.Ordinal);
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var arg = list[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                return (options, flags, $"unexpected argument '{arg}'");
            }

            var key = arg[2..];
            if (knownFlags.Contains(key))
            {
                flags.Add(key);
            }
            else if (!known.Contains(key))
            {
                return (options, flags, $"unknown option --{key}");
            }
            else if (i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                options[key] = list[++i];
            }
            else
            {
                return (options, flags, $"option --{key} needs a value");
            }
        }

        return (options, flags, null);
    }
}
