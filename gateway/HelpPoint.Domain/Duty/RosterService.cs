using System.Globalization;
using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Common;
using HelpPoint.Domain.Staff;

namespace HelpPoint.Domain.Duty;

/// <summary>The weekly roster of a branch: read, replaced as a whole, or imported from CSV (<c>user,day,start,end</c>).</summary>
public sealed class RosterService(IRosterStore roster, IStaffStore staff, IBranchStore branches)
{
    public const int MaxShifts = 2000;
    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public Task<IReadOnlyList<RosterShift>> ForBranchAsync(string branch, CancellationToken cancellationToken = default) =>
        roster.ForBranchAsync(branch, cancellationToken);

    /// <summary>Replaces the branch's roster after checking every shift; nothing is written if any is wrong.</summary>
    public async Task<Result<IReadOnlyList<RosterShift>>> ReplaceAsync(string branchId, IReadOnlyList<RosterEntry> entries, CancellationToken cancellationToken = default)
    {
        if (await branches.FindAsync(branchId, cancellationToken).ConfigureAwait(false) is null)
        {
            return DomainError.NotFound($"unknown branch '{branchId}'");
        }

        if (entries.Count > MaxShifts)
        {
            return DomainError.Invalid($"at most {MaxShifts} shifts per branch");
        }

        var shifts = new List<RosterShift>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var where = $"shift {i + 1}";
            if (string.IsNullOrEmpty(e.User) || await staff.FindAsync(e.User, cancellationToken).ConfigureAwait(false) is not { } user)
            {
                return DomainError.Invalid($"{where}: unknown user '{e.User}'");
            }

            if (user.Role is not (StaffRole.Host or StaffRole.Desk))
            {
                return DomainError.Invalid($"{where}: {e.User} is not an IT-host or desk user");
            }

            var day = Array.IndexOf(DayNames, (e.Day ?? "").ToLowerInvariant());
            if (day < 0)
            {
                return DomainError.Invalid($"{where}: day must be one of mon, tue, wed, thu, fri, sat, sun");
            }

            if (!TimeOnly.TryParseExact(e.Start, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
                || !TimeOnly.TryParseExact(e.End, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
                || end <= start)
            {
                return DomainError.Invalid($"{where}: start and end must be HH:mm with end after start");
            }

            shifts.Add(new RosterShift { UserName = user.UserName, Branch = branchId, Day = (DayOfWeek)day, Start = start, End = end });
        }

        await roster.ReplaceBranchAsync(branchId, shifts, cancellationToken).ConfigureAwait(false);
        return shifts;
    }

    /// <summary>Imports <c>user,day,start,end</c> lines (a header line is allowed) and replaces the roster.</summary>
    public Task<Result<IReadOnlyList<RosterShift>>> ImportCsvAsync(string branchId, string csv, CancellationToken cancellationToken = default)
    {
        var entries = new List<RosterEntry>();
        var lineNumber = 0;
        foreach (var raw in csv.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#') || (lineNumber == 1 && line.StartsWith("user", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var cells = line.Split(',', StringSplitOptions.TrimEntries);
            if (cells.Length != 4)
            {
                return Task.FromResult<Result<IReadOnlyList<RosterShift>>>(DomainError.Invalid($"line {lineNumber}: expected user,day,start,end"));
            }

            entries.Add(new RosterEntry(cells[0], cells[1], cells[2], cells[3]));
        }

        return ReplaceAsync(branchId, entries, cancellationToken);
    }

    public static string DayName(DayOfWeek day) => DayNames[(int)day];
}

/// <summary>A roster shift as people write it: <c>host1, mon, 10:00, 14:00</c>.</summary>
public sealed record RosterEntry(string? User, string? Day, string? Start, string? End);
