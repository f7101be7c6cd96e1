using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace HelpPoint.Gateway.Notifications.Channels.Ntfy;

/// <summary>
/// ntfy: the message published as JSON to the host's topic, urgent for offers, with an Accept button that posts a one-time
/// token back to the gateway (when <c>Notifications:PublicUrl</c> says where the gateway is).
/// </summary>
public sealed class NtfyChannel(IHttpClientFactory http, IOptions<NotificationOptions> options) : IDeliveryChannel
{
    public const string ChannelName = "ntfy";

    public string Name => ChannelName;

    public bool Enabled => options.Value.Ntfy.Enabled && !string.IsNullOrWhiteSpace(options.Value.Ntfy.BaseUrl);

    public bool IsFallback => false;

    public bool Handles(string kind) => kind != Domain.Requests.StaffNoticeKinds.OfferWithdrawn;

    public Task<IReadOnlyList<DeliveryTarget>> TargetsAsync(ChannelPreference preference, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DeliveryTarget>>(preference.NtfyTopic is { } topic ? [new DeliveryTarget(topic, topic)] : []);

    public async Task<DeliveryOutcome> SendAsync(DeliveryTarget target, DeliveryMessage message, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var publicUrl = o.PublicUrl?.TrimEnd('/');
        var actions = new List<object>();
        if (publicUrl is not null && message.AcceptToken is { } token)
        {
            actions.Add(new Dictionary<string, object>
            {
                ["action"] = "http",
                ["label"] = message.AcceptLabel,
                ["url"] = publicUrl + "/api/v1/actions/accept",
                ["method"] = "POST",
                ["headers"] = new Dictionary<string, string> { ["Content-Type"] = "application/json", ["X-HelpPoint-Request"] = "1" },
                ["body"] = JsonSerializer.Serialize(new { token }),
                ["clear"] = true,
            });
        }

        var publish = new Dictionary<string, object?>
        {
            ["topic"] = target.Address,
            ["title"] = message.Title,
            ["message"] = message.Body,
            ["priority"] = message.Urgent ? 5 : 4,
            ["tags"] = new[] { message.Kind == Domain.Requests.StaffNoticeKinds.Offer ? "bell" : "warning" },
        };
        if (publicUrl is not null)
        {
            publish["click"] = publicUrl + "/";
        }

        if (actions.Count > 0)
        {
            publish["actions"] = actions;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, o.Ntfy.BaseUrl!.TrimEnd('/') + "/") { Content = JsonContent.Create(publish) };
        if (!string.IsNullOrEmpty(o.Ntfy.Token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", o.Ntfy.Token);
        }

        using var response = await http.CreateClient(DeliveryDispatcher.HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
        var outcome = DeliveryOutcome.FromHttp((int)response.StatusCode, response.IsSuccessStatusCode ? null : await WebPush.WebPushChannel.ShortBodyAsync(response, cancellationToken).ConfigureAwait(false));

        // A missing topic is not "gone" here: ntfy creates topics on publish, so a 404 means a wrong server address.
        return outcome.Result == DeliveryOutcome.Gone ? outcome with { Result = DeliveryOutcome.Failed } : outcome;
    }
}
