using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Duty;
using HelpPoint.Domain.Staff;
using HelpPoint.Gateway.Requests.Engine;
using HelpPoint.Gateway.Storage;

namespace HelpPoint.Gateway.Duty;

/// <summary>
/// Puts rostered hosts on and off duty at the start and end of their shifts. The roster is read once and again only when
/// it is replaced, so a tick with nothing due touches no database.
/// </summary>
public sealed class RosterClock
{
    private readonly IRosterStore _roster;
    private readonly IBranchStore _branches;
    private readonly IStaffStore _staff;
    private readonly BranchEngines _engines;
    private readonly TimeProvider _time;
    private volatile IReadOnlyList<RosterShift>? _shifts;
    private DateTimeOffset? _lastTick;

    public RosterClock(IRosterStore roster, IBranchStore branches, IStaffStore staff, BranchEngines engines, StoreChanges changes, TimeProvider time)
    {
        _roster = roster;
        _branches = branches;
        _staff = staff;
        _engines = engines;
        _time = time;
        changes.RosterChanged += () => _shifts = null;
    }

    public async Task TickAsync(CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        var since = _lastTick ?? now.AddSeconds(-1);
        _lastTick = now;
        var shifts = _shifts ??= await _roster.AllAsync(cancellationToken).ConfigureAwait(false);
        if (shifts.Count == 0)
        {
            return;
        }

        foreach (var shift in shifts)
        {
            if (!_engines.Runs(shift.Branch) || await _branches.FindAsync(shift.Branch, cancellationToken).ConfigureAwait(false) is not { } branch)
            {
                continue;
            }

            foreach (var (_, starts) in RosterSchedule.DueBetween(shift, branch, since, now))
            {
                if (starts)
                {
                    await StartAsync(shift, cancellationToken).ConfigureAwait(false);
                }
                else if (_engines.DutyBranchOf(shift.UserName) == shift.Branch)
                {
                    await _engines.EndShiftAsync(shift.UserName, shift.Branch, "roster", cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    private async Task StartAsync(RosterShift shift, CancellationToken cancellationToken)
    {
        if (_engines.DutyBranchOf(shift.UserName) == shift.Branch || await _staff.FindAsync(shift.UserName, cancellationToken).ConfigureAwait(false) is not { } user)
        {
            return;
        }

        await _engines.SetDutyAsync(new Actor(user.UserName, user.DisplayName, user.Role), shift.Branch, true, user.Languages, cancellationToken).ConfigureAwait(false);
    }
}
