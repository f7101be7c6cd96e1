using System.Globalization;
using System.Text.RegularExpressions;
using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Common;
using HelpPoint.Domain.Staff;
using HelpPoint.Gateway.Auth;
using HelpPoint.Gateway.Mail;
using HelpPoint.Gateway.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HelpPoint.Gateway.Admin;

/// <summary>
/// The gateway binary's administration mode: create the first admin, staff and branches outside demo mode, then exit without starting
/// the server. Secrets are read from standard input (first line), never from the command line where shells and <c>ps</c> would keep them.
/// <code>
/// echo "$PASSWORD" | dotnet HelpPoint.Gateway.dll users add --user alice --name Alice --role admin --Data:Path=/var/lib/helppoint
/// </code>
/// </summary>
public static partial class AdminCli
{
    private static readonly string[] Groups = ["users", "branches"];

    [GeneratedRegex("^[a-z0-9._-]{1,64}\\z")]
    private static partial Regex UserNamePattern();

    /// <summary>True when the command line asks for an administration command rather than the server.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && Groups.Contains(args[0], StringComparer.Ordinal);

    /// <summary>Runs the command; returns the process exit code (0 done, 1 usage or invalid input, 2 conflict with stored data).</summary>
    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var (options, settings, problem) = Parse(args.Skip(2));
        var verb = args.Length > 1 ? args[1] : "";
        if (problem is not null)
        {
            await error.WriteLineAsync(problem);
            return 1;
        }

