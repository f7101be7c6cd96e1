namespace HelpPoint.Domain.Staff;

/// <summary>A person who signs in: an IT-host, an information-desk user, a branch manager or an administrator.</summary>
public sealed class StaffUser
{
    public required string UserName { get; init; }

    /// <summary>First name shown to visitors ("Sara is on her way").</summary>
    public required string DisplayName { get; set; }

    public StaffRole Role { get; set; }

    /// <summary>Languages the person helps in (ISO 639-1); used when a roster puts them on duty.</summary>
    public List<string> Languages { get; set; } = [];

    /// <summary>Branches a manager or desk user belongs to; empty means all.</summary>
    public List<string> Branches { get; set; } = [];

    /// <summary>Slow hash of the PIN or password.</summary>
    public required string SecretHash { get; set; }

    public int FailedSignIns { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }
}

/// <summary>What a staff user may do.</summary>
public enum StaffRole
{
    Host,
    Desk,
    Manager,
    Admin,
}

/// <summary>Role names as they appear in claims and the API.</summary>
public static class StaffRoles
{
    public const string Host = "host";
    public const string Desk = "desk";
    public const string Manager = "manager";
    public const string Admin = "admin";

    public static string ToName(this StaffRole role) => role switch
    {
        StaffRole.Host => Host,
        StaffRole.Desk => Desk,
        StaffRole.Manager => Manager,
        StaffRole.Admin => Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}
