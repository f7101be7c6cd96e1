using System.Text.RegularExpressions;
using HelpPoint.Domain.Staff;
using HelpPoint.Gateway.Http;
using HelpPoint.Gateway.Notifications;
using HelpPoint.Gateway.Notifications.Channels;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HelpPoint.Gateway.Auth;

/// <summary>A manager signs out a lost phone: <c>POST /api/v1/staff/{user}/sign-out</c>.</summary>
public static partial class StaffSessionsApi
{
    [GeneratedRegex("^[a-z0-9._-]{1,64}\\z")]
    private static partial Regex UserNamePattern();

    public static RouteGroupBuilder MapStaffSessionsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/staff/{user}/sign-out", SignOutEverywhereAsync).RequireAuthorization(Policies.Managers)
            .WithSummary("Sign a user out on every device (a lost phone): sessions revoked, live views closed, push subscriptions and ntfy/SMS settings forgotten");
        return api;
    }

    private static async Task<Results<Ok<SignedOutResponse>, ProblemHttpResult>> SignOutEverywhereAsync(
        string user, IStaffStore staff, BranchAccess access, SessionService sessions, NotificationStore notifications, EventHub hub, ILoggerFactory loggers, HttpContext http, CancellationToken cancellationToken)
    {
        if (!UserNamePattern().IsMatch(user) || await staff.FindAsync(user, cancellationToken) is not { } target)
        {
            return TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"unknown user '{user}'");
        }

        var actor = http.User.ToActor();
        if (actor.UserName == user)
        {
            return DomainProblems.Invalid("sign yourself out with DELETE /api/v1/session");
        }

        if (!await access.MaySignOutAsync(http.User, target, cancellationToken))
        {
            return TypedResults.Problem(statusCode: 403, title: "Forbidden",
                detail: $"signing '{user}' out needs an admin, or a manager of every branch '{user}' serves");
        }

        var revoked = await sessions.RevokeAllAsync(user, cancellationToken);
        var subscriptions = await notifications.ForgetPhonesAsync(user, cancellationToken);
        var streams = hub.Disconnect(user);
        loggers.CreateLogger("HelpPoint.Gateway.Auth").LogWarning(
            "{Manager} signed {User} out everywhere: {Sessions} sessions, {Subscriptions} push subscriptions, {Streams} live views", actor.UserName, user, revoked, subscriptions, streams);
        return TypedResults.Ok(new SignedOutResponse(user, revoked, subscriptions, streams));
    }
}

/// <summary>What signing a user out everywhere ended.</summary>
public sealed record SignedOutResponse(string User, int Sessions, int PushSubscriptions, int LiveViews);