        var command = (args[0], verb) switch
        {
            ("users", "add") => UsersAddAsync,
            ("users", "set-secret") => UsersSetSecretAsync,
            ("users", "list") => UsersListAsync,
            ("branches", "add") => BranchesAddAsync,
            ("branches", "list") => (Func<Context, Task<int>>)BranchesListAsync,
            _ => null,
        };
        if (command is null)
        {
            await error.WriteLineAsync(Usage);
            return 1;
        }

        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. settings])
            .Build();
        var storage = new StorageOptions();
        configuration.GetSection(StorageOptions.Section).Bind(storage);
        var factory = new DbFactory(Options.Create(storage));
        await factory.MigrateAsync(cancellationToken);
        try
        {
            return await command(new Context(options, input, output, error, factory, cancellationToken));
        }
        finally
        {
            // The process may exit right after; let SQLite close its files cleanly.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    public const string Usage = """
        HelpPoint gateway administration (the server is not started):
          users add --user NAME --name "Display name" --role host|desk|manager|admin
                    [--branches a,b] [--languages sv,en] [--email address]      secret: first line of stdin
          users set-secret --user NAME                                          secret: first line of stdin
          users list
          branches add --id ID --name "Name" [--time-zone Europe/Stockholm] [--languages sv,en]
                       [--opening-hours "mon-fri 10:00-19:00; sat 11:00-16:00"] [--target-accept-s 120]
          branches list
        Add the gateway's settings as usual, e.g. --Data:Path=/var/lib/helppoint.
        PINs of hosts and desk users have at least 4 characters, passwords of managers and admins at least 10.
        """;

    private static async Task<int> UsersAddAsync(Context c)
    {
        var user = c.Get("user");
        var name = c.Get("name");
        var roleName = c.Get("role");
        if (user is null || !UserNamePattern().IsMatch(user))
        {
            return await c.FailAsync("--user must match [a-z0-9._-]{1,64}");
        }

        if (name is null || name.Length is 0 or > 64)
        {
            return await c.FailAsync("--name must be 1 to 64 characters");
        }

        if (ParseRole(roleName) is not { } role)
        {
            return await c.FailAsync("--role must be host, desk, manager or admin");
        }

        var branches = SplitList(c.Get("branches"));
        if (branches.Any(b => !Identifiers.IsValidSlug(b)))
        {
            return await c.FailAsync("--branches must be branch ids (a-z, 0-9, -) separated by commas");
        }

        var languages = SplitList(c.Get("languages"));
        if (languages.Any(l => !Identifiers.IsValidLanguage(l)))
        {
            return await c.FailAsync("--languages must be ISO 639-1 codes such as sv,en,ar");
        }

        var email = c.Get("email");
        if (email is not null && !SmtpMailer.IsValidAddress(email))
        {
            return await c.FailAsync("--email is not a usable e-mail address");
        }

        var staff = new EfStaffStore(c.Factory);
        if (await staff.FindAsync(user, c.CancellationToken) is not null)
        {
            await c.Error.WriteLineAsync($"user '{user}' exists already; use 'users set-secret' to change the secret");
            return 2;
        }

        var known = (await new EfBranchStore(c.Factory, TimeProvider.System, new StoreChanges()).AllAsync(c.CancellationToken)).Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        if (branches.FirstOrDefault(b => !known.Contains(b)) is { } unknown)
        {
            await c.Error.WriteLineAsync($"unknown branch '{unknown}' (add it first with 'branches add')");
            return 2;
        }

        var secret = await ReadSecretAsync(c, role);
        if (secret is null)
        {
            return 1;
        }

        await staff.UpsertAsync(new StaffUser
        {
            UserName = user,
            DisplayName = name,
            Role = role,
            Branches = branches,
            Languages = languages,
            SecretHash = SecretHasher.HashStaffSecret(secret),
        }, c.CancellationToken);
        if (email is not null)
        {
            await new EfContactStore(c.Factory).SetEmailAsync(user, email, c.CancellationToken);
        }

        await c.Output.WriteLineAsync($"added {role.ToName()} '{user}' ({name})");
        return 0;
    }

    private static async Task<int> UsersSetSecretAsync(Context c)
    {
        var staff = new EfStaffStore(c.Factory);
        var user = c.Get("user") is { } u ? await staff.FindAsync(u, c.CancellationToken) : null;
        if (user is null)
        {
            await c.Error.WriteLineAsync("--user must name an existing user");
            return c.Get("user") is null ? 1 : 2;
        }

        var secret = await ReadSecretAsync(c, user.Role);
        if (secret is null)
        {
            return 1;
        }

        user.SecretHash = SecretHasher.HashStaffSecret(secret);
        user.FailedSignIns = 0;
        user.LockedUntil = null;
        await staff.UpsertAsync(user, c.CancellationToken);
        await c.Output.WriteLineAsync($"secret of '{user.UserName}' changed");
        return 0;
    }

    private static async Task<int> UsersListAsync(Context c)
    {
        var users = await c.Factory.ReadAsync(db => db.Staff.AsNoTracking().OrderBy(s => s.UserName).ToListAsync(c.CancellationToken));
        foreach (var u in users)
        {
            await c.Output.WriteLineAsync($"{u.UserName}\t{u.Role.ToName()}\t{u.DisplayName}\t{(u.Branches.Count == 0 ? "all branches" : string.Join(',', u.Branches))}");
        }

        return 0;
    }

    private static async Task<int> BranchesAddAsync(Context c)
    {
        var id = c.Get("id");
        var name = c.Get("name");
        if (!Identifiers.IsValidSlug(id))
        {
            return await c.FailAsync("--id must match [a-z0-9-]{1,32}");
        }

        if (name is null || name.Length is 0 or > 100)
        {
            return await c.FailAsync("--name must be 1 to 100 characters");
        }

        var zone = c.Get("time-zone") ?? Branch.DefaultTimeZone;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            return await c.FailAsync($"--time-zone '{zone}' is not a known IANA time zone");
        }

        var languages = SplitList(c.Get("languages") ?? "sv,en");
        if (languages.Count == 0 || languages.Any(l => !Identifiers.IsValidLanguage(l)))
        {
            return await c.FailAsync("--languages must be ISO 639-1 codes such as sv,en,ar (the first is the default)");
        }

        var hours = c.Get("opening-hours") ?? "";
        if (!OpeningHours.TryParse(hours, out _, out var hoursError))
        {
            return await c.FailAsync($"--opening-hours: {hoursError}");
        }

        var target = 120;
        if (c.Get("target-accept-s") is { } t && (!int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out target) || target is < 10 or > 3600))
        {
            return await c.FailAsync("--target-accept-s must be 10 to 3600 seconds");
        }

        var store = new EfBranchStore(c.Factory, TimeProvider.System, new StoreChanges());
        if (await store.FindAsync(id!, c.CancellationToken) is not null)
        {
            await c.Error.WriteLineAsync($"branch '{id}' exists already");
            return 2;
        }

        await store.UpsertAsync(new Branch { Id = id!, Name = name, TimeZoneId = zone, Languages = languages, OpeningHours = hours, TargetAcceptS = target }, c.CancellationToken);
        await c.Output.WriteLineAsync($"added branch '{id}' ({name}, {zone})");
        return 0;
    }

    private static async Task<int> BranchesListAsync(Context c)
    {
        foreach (var b in await new EfBranchStore(c.Factory, TimeProvider.System, new StoreChanges()).AllAsync(c.CancellationToken))
        {
            await c.Output.WriteLineAsync($"{b.Id}\t{b.Name}\t{b.TimeZoneId}\t{string.Join(',', b.Languages)}\t{(b.OpeningHours.Length == 0 ? "always open" : b.OpeningHours)}");
        }

        return 0;
    }

    private static async Task<string?> ReadSecretAsync(Context c, StaffRole role)
    {
        var secret = (await c.Input.ReadLineAsync(c.CancellationToken))?.TrimEnd('\r');
        var min = role is StaffRole.Host or StaffRole.Desk ? 4 : 10;
        if (secret is null || secret.Length < min || secret.Length > 128)
        {
            await c.Error.WriteLineAsync($"give the {(min == 4 ? "PIN" : "password")} on the first line of standard input ({min} to 128 characters)");
            return null;
        }

        return secret;
    }

    private static StaffRole? ParseRole(string? role) => role switch
    {
        StaffRoles.Host => StaffRole.Host,
        StaffRoles.Desk => StaffRole.Desk,
        StaffRoles.Manager => StaffRole.Manager,
        StaffRoles.Admin => StaffRole.Admin,
        _ => null,
    };

    private static List<string> SplitList(string? text) =>
        text is null ? [] : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Splits the arguments after the verb: <c>--name value</c> / <c>--name=value</c> are the command's options; keys with a colon
    /// (<c>--Data:Path=…</c>) are gateway settings, as for the server.
    /// </summary>
    private static (Dictionary<string, string> Options, List<string> Settings, string? Problem) Parse(IEnumerable<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var settings = new List<string>();
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var arg = list[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                return (options, settings, $"unexpected argument '{arg}'\n{Usage}");
            }

            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var key = eq > 0 ? arg[2..eq] : arg[2..];
            string value;
            if (eq > 0)
            {
                value = arg[(eq + 1)..];
            }
            else if (i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = list[++i];
            }
            else
            {
                return (options, settings, $"option --{key} needs a value");
            }

            if (key.Contains(':', StringComparison.Ordinal))
            {
                settings.Add($"--{key}={value}");
            }
            else
            {
                options[key] = value;
            }
        }

        return (options, settings, null);
    }

    /// <summary>One command's inputs.</summary>
    private sealed record Context(
        Dictionary<string, string> Options, TextReader Input, TextWriter Output, TextWriter Error, DbFactory Factory, CancellationToken CancellationToken)
    {
        public string? Get(string name) => Options.GetValueOrDefault(name);

        public async Task<int> FailAsync(string message)
        {
            await Error.WriteLineAsync(message);
            return 1;
        }
    }
}
