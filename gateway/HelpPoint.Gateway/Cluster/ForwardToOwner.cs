using System.Net.Http.Headers;

namespace HelpPoint.Gateway.Cluster;

/// <summary>
/// When several gateways share the work, an API call that changes a branch this gateway does not own is sent on to the
/// owner as it came (same method, path, body and credentials: sessions live in the shared database), and the owner's
/// answer is returned. A call that was already forwarded once is not forwarded again: the caller gets 503 and retries.
/// </summary>
public sealed class ForwardToOwner(RequestDelegate next, IBranchOwnership ownership, IHttpClientFactory clients, ILogger<ForwardToOwner> logger)
{
    public const string HttpClientName = "HelpPoint.Cluster";
    private static readonly string[] PassedHeaders = ["Authorization", "Cookie", "X-HelpPoint-Request", "Accept", "Accept-Language"];

    public async Task InvokeAsync(HttpContext context)
    {
        if (!ownership.IsShared || !context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        if (!ownership.FirstRound.IsCompleted)
        {
            // A gateway that is starting does not know yet which branches are its own: calls wait for that (a moment)
            // instead of being refused as if another gateway ran the branch.
            try
            {
                await ownership.FirstRound.WaitAsync(TimeSpan.FromSeconds(30), context.RequestAborted).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Answered below like any branch with no owner yet.
            }
        }

        context.Request.EnableBuffering();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (BranchElsewhereException ex) when (!context.Response.HasStarted)
        {
            await ForwardAsync(context, ex.Branch).ConfigureAwait(false);
        }
    }

    private async Task ForwardAsync(HttpContext context, string branch)
    {
        var owner = await ownership.OwnerAsync(branch, context.RequestAborted).ConfigureAwait(false);
        if (owner is null || context.Request.Headers.ContainsKey(ClusterOptions.ForwardedHeader))
        {
            await MovingAsync(context, branch).ConfigureAwait(false);
            return;
        }

        context.Request.Body.Position = 0;
        using var forwarded = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(owner, context.Request.Path + context.Request.QueryString));
        if (context.Request.ContentLength is > 0 || context.Request.Headers.ContainsKey("Transfer-Encoding"))
        {
            forwarded.Content = new StreamContent(context.Request.Body);
            if (context.Request.ContentType is { } type)
            {
                forwarded.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
            }
        }

        foreach (var name in PassedHeaders)
        {
            if (context.Request.Headers.TryGetValue(name, out var values))
            {
                forwarded.Headers.TryAddWithoutValidation(name, (IEnumerable<string>)values!);
            }
        }

        forwarded.Headers.TryAddWithoutValidation(ClusterOptions.ForwardedHeader, "1");
        try
        {
            using var answer = await clients.CreateClient(HttpClientName).SendAsync(forwarded, context.RequestAborted).ConfigureAwait(false);
            context.Response.StatusCode = (int)answer.StatusCode;
            if (answer.Content.Headers.ContentType is { } contentType)
            {
                context.Response.ContentType = contentType.ToString();
            }

            await answer.Content.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning("Could not forward {Path} to {Owner} (owner of {Branch}): {Message}", context.Request.Path, owner, branch, ex.Message);
            await MovingAsync(context, branch).ConfigureAwait(false);
        }
    }

    private static Task MovingAsync(HttpContext context, string branch)
    {
        context.Response.Headers.RetryAfter = "1";
        return Results.Problem(statusCode: 503, title: "Service unavailable", detail: $"branch '{branch}' is moving to another gateway; try again in a moment").ExecuteAsync(context);
    }
}
