namespace HelpPoint.Gateway.Auth;

/// <summary>
/// Anti-forgery for cookie sessions. The session cookie is <c>SameSite=Strict</c> already; as a second line, a request that changes
/// state (POST, PUT, PATCH, DELETE under <c>/api</c>) and rides on the cookie must also carry <c>X-HelpPoint-Request: 1</c>. A page on
/// another origin cannot add a custom header without a CORS preflight, which the gateway never grants, so a forged form post or
/// cross-site fetch is refused with 403 before it reaches an endpoint. Calls with <c>Authorization: Bearer</c> are not affected:
/// a browser never attaches a bearer token on its own.
/// </summary>
public static class AntiForgery
{
    public const string HeaderName = "X-HelpPoint-Request";

    public static IApplicationBuilder UseCookieAntiForgery(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (NeedsHeader(context.Request) && context.Request.Headers[HeaderName] != "1")
        {
            await Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Missing anti-forgery header",
                detail: $"Requests that change something with the session cookie must send the header '{HeaderName}: 1'. " +
                    "Scripts and tools can send 'Authorization: Bearer <token>' instead.")
                .ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    });

    private static bool NeedsHeader(HttpRequest request) =>
        !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
        && request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && !IsSignIn(request)
        && request.Cookies.ContainsKey(SessionAuthenticationHandler.CookieName)
        && !request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    // Signing in proves itself with the PIN or password in the body, not with the cookie it may already carry.
    private static bool IsSignIn(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Equals("/api/v1/session", StringComparison.OrdinalIgnoreCase);
}
