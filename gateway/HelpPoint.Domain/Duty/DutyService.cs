using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Common;
using HelpPoint.Domain.Requests;
using HelpPoint.Domain.Routing;
using HelpPoint.Domain.Staff;

namespace HelpPoint.Domain.Duty;

/// <summary>
/// Shifts: IT-hosts and the desk go on and off duty (by hand, or by the roster); a host who has done nothing for a long
/// time is asked whether they are still there, and taken off duty if they do not answer. Ending a shift never loses a
/// request: the host's open requests go back to the front of the queue and are offered to the next host.
/// </summary>
public sealed class DutyService(
    IDutyStore duty,
    IBranchStore branches,
    IStaffStore staff,
    RequestService requests,
    IAnnouncer announcer,
    RoutingSettings settings,
    TimeProvider time)
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
        shift.IsDesk = actor.Role == StaffRole.Desk;
        shift.Languages = languages.Distinct(StringComparer.Ordinal).ToList();
        shift.LastActivityAt = now;
        shift.PromptedAt = null;
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

    /// <summary>The host answers "yes, still here" (or simply shows activity).</summary>
    public async Task<Result<HostDuty>> StillHereAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var shift = await duty.FindAsync(actor.UserName, cancellationToken).ConfigureAwait(false);
        if (shift is not { OnDuty: true })
        {
            return DomainError.Conflict("you are not on duty");
        }

        shift.LastActivityAt = time.GetUtcNow();
        shift.PromptedAt = null;
        await duty.UpsertAsync(shift, cancellationToken).ConfigureAwait(false);
        return shift;
    }

    /// <summary>Asks idle hosts whether they are still on duty, and ends the shift of those who did not answer in time.</summary>
    public async Task CheckInactivityAsync(string branch, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        foreach (var shift in await duty.OnDutyAsync(branch, cancellationToken).ConfigureAwait(false))
        {
            var lastSign = shift.LastActivityAt ?? shift.Since;
            if (shift.PromptedAt is { } asked)
            {
                if (now - asked >= settings.InactivityGrace && lastSign <= asked)
                {
                    await EndShiftBySystemAsync(shift, "no answer to the duty check", cancellationToken).ConfigureAwait(false);
                }
            }
            else if (now - lastSign >= settings.InactivityPrompt)
            {
                shift.PromptedAt = now;
                await duty.UpsertAsync(shift, cancellationToken).ConfigureAwait(false);
                await announcer.StaffNoticeAsync(new StaffNotice(StaffNoticeKinds.DutyCheck, branch, [shift.UserName], null), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Puts a rostered host on duty at the start of their shift.</summary>
    public async Task StartRosteredAsync(RosterShift rostered, CancellationToken cancellationToken = default)
    {
        var user = await staff.FindAsync(rostered.UserName, cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            return;
        }

        var current = await duty.FindAsync(user.UserName, cancellationToken).ConfigureAwait(false);
        if (current is { OnDuty: true } && current.Branch == rostered.Branch)
        {
            return;
        }

        await SetAsync(new Actor(user.UserName, user.DisplayName, user.Role), rostered.Branch, true, user.Languages, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Takes a rostered host off duty at the end of their shift (unless they moved to another branch meanwhile).</summary>
    public async Task EndRosteredAsync(RosterShift rostered, CancellationToken cancellationToken = default)
    {
        var current = await duty.FindAsync(rostered.UserName, cancellationToken).ConfigureAwait(false);
        if (current is { OnDuty: true } && current.Branch == rostered.Branch)
        {
            await EndShiftBySystemAsync(current, "roster", cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task EndShiftBySystemAsync(HostDuty shift, string why, CancellationToken cancellationToken)
    {
        shift.OnDuty = false;
        shift.PromptedAt = null;
        await duty.UpsertAsync(shift, cancellationToken).ConfigureAwait(false);
        await requests.ReturnAssignedAsync(shift.UserName, $"shift-end:{shift.UserName}:{why}", cancellationToken).ConfigureAwait(false);
        await requests.AnnounceBranchAsync(shift.Branch, cancellationToken).ConfigureAwait(false);
    }
}
