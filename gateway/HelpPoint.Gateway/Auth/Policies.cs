using HelpPoint.Domain.Staff;

namespace HelpPoint.Gateway.Auth;

/// <summary>Authorization policies by role.</summary>
public static class Policies
{
    /// <summary>Anyone who helps visitors or sees the queue: hosts, desk, managers, admins.</summary>
    public const string Staff = "staff";

    /// <summary>Those who take requests: hosts and the desk.</summary>
    public const string Helpers = "helpers";

    /// <summary>Managers and admins.</summary>
    public const string Managers = "managers";

    /// <summary>Admins only: device provisioning and other system-wide changes.</summary>
    public const string Admins = "admins";

    public static IServiceCollection AddHelpPointAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Staff, p => p.RequireRole(StaffRoles.Host, StaffRoles.Desk, StaffRoles.Manager, StaffRoles.Admin))
            .AddPolicy(Helpers, p => p.RequireRole(StaffRoles.Host, StaffRoles.Desk))
            .AddPolicy(Managers, p => p.RequireRole(StaffRoles.Manager, StaffRoles.Admin))
            .AddPolicy(Admins, p => p.RequireRole(StaffRoles.Admin));
        return services;
    }
}
