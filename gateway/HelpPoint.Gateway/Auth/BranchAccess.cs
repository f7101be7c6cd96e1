using System.Security.Claims;
using HelpPoint.Domain.Common;
using HelpPoint.Domain.Devices;
using HelpPoint.Domain.Staff;

namespace HelpPoint.Gateway.Auth;

/// <summary>
/// Which branches a signed-in user may see and act in: the branches on their staff record (none listed: all); an admin all.
/// Every endpoint that reads or changes a branch's data asks here, so a user of one branch cannot reach another's.
/// </summary>
public sealed class BranchAccess(IStaffStore staff, IDeviceStore devices)
{
    /// <summary>Branch ids the user is limited to, or null for all.</summary>
    public async Task<IReadOnlySet<string>?> AllowedAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var actor = user.ToActor();
        if (actor.Role == StaffRole.Admin)
        {
            return null;
        }

        var record = await staff.FindAsync(actor.UserName, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        return record.Branches.Count == 0 ? null : new HashSet<string>(record.Branches, StringComparer.Ordinal);
    }

    /// <summary>May the user see and act in <paramref name="branch"/>?</summary>
    public async Task<bool> MayAsync(ClaimsPrincipal user, string branch, CancellationToken cancellationToken) =>
        await AllowedAsync(user, cancellationToken).ConfigureAwait(false) is not { } allowed || allowed.Contains(branch);

    /// <summary>
    /// May the user act on request <paramref name="requestId"/>? Its branch is its device's. An unknown device is allowed
    /// here, so that the operation answers 404 as for anyone.
    /// </summary>
    public async Task<bool> MayActOnRequestAsync(ClaimsPrincipal user, string requestId, CancellationToken cancellationToken)
    {
        var allowed = await AllowedAsync(user, cancellationToken).ConfigureAwait(false);
        if (allowed is null)
        {
            return true;
        }

        var dash = requestId.LastIndexOf('-');
        var device = dash > 0 ? await devices.FindAsync(requestId[..dash], cancellationToken).ConfigureAwait(false) : null;
        return device is null || allowed.Contains(device.Branch);
    }

    /// <summary>
    /// May <paramref name="actor"/> sign <paramref name="target"/> out everywhere? An admin may; a manager only when they
    /// manage every branch the target serves (a target limited to no branch serves all, and an admin is never a manager's).
    /// </summary>
    public async Task<bool> MaySignOutAsync(ClaimsPrincipal actor, StaffUser target, CancellationToken cancellationToken)
    {
        var role = actor.ToActor().Role;
        if (role == StaffRole.Admin)
        {
            return true;
        }

        if (role != StaffRole.Manager || target.Role == StaffRole.Admin)
        {
            return false;
        }

        var allowed = await AllowedAsync(actor, cancellationToken).ConfigureAwait(false);
        return allowed is null || (target.Branches.Count > 0 && target.Branches.All(allowed.Contains));
    }

    /// <summary>The 403 problem for a branch that is not the user's.</summary>
    public static DomainError NotYours(string branch) => DomainError.Forbidden($"branch '{branch}' is not one of yours");
}
