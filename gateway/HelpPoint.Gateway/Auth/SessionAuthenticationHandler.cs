using System.Security.Claims;
using System.Text.Encodings.Web;
using HelpPoint.Domain.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace HelpPoint.Gateway.Auth;

/// <summary>Authenticates requests by a session token from <c>Authorization: Bearer</c> or the web app's cookie.</summary>
public sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SessionService sessions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "HelpPointSession";
    public const string CookieName = "hp_session";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = BearerToken() ?? Request.Cookies[CookieName];
        if (string.IsNullOrEmpty(token))
        {
            return AuthenticateResult.NoResult();
        }

        if (token.Length > 200)
        {
            return AuthenticateResult.Fail("token too long");
        }

        var actor = await sessions.ResolveAsync(token, Context.RequestAborted).ConfigureAwait(false);
        if (actor is null)
        {
            return AuthenticateResult.Fail("unknown or expired session");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, actor.UserName),
                new Claim(ClaimTypes.Name, actor.DisplayName),
                new Claim(ClaimTypes.Role, actor.Role.ToName()),
                new Claim("hp:token", token),
            ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Results.Problem(statusCode: 401, title: "Sign in required", detail: "Sign in with POST /api/v1/session and send the token.")
            .ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Results.Problem(statusCode: 403, title: "Forbidden", detail: "Your role may not do this.").ExecuteAsync(Context);

    private string? BearerToken()
    {
        var header = Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
