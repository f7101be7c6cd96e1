using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Common;
using HelpPoint.Domain.Duty;
using HelpPoint.Domain.Staff;
using HelpPoint.Gateway.Auth;
using HelpPoint.Gateway.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HelpPoint.Gateway.Branches;

/// <summary>Branches and their settings, and the weekly roster: <c>/api/v1/branches…</c>.</summary>
public static class BranchesApi
{
    private const int MaxCsvBytes = 256 * 1024;

    public static RouteGroupBuilder MapBranchesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/branches", ListAsync).RequireAuthorization(Policies.Staff).WithSummary("Every branch with its settings");
        api.MapGet("/branches/{branch}", GetAsync).RequireAuthorization(Policies.Staff).WithSummary("One branch with its settings");
        api.MapPut("/branches/{branch}", PutAsync).RequireAuthorization(Policies.Managers)
            .WithSummary("Create (admin) or change (manager of the branch, admin) a branch's settings");
        api.MapGet("/branches/{branch}/roster", RosterAsync).RequireAuthorization(Policies.Staff).WithSummary("The branch's weekly roster");
        api.MapPut("/branches/{branch}/roster", PutRosterAsync).RequireAuthorization(Policies.Managers)
            .WithSummary("Replace the branch's weekly roster: [{user, day, start, end}]");
        api.MapPost("/branches/{branch}/roster.csv", ImportRosterAsync).RequireAuthorization(Policies.Managers)
            .Accepts<string>("text/csv").WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxCsvBytes))
            .WithSummary("Replace the branch's weekly roster from CSV lines user,day,start,end (at most 256 KiB)");
        return api;
    }

    private static async Task<Ok<List<BranchView>>> ListAsync(HttpContext http, IBranchStore branches, BranchAccess access, CancellationToken cancellationToken)
    {
        var allowed = await access.AllowedAsync(http.User, cancellationToken);
        return TypedResults.Ok((await branches.AllAsync(cancellationToken)).Where(b => allowed is null || allowed.Contains(b.Id)).Select(BranchView.From).ToList());
    }

    private static async Task<Results<Ok<BranchView>, ProblemHttpResult>> GetAsync(
        string branch, HttpContext http, IBranchStore branches, BranchAccess access, CancellationToken cancellationToken)
    {
        if (await branches.FindAsync(branch, cancellationToken) is not { } b)
        {
            return NotFound(branch);
        }

        return await access.MayAsync(http.User, b.Id, cancellationToken) ? TypedResults.Ok(BranchView.From(b)) : BranchAccess.NotYours(branch).ToProblem();
    }

    private static async Task<Results<Ok<BranchView>, ProblemHttpResult>> PutAsync(
        string branch, BranchSettings? body, HttpContext http, IBranchStore branches, IStaffStore staff, CancellationToken cancellationToken)
    {
        if (!Identifiers.IsValidSlug(branch))
        {
            return DomainProblems.Invalid("branch must match [a-z0-9-]{1,32}");
        }

        if (body is null)
        {
            return DomainProblems.Invalid("send the branch settings as JSON");
        }

        var actor = http.User.ToActor();
        var existing = await branches.FindAsync(branch, cancellationToken);
        if (existing is null && actor.Role != StaffRole.Admin)
        {
            return TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: "only an admin creates branches");
        }

        if (!await ManagesAsync(actor, branch, staff, cancellationToken))
        {
            return TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: $"you do not manage branch '{branch}'");
        }

        var b = existing ?? new Branch { Id = branch, Name = branch };
        if (body.Name is { } name)
        {
            if (name.Length is 0 or > 100)
            {
                return DomainProblems.Invalid("name must be 1 to 100 characters");
            }

            b.Name = name;
        }

        if (body.TimeZone is { } zone)
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            {
                return DomainProblems.Invalid($"unknown time zone '{zone}' (use an IANA name such as Europe/Stockholm)");
            }

            b.TimeZoneId = zone;
        }

        if (body.Languages is { } languages)
        {
            if (languages.Count is 0 or > 16 || languages.Any(l => !Identifiers.IsValidLanguage(l)))
            {
                return DomainProblems.Invalid("languages must be 1 to 16 ISO 639-1 codes, the branch default first");
            }

            b.Languages = languages.Distinct(StringComparer.Ordinal).ToList();
        }

        if (body.OpeningHours is { } hours)
        {
            if (!OpeningHours.TryParse(hours, out _, out var error))
            {
                return DomainProblems.Invalid($"openingHours: {error}");
            }

            b.OpeningHours = hours.Trim();
        }

        if (body.AcceptTimeoutS is { } timeout)
        {
            if (timeout is < 5 or > 3600)
            {
                return DomainProblems.Invalid("acceptTimeoutS must be 5 to 3600");
            }

            b.AcceptTimeoutS = timeout;
        }

        if (body.EscalationRepeatS is { } repeat)
        {
            if (repeat is < 30 or > 3600)
            {
                return DomainProblems.Invalid("escalationRepeatS must be 30 to 3600");
            }

            b.EscalationRepeatS = repeat;
        }

        if (body.TargetAcceptS is { } target)
        {
            if (target is < 10 or > 7200)
            {
                return DomainProblems.Invalid("targetAcceptS must be 10 to 7200");
            }

            b.TargetAcceptS = target;
        }

        if (body.DefaultHandlingS is { } handling)
        {
            if (handling is < 10 or > 7200)
            {
                return DomainProblems.Invalid("defaultHandlingS must be 10 to 7200");
            }

            b.DefaultHandlingS = handling;
        }

        await branches.UpsertAsync(b, cancellationToken);
        return TypedResults.Ok(BranchView.From(b));
    }

    private static async Task<Results<Ok<List<RosterEntry>>, ProblemHttpResult>> RosterAsync(
        string branch, HttpContext http, IBranchStore branches, BranchAccess access, RosterService roster, CancellationToken cancellationToken)
    {
        if (await branches.FindAsync(branch, cancellationToken) is null)
        {
            return NotFound(branch);
        }

        if (!await access.MayAsync(http.User, branch, cancellationToken))
        {
            return BranchAccess.NotYours(branch).ToProblem();
        }

        return TypedResults.Ok(ToEntries(await roster.ForBranchAsync(branch, cancellationToken)));
    }

    private static async Task<Results<Ok<List<RosterEntry>>, ProblemHttpResult>> PutRosterAsync(
        string branch, List<RosterEntry>? body, HttpContext http, IStaffStore staff, RosterService roster, CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return DomainProblems.Invalid("send [{\"user\":\"host1\",\"day\":\"mon\",\"start\":\"10:00\",\"end\":\"14:00\"}]");
        }

        if (!await ManagesAsync(http.User.ToActor(), branch, staff, cancellationToken))
        {
            return TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: $"you do not manage branch '{branch}'");
        }

        var result = await roster.ReplaceAsync(branch, body, cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(ToEntries(result.Value!)) : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<List<RosterEntry>>, ProblemHttpResult>> ImportRosterAsync(
        string branch, HttpRequest request, HttpContext http, IStaffStore staff, RosterService roster, CancellationToken cancellationToken)
    {
        if (!await ManagesAsync(http.User.ToActor(), branch, staff, cancellationToken))
        {
            return TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: $"you do not manage branch '{branch}'");
        }

        var tooLarge = TypedResults.Problem(statusCode: 413, title: "Too large", detail: $"the roster CSV may be at most {MaxCsvBytes / 1024} KiB");
        if (request.ContentLength > MaxCsvBytes)
        {
            return tooLarge;
        }

        string csv;
        try
        {
            using var reader = new StreamReader(request.Body);
            csv = await reader.ReadToEndAsync(cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Sent without a length (chunked) and longer than allowed.
            return tooLarge;
        }

        var result = await roster.ImportCsvAsync(branch, csv, cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(ToEntries(result.Value!)) : result.Error!.ToProblem();
    }

    private static async Task<bool> ManagesAsync(Actor actor, string branch, IStaffStore staff, CancellationToken cancellationToken)
    {
        if (actor.Role == StaffRole.Admin)
        {
            return true;
        }

        var user = await staff.FindAsync(actor.UserName, cancellationToken);
        return user is not null && (user.Branches.Count == 0 || user.Branches.Contains(branch));
    }

    private static List<RosterEntry> ToEntries(IEnumerable<RosterShift> shifts) =>
        shifts.Select(s => new RosterEntry(s.UserName, RosterService.DayName(s.Day), s.Start.ToString("HH:mm"), s.End.ToString("HH:mm"))).ToList();

    private static ProblemHttpResult NotFound(string branch) => TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"unknown branch '{branch}'");
}

/// <summary>A branch as the API shows it.</summary>
public sealed record BranchView(
    string Id, string Name, string TimeZone, IReadOnlyList<string> Languages, string OpeningHours, int AcceptTimeoutS, int TargetAcceptS, int DefaultHandlingS, int EscalationRepeatS)
{
    public static BranchView From(Branch b) => new(b.Id, b.Name, b.TimeZoneId, b.Languages, b.OpeningHours, b.AcceptTimeoutS, b.TargetAcceptS, b.DefaultHandlingS, b.EscalationRepeatS);
}

/// <summary>Body of <c>PUT /api/v1/branches/{branch}</c>: only the fields sent are changed.</summary>
public sealed record BranchSettings(
    string? Name, string? TimeZone, List<string>? Languages, string? OpeningHours, int? AcceptTimeoutS, int? TargetAcceptS, int? DefaultHandlingS, int? EscalationRepeatS = null);
