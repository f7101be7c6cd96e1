using System.Text.RegularExpressions;
using HelpPoint.Domain.Duty;
using HelpPoint.Domain.Staff;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HelpPoint.Gateway.Auth;

/// <summary>Sign-in and sign-out: <c>/api/v1/session</c>, and who am I: <c>/api/v1/me</c>.</summary>
public static partial class SessionApi
{
    [GeneratedRegex("^[a-z0-9._-]{1,64}\\z")]
    private static partial Regex UserNamePattern();

    public static RouteGroupBuilder MapSessionApi(this RouteGroupBuilder api)
    {
        api.MapPost("/session", SignInAsync).AllowAnonymous().WithSummary("Sign in an IT-host (PIN) or a manager (password)");
        api.MapDelete("/session", SignOutAsync).RequireAuthorization(Policies.Staff).WithSummary("Sign out this session");
        api.MapGet("/me", MeAsync).RequireAuthorization(Policies.Staff).WithSummary("The signed-in user and their duty");
        return api;
    }

    private static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> SignInAsync(
        SignInRequest? body, SessionService sessions, HttpContext http, CancellationToken cancellationToken)
    {
        // A sign-in answer carries a session token: no browser or proxy may keep it.
        http.Response.Headers.CacheControl = "no-store";
        if (body is null || string.IsNullOrEmpty(body.User) || string.IsNullOrEmpty(body.Secret))
        {
            return TypedResults.Problem(statusCode: 400, title: "Invalid sign-in", detail: "Send {\"user\":\"…\",\"secret\":\"…\"}.");
        }

        if (!UserNamePattern().IsMatch(body.User) || body.Secret.Length > 128)
        {
            return TypedResults.Problem(statusCode: 401, title: "Sign-in failed", detail: "wrong user or secret");
        }

        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var result = await sessions.SignInAsync(body.User, body.Secret, address, cancellationToken);
        if (!result.Succeeded)
        {
            if (result.RetryAfter is { } wait)
            {
                http.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString("0", System.Globalization.CultureInfo.InvariantCulture);
            }

            return TypedResults.Problem(statusCode: result.Locked ? 429 : 401, title: "Sign-in failed", detail: result.Error);
        }

        http.Response.Cookies.Append(SessionAuthenticationHandler.CookieName, result.Token!, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = "/",
            Expires = result.ExpiresAt,
        });
        var actor = result.Actor!;
        return TypedResults.Ok(new SessionResponse(result.Token!, actor.UserName, actor.DisplayName, actor.Role.ToName(), result.ExpiresAt));
    }

    private static async Task<NoContent> SignOutAsync(HttpContext http, SessionService sessions, CancellationToken cancellationToken)
    {
        var token = http.User.FindFirst("hp:token")?.Value;
        if (token is not null)
        {
            await sessions.SignOutAsync(token, cancellationToken);
        }

        http.Response.Cookies.Delete(SessionAuthenticationHandler.CookieName);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<MeResponse>> MeAsync(HttpContext http, IDutyStore duty, CancellationToken cancellationToken)
    {
        var actor = http.User.ToActor();
        var shift = await duty.FindAsync(actor.UserName, cancellationToken);
        return TypedResults.Ok(new MeResponse(actor.UserName, actor.DisplayName, actor.Role.ToName(),
            shift is null ? null : DutyResponse.From(shift)));
    }
}

/// <summary>Body of <c>POST /api/v1/session</c>.</summary>
public sealed record SignInRequest(string? User, string? Secret);

/// <summary>A new session: the bearer token and who it belongs to.</summary>
public sealed record SessionResponse(string Token, string User, string DisplayName, string Role, DateTimeOffset ExpiresAt);

/// <summary>The signed-in user.</summary>
public sealed record MeResponse(string User, string DisplayName, string Role, DutyResponse? Duty);

/// <summary>A host's shift as the API shows it.</summary>
public sealed record DutyResponse(string Branch, bool OnDuty, IReadOnlyList<string> Languages, DateTimeOffset Since, bool Paused = false)
{
    public static DutyResponse From(HostDuty shift) => new(shift.Branch, shift.OnDuty, shift.Languages, shift.Since, shift.OnDuty && shift.PausedAt is not null);
}
