using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Common;
using HelpPoint.Domain.Requests;
using HelpPoint.Gateway.Auth;
using HelpPoint.Gateway.Http;
using HelpPoint.Gateway.Requests.Engine;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HelpPoint.Gateway.Requests;

/// <summary>The queue and what staff do with requests: <c>/api/v1/branches/{branch}/queue</c>, <c>/api/v1/requests/{id}/…</c>.</summary>
public static class RequestsApi
{
    private const int MaxIdLength = 64;

    public static RouteGroupBuilder MapRequestsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/branches/{branch}/queue", QueueAsync).RequireAuthorization(Policies.Staff)
            .WithSummary("Open requests of a branch, in queue order");

        var requests = api.MapGroup("/requests/{id}");
        requests.MapPost("/accept", (string id, HttpContext http, BranchEngines s, CancellationToken ct) => Run(id, http, ct, s.AcceptAsync))
            .RequireAuthorization(Policies.Helpers).WithSummary("Take a queued request; of concurrent accepts exactly one wins, the others get 409");
        requests.MapPost("/decline", (string id, HttpContext http, BranchEngines s, CancellationToken ct) => Run(id, http, ct, s.DeclineAsync))
            .RequireAuthorization(Policies.Helpers).WithSummary("\"Not now\": the offer goes to the next host at once");
        requests.MapPost("/done", (string id, DoneRequest? body, HttpContext http, BranchEngines s, CancellationToken ct) =>
                Run(id, http, ct, (actor, requestId, token) => s.DoneAsync(actor, requestId, body?.Outcome, body?.Category, token)))
            .RequireAuthorization(Policies.Staff).WithSummary("The visitor has been helped; optional body {\"outcome\":\"helped|referred|no-show\",\"category\":\"…\"}");
        requests.MapPost("/reopen", (string id, HttpContext http, BranchEngines s, CancellationToken ct) => Run(id, http, ct, s.ReopenAsync))
            .RequireAuthorization(Policies.Helpers).WithSummary("Undo a mistaken \"done\" within 10 s (same host, before the visitor rated it)");
        requests.MapPost("/release", (string id, HttpContext http, BranchEngines s, CancellationToken ct) => Run(id, http, ct, s.ReleaseAsync))
            .RequireAuthorization(Policies.Staff).WithSummary("Hand the request back to the front of the queue");
        requests.MapPost("/cancel", (string id, HttpContext http, BranchEngines s, CancellationToken ct) => Run(id, http, ct, s.CancelAsync))
            .RequireAuthorization(Policies.Staff).WithSummary("Withdraw the request");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<QueueItem>>, ProblemHttpResult>> QueueAsync(
        string branch, HttpContext http, BranchEngines requests, IBranchStore branches, BranchAccess access, CancellationToken cancellationToken)
    {
        if (!Identifiers.IsValidSlug(branch))
        {
            return DomainProblems.Invalid("branch must match [a-z0-9-]{1,32}");
        }

        if (await branches.FindAsync(branch, cancellationToken) is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"unknown branch '{branch}'");
        }

        if (!await access.MayAsync(http.User, branch, cancellationToken))
        {
            return BranchAccess.NotYours(branch).ToProblem();
        }

        var open = await requests.QueueAsync(branch, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<QueueItem>>(open.Select(QueueItem.From).ToList());
    }

    private static async Task<Results<Ok<QueueItem>, ProblemHttpResult>> Run(
        string id, HttpContext http, CancellationToken cancellationToken,
        Func<Domain.Staff.Actor, string, CancellationToken, Task<Result<HelpRequest>>> operation)
    {
        if (id.Length > MaxIdLength || Identifiers.CanonicalRequestId(id) is not { } canonical)
        {
            return DomainProblems.Invalid("request id must look like {device}-{digits}, e.g. demo-hp-1-000042");
        }

        id = canonical;

        if (!await http.RequestServices.GetRequiredService<BranchAccess>().MayActOnRequestAsync(http.User, id, cancellationToken))
        {
            return DomainError.Forbidden("this request is not of one of your branches").ToProblem();
        }

        var result = await operation(http.User.ToActor(), id, cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(QueueItem.From(result.Value!)) : result.Error!.ToProblem();
    }
}

/// <summary>Optional body of <c>POST /api/v1/requests/{id}/done</c>: how it ended, and the category if the visitor pressed the wrong one.</summary>
public sealed record DoneRequest(string? Outcome, string? Category);
