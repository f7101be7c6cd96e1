using System.Buffers.Text;
using System.Text.RegularExpressions;
using HelpPoint.Domain.Devices;
using HelpPoint.Domain.Requests;
using HelpPoint.Domain.Staff;
using HelpPoint.Gateway.Auth;
using HelpPoint.Gateway.Http;
using HelpPoint.Gateway.Notifications.Channels.Ntfy;
using HelpPoint.Gateway.Notifications.Channels.Sms;
using HelpPoint.Gateway.Notifications.Channels.WebPush;
using HelpPoint.Gateway.Requests;
using HelpPoint.Gateway.Requests.Engine;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HelpPoint.Gateway.Notifications.Channels;

/// <summary>
/// How a host is reached outside the app: the VAPID key, the browser's push subscription, the host's channel choices, the
/// Accept action of notifications, and the delivery log for managers.
/// </summary>
public static partial class ChannelsApi
{
    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}\\z")]
    private static partial Regex NtfyTopicPattern();

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}\z")]
    private static partial Regex PhonePattern();

    public static RouteGroupBuilder MapChannelsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/push/key", KeyAsync).RequireAuthorization(Policies.Staff)
            .WithSummary("The gateway's VAPID public key (applicationServerKey for pushManager.subscribe)");
        api.MapPut("/me/push-subscription", SubscribeAsync).RequireAuthorization(Policies.Staff)
            .WithSummary("Store this browser's push subscription {endpoint, keys:{p256dh, auth}} for the signed-in user");
        api.MapDelete("/me/push-subscription", UnsubscribeAsync).RequireAuthorization(Policies.Staff)
            .WithSummary("Forget this browser's push subscription {endpoint}");
        api.MapGet("/me/channels", ChannelsAsync).RequireAuthorization(Policies.Staff)
            .WithSummary("Which delivery channels the deployment offers and which the signed-in user uses");
        api.MapPut("/me/channels", SetChannelsAsync).RequireAuthorization(Policies.Staff)
            .WithSummary("Choose channels: {webPush, ntfyTopic, smsNumber, uiLang}; only the fields sent change, \"\" turns ntfy/SMS off");
        api.MapPost("/actions/accept", AcceptActionAsync).AllowAnonymous()
            .WithSummary("Accept an offer from a notification's button: {token} (one-time, from the notification)");
        api.MapGet("/deliveries", DeliveriesAsync).RequireAuthorization(Policies.Managers)
            .WithSummary("Recent delivery attempts (channel, time, outcome), newest first; ?user=&request=&limit=");
        return api;
    }

    private static async Task<Results<Ok<PushKeyResponse>, ProblemHttpResult>> KeyAsync(NotificationKeys keys, IOptions<NotificationOptions> options, CancellationToken cancellationToken)
    {
        if (!options.Value.WebPush.Enabled)
        {
            return TypedResults.Problem(statusCode: 404, title: "Not found", detail: "Web Push is turned off in this deployment");
        }

        return TypedResults.Ok(new PushKeyResponse((await keys.VapidAsync(cancellationToken)).PublicKeyBase64Url));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SubscribeAsync(
        PushSubscriptionRequest? body, HttpContext http, NotificationStore store, PushEndpointGuard guard, IOptions<NotificationOptions> options, CancellationToken cancellationToken)
    {
        if (!options.Value.WebPush.Enabled)
        {
            return TypedResults.Problem(statusCode: 404, title: "Not found", detail: "Web Push is turned off in this deployment");
        }

        if (body?.Endpoint is not { Length: > 0 and <= 1024 } endpoint || body.Keys?.P256dh is not { } p256dh || body.Keys.Auth is not { } auth)
        {
            return DomainProblems.Invalid("send the browser's PushSubscription as JSON: {\"endpoint\":\"https://…\",\"keys\":{\"p256dh\":\"…\",\"auth\":\"…\"}}");
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
        {
            return DomainProblems.Invalid("endpoint must be an https URL of a push service");
        }

        if (await guard.ProblemAsync(uri, cancellationToken) is { } problem)
        {
            return DomainProblems.Invalid(problem);
        }

        if (!IsBase64Url(p256dh, 65) || !IsBase64Url(auth, 16) || Base64Url.DecodeFromChars(p256dh)[0] != 0x04)
        {
            return DomainProblems.Invalid("keys.p256dh must be a 65-byte P-256 point and keys.auth 16 bytes, base64url");
        }

        await store.SubscribeAsync(http.User.ToActor().UserName, endpoint, p256dh, auth, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> UnsubscribeAsync(
        [FromBody] PushSubscriptionRequest? body, HttpContext http, NotificationStore store, CancellationToken cancellationToken)
    {
        if (body?.Endpoint is not { Length: > 0 and <= 1024 } endpoint)
        {
            return DomainProblems.Invalid("send {\"endpoint\":\"…\"}");
        }

        await store.UnsubscribeAsync(endpoint, http.User.ToActor().UserName, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ChannelsResponse>> ChannelsAsync(
        HttpContext http, NotificationStore store, IEnumerable<IDeliveryChannel> channels, CancellationToken cancellationToken)
    {
        var user = http.User.ToActor().UserName;
        return TypedResults.Ok(await ViewAsync(user, store, channels, cancellationToken));
    }

    private static async Task<Results<Ok<ChannelsResponse>, ProblemHttpResult>> SetChannelsAsync(
        ChannelsRequest? body, HttpContext http, NotificationStore store, NotificationTexts texts, IEnumerable<IDeliveryChannel> channels, CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return DomainProblems.Invalid("send {\"webPush\":true,\"ntfyTopic\":\"…\",\"smsNumber\":\"+46…\",\"uiLang\":\"sv\"}");
        }

        var user = http.User.ToActor().UserName;
        var preference = await store.PreferenceAsync(user, cancellationToken);
        if (body.WebPush is { } webPush)
        {
            preference.WebPush = webPush;
        }

        if (body.NtfyTopic is { } topic)
        {
            if (topic.Length > 0 && !NtfyTopicPattern().IsMatch(topic))
            {
                return DomainProblems.Invalid("ntfyTopic must be 1 to 64 letters, digits, '-' or '_' (pick a hard-to-guess one)");
            }

            preference.NtfyTopic = topic.Length == 0 ? null : topic;
        }

        if (body.SmsNumber is { } number)
        {
            number = number.Replace(" ", "", StringComparison.Ordinal);
            if (number.Length > 0 && !PhonePattern().IsMatch(number))
            {
                return DomainProblems.Invalid("smsNumber must be in international form, e.g. +46701234567");
            }

            preference.SmsNumber = number.Length == 0 ? null : number;
        }

        if (body.UiLang is { } lang)
        {
            if (!texts.HasLanguage(lang))
            {
                return DomainProblems.Invalid($"no app texts for language '{lang}'");
            }

            preference.UiLang = lang;
        }

        await store.SavePreferenceAsync(preference, cancellationToken);
        return TypedResults.Ok(await ViewAsync(user, store, channels, cancellationToken));
    }

    private static async Task<Results<Ok<QueueItem>, ProblemHttpResult>> AcceptActionAsync(
        ActionRequest? body, OfferActionTokens tokens, IStaffStore staff, BranchEngines service, CancellationToken cancellationToken)
    {
        if (body?.Token is not { Length: > 0 } token || await tokens.VerifyAsync(token, cancellationToken) is not { } grant)
        {
            return TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: "this button has expired; open the app");
        }

        var request = await service.FindAsync(grant.RequestId, cancellationToken);
        if (request is null || request.State != RequestState.Queued || request.OfferedTo != grant.User)
        {
            return TypedResults.Problem(statusCode: 409, title: "Conflict",
                detail: request?.State == RequestState.Assigned ? $"already accepted by {request.HostName}" : "this request is no longer offered to you");
        }

        var user = await staff.FindAsync(grant.User, cancellationToken);
        if (user is null)
        {
            return TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: "unknown user");
        }

        var result = await service.AcceptAsync(new Actor(user.UserName, user.DisplayName, user.Role), grant.RequestId, cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(QueueItem.From(result.Value!)) : result.Error!.ToProblem();
    }

    private static async Task<Ok<List<DeliveryAttemptView>>> DeliveriesAsync(
        string? user, string? request, int? limit, HttpContext http, NotificationStore store, BranchAccess access, IDeviceStore devices, CancellationToken cancellationToken)
    {
        var attempts = await store.AttemptsAsync(user, request, Math.Clamp(limit ?? 100, 1, 1000), cancellationToken);
        if (await access.AllowedAsync(http.User, cancellationToken) is { } allowed)
        {
            // A manager of some branches sees the deliveries of their branches' requests only.
            var branchOf = (await devices.AllAsync(cancellationToken)).ToDictionary(d => d.Id, d => d.Branch, StringComparer.Ordinal);
            attempts = attempts.Where(a => a.RequestId is { } id && id.LastIndexOf('-') is > 0 and var dash
                && branchOf.TryGetValue(id[..dash], out var branch) && allowed.Contains(branch)).ToList();
        }

        return TypedResults.Ok(attempts.Select(DeliveryAttemptView.From).ToList());
    }

    private static async Task<ChannelsResponse> ViewAsync(string user, NotificationStore store, IEnumerable<IDeliveryChannel> channels, CancellationToken cancellationToken)
    {
        var preference = await store.PreferenceAsync(user, cancellationToken);
        var subscriptions = await store.SubscriptionsAsync(user, cancellationToken);
        var offered = channels.Where(c => c.Enabled).Select(c => c.Name).ToList();
        return new ChannelsResponse(offered, preference.WebPush, subscriptions.Count, preference.NtfyTopic,
            preference.SmsNumber is null ? null : SmsChannel.Mask(preference.SmsNumber), preference.UiLang);
    }

    private static bool IsBase64Url(string s, int bytes)
    {
        try
        {
            return s.Length <= 100 && Base64Url.DecodeFromChars(s).Length == bytes;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>The VAPID public key.</summary>
public sealed record PushKeyResponse(string PublicKey);

/// <summary>A browser PushSubscription as <c>JSON.stringify(subscription)</c> gives it.</summary>
public sealed record PushSubscriptionRequest(string? Endpoint, PushSubscriptionKeys? Keys);

/// <summary>The keys of a PushSubscription.</summary>
public sealed record PushSubscriptionKeys(string? P256dh, string? Auth);

/// <summary>Body of <c>PUT /api/v1/me/channels</c>.</summary>
public sealed record ChannelsRequest(bool? WebPush, string? NtfyTopic, string? SmsNumber, string? UiLang);

/// <summary>The channels the deployment offers (<c>available</c>) and the user's choices.</summary>
public sealed record ChannelsResponse(IReadOnlyList<string> Available, bool WebPush, int PushSubscriptions, string? NtfyTopic, string? SmsNumber, string UiLang);

/// <summary>Body of <c>POST /api/v1/actions/accept</c>.</summary>
public sealed record ActionRequest(string? Token);

/// <summary>A delivery attempt as managers see it.</summary>
public sealed record DeliveryAttemptView(
    long Id, DateTimeOffset At, string User, string Channel, string Kind, string? RequestId, string Target, int Attempt, string Outcome, int? Status, string? Detail, int DurationMs)
{
    public static DeliveryAttemptView From(DeliveryAttempt a) =>
        new(a.Id, a.At, a.UserName, a.Channel, a.Kind, a.RequestId, a.Target, a.Attempt, a.Outcome, a.Status, a.Detail, a.DurationMs);
}
