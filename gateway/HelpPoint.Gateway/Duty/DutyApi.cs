using HelpPoint.Domain.Duty;
using HelpPoint.Gateway.Auth;
using HelpPoint.Gateway.Http;
using HelpPoint.Gateway.Requests.Engine;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HelpPoint.Gateway.Duty;

/// <summary>Start and end a shift: <c>PUT /api/v1/me/duty</c>.</summary>
public static class DutyApi
{
    public static RouteGroupBuilder MapDutyApi(this RouteGroupBuilder api)
    {
        api.MapPut("/me/duty", SetAsync).RequireAuthorization(Policies.Helpers).WithSummary("Go on or off duty at a branch, with the languages you help in");
        api.MapPost("/me/duty/still-here", StillHereAsync).RequireAuthorization(Policies.Helpers).WithSummary("Answer \"are you still on duty?\" with yes");
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

        var shift = result.Value!;
        return TypedResults.Ok(new DutyResponse(shift.Branch, shift.OnDuty, shift.Languages, shift.Since));
    }

    private static async Task<Results<Ok<DutyResponse>, ProblemHttpResult>> StillHereAsync(HttpContext http, BranchEngines duty, CancellationToken cancellationToken)
    {
        var result = await duty.StillHereAsync(http.User.ToActor(), cancellationToken);
        return result.IsSuccess
            ? TypedResults.Ok(new DutyResponse(result.Value!.Branch, result.Value.OnDuty, result.Value.Languages, result.Value.Since))
            : result.Error!.ToProblem();
    }
}

/// <summary>Body of <c>PUT /api/v1/me/duty</c>.</summary>
public sealed record DutyRequest(string? Branch, bool? OnDuty, List<string>? Languages);
