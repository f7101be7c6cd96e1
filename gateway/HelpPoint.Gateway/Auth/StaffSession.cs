namespace HelpPoint.Gateway.Auth;

/// <summary>A signed-in staff session. Only a hash of its token is stored, so a database leak does not sign anyone in.</summary>
public sealed class StaffSession
{
    public required string TokenHash { get; init; }

    public required string UserName { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; set; }

    public bool Revoked { get; set; }
}
