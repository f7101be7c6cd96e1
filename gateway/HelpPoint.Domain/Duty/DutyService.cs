using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Common;
using HelpPoint.Domain.Requests;
using HelpPoint.Domain.Staff;

namespace HelpPoint.Domain.Duty;

/// <summary>IT-hosts start and end shifts. Ending a shift hands the host's open requests back to the queue.</summary>
public sealed class DutyService(IDutyStore duty, IBranchStore branches, RequestService requests, TimeProvider time)
{
    public const int MaxLanguages = 16;

    public async Task<Result<HostDuty>> SetAsync(Actor actor, string branchId, bool onDuty, IReadOnlyList<string>? languages, CancellationToken cancellationToken = default)
    {
        if (!actor.HelpsVisitors)
        {
            return DomainError.Forbidden("only IT-hosts and the desk go on duty");
        }

        if (!Identifiers.IsValidSlug(branchId))
        {
            return DomainError.Invalid("branch must match [a-z0-9-]{1,32}");
        }

        languages ??= [];
        if (languages.Count > MaxLanguages || languages.Any(l => !Identifiers.IsValidLanguage(l)))
        {
            return DomainError.Invalid($"languages must be at most {MaxLanguages} ISO 639-1 codes such as \"sv\"");
        }

        var branch = await branches.FindAsync(branchId, cancellationToken).ConfigureAwait(false);
        if (branch is null)
        {
            return DomainError.NotFound($"unknown branch '{branchId}'");
        }

        var current = await duty.FindAsync(actor.UserName, cancellationToken).ConfigureAwait(false);
        var previousBranch = current is { OnDuty: true } ? current.Branch : null;
        var now = time.GetUtcNow();
        var shift = current ?? new HostDuty { UserName = actor.UserName, Branch = branch.Id };
        var starting = onDuty && (!shift.OnDuty || shift.Branch != branch.Id);
        shift.Branch = branch.Id;
        shift.OnDuty = onDuty;
        shift.Languages = languages.Distinct(StringComparer.Ordinal).ToList();
        if (starting)
        {
            shift.Since = now;
        }

        await duty.UpsertAsync(shift, cancellationToken).ConfigureAwait(false);

        if (!onDuty || (previousBranch is not null && previousBranch != branch.Id))
        {
            // A host who leaves must not keep visitors waiting for someone who is gone.
            await requests.ReturnAssignedAsync(actor.UserName, "shift-end:" + actor.UserName, cancellationToken).ConfigureAwait(false);
        }

        if (previousBranch is not null && previousBranch != branch.Id)
        {
            await requests.AnnounceBranchAsync(previousBranch, cancellationToken).ConfigureAwait(false);
        }

        await requests.AnnounceBranchAsync(branch.Id, cancellationToken).ConfigureAwait(false);
        return shift;
    }
}
