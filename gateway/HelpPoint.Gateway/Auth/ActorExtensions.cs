using System.Security.Claims;
using HelpPoint.Domain.Staff;

namespace HelpPoint.Gateway.Auth;

/// <summary>Reads the signed-in <see cref="Actor"/> back from the claims the session handler set.</summary>
public static class ActorExtensions
{
    public static Actor ToActor(this ClaimsPrincipal user)
    {
        var role = user.FindFirstValue(ClaimTypes.Role) switch
        {
            StaffRoles.Host => StaffRole.Host,
            StaffRoles.Desk => StaffRole.Desk,
            StaffRoles.Manager => StaffRole.Manager,
            StaffRoles.Admin => StaffRole.Admin,
            var other => throw new InvalidOperationException($"unknown role claim '{other}'"),
        };
        return new Actor(user.FindFirstValue(ClaimTypes.NameIdentifier)!, user.FindFirstValue(ClaimTypes.Name)!, role);
    }
}
