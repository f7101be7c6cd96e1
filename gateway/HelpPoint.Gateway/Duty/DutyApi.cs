using HelpPoint.Domain.Common;
using HelpPoint.Domain.Duty;
using HelpPoint.Gateway.Auth;
using HelpPoint.Gateway.Http;
using HelpPoint.Gateway.Requests.Engine;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HelpPoint.Gateway.Duty;

/// <summary>Start and end a shift (<c>PUT /api/v1/me/duty</c>), and take a break within it (<c>PUT /api/v1/me/duty/pause</c>).</summary>
public static class DutyApi
{
    public static RouteGroupBuilder MapDutyApi(this RouteGroupBuilder api)
    {
        api.MapPut("/me/duty", SetAsync).RequireAuthorization(Policies.Helpers).WithSummary("Go on or off duty at a branch, with the languages you help in");
        api.MapPost("/me/duty/still-here", StillHereAsync).RequireAuthorization(Policies.Helpers).WithSummary("Answer \"are you still on duty?\" with yes");
        api.MapPut("/me/duty/pause", PauseAsync).RequireAuthorization(Policies.Helpers)
            .WithSummary("Go on a break without ending the shift (no offers meanwhile), or back to taking requests: {\"paused\":true|false}");
        return api;
    }

    private static async Task<Results<Ok<DutyResponse>, ProblemHttpResult>> SetAsync(
        DutyRequest? body, HttpContext http, BranchEngines duty, BranchAccess access, CancellationToken cancellationToken)
    {
        if (body?.Branch is null || body.OnDuty is null)
        {
            return DomainProblems.Invalid("send {\"branch\":\"demo\",\"onDuty\":true,\"languages\":[\"sv\"]}");
        }

        if (body.OnDuty.Value && !await access.MayAsync(http.User, body.Branch, cancellationToken))
        {
            return BranchAccess.NotYours(body.Branch).ToProblem();
        }

        var result = await duty.SetDutyAsync(http.User.ToActor(), body.Branch, body.OnDuty.Value, body.Languages, cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem();
        }

        return TypedResults.Ok(DutyResponse.From(result.Value!));
    }

    private static async Task<Results<Ok<DutyResponse>, ProblemHttpResult>> StillHereAsync(HttpContext http, BranchEngines duty, CancellationToken cancellationToken)
    {
        var result = await duty.StillHereAsync(http.User.ToActor(), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(DutyResponse.From(result.Value!)) : result.Error!.ToProblem();
    }

    private static async Task<Results<Ok<DutyResponse>, ProblemHttpResult>> PauseAsync(
        PauseRequest? body, HttpContext http, BranchEngines duty, BranchAccess access, CancellationToken cancellationToken)
    {
        if (body?.Paused is not { } paused)
        {
            return DomainProblems.Invalid("send {\"paused\":true} or {\"paused\":false}");
        }

        var actor = http.User.ToActor();
        if (await duty.DutyBranchOfAsync(actor.UserName, cancellationToken) is not { } branch)
        {
            return DomainError.Conflict("you are not on duty").ToProblem();
        }

        if (!await access.MayAsync(http.User, branch, cancellationToken))
        {
            return BranchAccess.NotYours(branch).ToProblem();
        }

        var result = await duty.SetPausedAsync(actor, paused, cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(DutyResponse.From(result.Value!)) : result.Error!.ToProblem();
    }
}

/// <summary>Body of <c>PUT /api/v1/me/duty/pause</c>.</summary>
public sealed record PauseRequest(bool? Paused);

/// <summary>Body of <c>PUT /api/v1/me/duty</c>.</summary>
public sealed record DutyRequest(string? Branch, bool? OnDuty, List<string>? Languages);
