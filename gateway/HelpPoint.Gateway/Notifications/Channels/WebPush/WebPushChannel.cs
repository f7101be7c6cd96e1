using System.Buffers.Text;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace HelpPoint.Gateway.Notifications.Channels.WebPush;

/// <summary>
/// Web Push: the message, encrypted for each of the host's subscribed browsers (RFC 8291), posted to the browser's push
/// service with a VAPID signature (RFC 8292). A subscription the push service no longer knows (404, 410) is removed.
/// </summary>
public sealed class WebPushChannel(
    IHttpClientFactory http, NotificationStore store, NotificationKeys keys, PushEndpointGuard guard, IOptions<NotificationOptions> options, TimeProvider time)
    : IDeliveryChannel
{
    public const string ChannelName = "webpush";

    public string Name => ChannelName;

    public bool Enabled => options.Value.WebPush.Enabled;

    public bool IsFallback => false;

    public bool Handles(string kind) => true;

    public async Task<IReadOnlyList<DeliveryTarget>> TargetsAsync(ChannelPreference preference, CancellationToken cancellationToken)
    {
        if (!preference.WebPush)
        {
            return [];
        }

        var subscriptions = await store.SubscriptionsAsync(preference.UserName, cancellationToken).ConfigureAwait(false);
        return subscriptions.Select(s => new DeliveryTarget(s.Endpoint, new Uri(s.Endpoint).Authority, s)).ToList();
    }

    public async Task<DeliveryOutcome> SendAsync(DeliveryTarget target, DeliveryMessage message, CancellationToken cancellationToken)
    {
        var subscription = (PushSubscription)target.State!;
        if (!Uri.TryCreate(subscription.Endpoint, UriKind.Absolute, out var endpoint))
        {
            return new DeliveryOutcome(DeliveryOutcome.Failed, null, "endpoint is not a URL", false);
        }

        // Checked again now (stored before the rule, or its name resolves elsewhere since); the client checks once more as it connects.
        if (await guard.ProblemAsync(endpoint, cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return new DeliveryOutcome(DeliveryOutcome.Failed, null, refused, false);
        }

        var payload = JsonSerializer.SerializeToUtf8Bytes(PushPayload.From(message), JsonSerializerOptions.Web);
        byte[] body;
        try
        {
            body = WebPushEncryption.Encrypt(payload, Base64Url.DecodeFromChars(subscription.P256dh), Base64Url.DecodeFromChars(subscription.Auth));
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or CryptographicException)
        {
            // Keys that cannot be used never will be: drop the subscription, the browser subscribes again when the app opens.
            await store.UnsubscribeAsync(subscription.Endpoint, null, cancellationToken).ConfigureAwait(false);
            return new DeliveryOutcome(DeliveryOutcome.Gone, null, "unusable subscription keys: " + ex.Message, false);
        }

        var vapid = await keys.VapidAsync(cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Content.Headers.ContentEncoding.Add("aes128gcm");
        request.Headers.TryAddWithoutValidation("TTL", message.TtlSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("Urgency", message.Urgent ? "high" : "normal");
        request.Headers.TryAddWithoutValidation("Topic", TopicOf(message.Tag));
        request.Headers.TryAddWithoutValidation("Authorization", VapidAuthorization.For(subscription.Endpoint, vapid, options.Value.WebPush.Subject, time.GetUtcNow()));

        using var response = await http.CreateClient(PushEndpointGuard.HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
        var outcome = DeliveryOutcome.FromHttp((int)response.StatusCode, response.IsSuccessStatusCode ? null : await ShortBodyAsync(response, cancellationToken).ConfigureAwait(false));
        if (outcome.Result == DeliveryOutcome.Gone)
        {
            await store.UnsubscribeAsync(subscription.Endpoint, null, cancellationToken).ConfigureAwait(false);
        }
        else if (outcome.Succeeded)
        {
            await store.MarkSentAsync(subscription.Id, cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }

    /// <summary>RFC 8030 Topic: at most 32 URL-safe characters; a later message with the same topic replaces an undelivered one.</summary>
    public static string TopicOf(string tag) => Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(tag)))[..32];

    internal static async Task<string> ShortBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return text.Length > 200 ? text[..200] : text;
    }
}
