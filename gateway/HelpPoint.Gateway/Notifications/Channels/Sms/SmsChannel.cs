using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace HelpPoint.Gateway.Notifications.Channels.Sms;

/// <summary>
/// SMS through an HTTP SMS API in the style of 46elks (form fields <c>from</c>, <c>to</c>, <c>message</c>, basic auth). A
/// fallback: sent only when no other channel reached the host, and only for offers and escalations.
/// </summary>
public sealed class SmsChannel(IHttpClientFactory http, IOptions<NotificationOptions> options) : IDeliveryChannel
{
    public const string ChannelName = "sms";

    public string Name => ChannelName;

    public bool Enabled => options.Value.Sms.Enabled && !string.IsNullOrWhiteSpace(options.Value.Sms.Url);

    public bool IsFallback => true;

    public bool Handles(string kind) =>
        kind is Domain.Requests.StaffNoticeKinds.Offer or Domain.Requests.StaffNoticeKinds.Escalation or Domain.Requests.StaffNoticeKinds.EscalationRepeat
            or Domain.Requests.StaffNoticeKinds.FleetAlert;

    public Task<IReadOnlyList<DeliveryTarget>> TargetsAsync(ChannelPreference preference, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DeliveryTarget>>(preference.SmsNumber is { } number ? [new DeliveryTarget(number, Mask(number))] : []);

    public async Task<DeliveryOutcome> SendAsync(DeliveryTarget target, DeliveryMessage message, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var text = message.Title + "\n" + message.Body + (o.PublicUrl is { } url ? "\n" + url.TrimEnd('/') + "/" : "");
        using var request = new HttpRequestMessage(HttpMethod.Post, o.Sms.Url)
        {
            Content = new FormUrlEncodedContent([new("from", o.Sms.From), new("to", target.Address), new("message", text)]),
        };
        if (o.Sms.Username is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{o.Sms.Username}:{o.Sms.Password}")));
        }

        using var response = await http.CreateClient(DeliveryDispatcher.HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
        var outcome = DeliveryOutcome.FromHttp((int)response.StatusCode, response.IsSuccessStatusCode ? null : await WebPush.WebPushChannel.ShortBodyAsync(response, cancellationToken).ConfigureAwait(false));
        return outcome.Result == DeliveryOutcome.Gone ? outcome with { Result = DeliveryOutcome.Failed } : outcome;
    }

    /// <summary>"+4670•••••67": enough for a manager to recognise, not to copy.</summary>
    public static string Mask(string number) => number.Length <= 6 ? "•••" : number[..5] + new string('•', number.Length - 7) + number[^2..];
}
