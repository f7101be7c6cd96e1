using System.Security.Claims;
using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Common;
using HelpPoint.Domain.Staff;
using HelpPoint.Domain.Stats;
using HelpPoint.Gateway.Auth;
using Microsoft.Extensions.Options;

namespace HelpPoint.Gateway.Stats;

/// <summary>
/// Who may see which branch's figures, and whether with hosts' names. A manager sees the branches listed on their staff record
/// (none listed: all); an admin sees all.
/// </summary>
public sealed class StatsAccess(IBranchStore branches, IStaffStore staff, IOptions<StatsOptions> options)
{
    public async Task<IReadOnlyList<Branch>> VisibleBranchesAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var all = await branches.AllAsync(cancellationToken).ConfigureAwait(false);
        var allowed = await AllowedAsync(user, cancellationToken).ConfigureAwait(false);
        return allowed is null ? all : all.Where(b => allowed.Contains(b.Id)).ToList();
    }

    /// <summary>The branch, or why not: invalid id (400), unknown (404), not this manager's (403).</summary>
    public async Task<Result<Branch>> BranchAsync(ClaimsPrincipal user, string? id, CancellationToken cancellationToken)
    {
        if (!Identifiers.IsValidSlug(id))
        {
            return DomainError.Invalid("branch must match [a-z0-9-]{1,32}");
        }

        var branch = await branches.FindAsync(id!, cancellationToken).ConfigureAwait(false);
        if (branch is null)
        {
            return DomainError.NotFound($"unknown branch '{id}'");
        }

        var allowed = await AllowedAsync(user, cancellationToken).ConfigureAwait(false);
        return allowed is null || allowed.Contains(branch.Id) ? branch : DomainError.Forbidden($"branch '{id}' is not one of yours");
    }

    public HostNaming NamingFor(ClaimsPrincipal user)
    {
        var role = user.FindFirstValue(ClaimTypes.Role) ?? "";
        var roles = options.Value.HostNamesFor.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return roles.Contains(role, StringComparer.OrdinalIgnoreCase) ? HostNaming.Names : HostNaming.Pseudonyms;
    }

    /// <summary>Branch ids the user is limited to, or null for all.</summary>
    private async Task<HashSet<string>?> AllowedAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
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
}
