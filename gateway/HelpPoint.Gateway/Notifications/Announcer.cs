using HelpPoint.Domain.Requests;
using HelpPoint.Gateway.Mqtt;
using HelpPoint.Gateway.Notifications.Channels;
using HelpPoint.Gateway.Requests;

namespace HelpPoint.Gateway.Notifications;

/// <summary>Delivers the domain's announcements: tickets and boards over MQTT (retained), request changes to staff live views.</summary>
public sealed class Announcer(IMqttPublisher mqtt, StaffEventBus events, DeliveryDispatcher delivery, ILogger<Announcer> logger) : IAnnouncer
{
    public async ValueTask TicketAsync(DeviceTicket ticket, CancellationToken cancellationToken = default)
    {
        if (!mqtt.IsReady)
        {
            // The change is stored; the device gets its state when the broker is back (startup re-announces every device).
            logger.LogWarning("Broker not ready; ticket for {Device} not sent now", ticket.Device);
            return;
        }

        await mqtt.PublishAsync(Topics.Ticket(ticket.Branch, ticket.Device), ProtocolJson.Encode(ticket), retain: true, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask BoardAsync(string branch, BoardView board, CancellationToken cancellationToken = default)
    {
        await events.PublishAsync("board", branch, board, null, cancellationToken).ConfigureAwait(false);
        if (mqtt.IsReady)
        {
            await mqtt.PublishAsync(Topics.Board(branch), ProtocolJson.Encode(board), retain: true, cancellationToken).ConfigureAwait(false);
        }
    }

    public ValueTask RequestChangedAsync(HelpRequest request, CancellationToken cancellationToken = default) =>
        events.PublishAsync("request", request.Branch, QueueItem.From(request), null, cancellationToken);

    public ValueTask StaffNoticeAsync(StaffNotice notice, CancellationToken cancellationToken = default)
    {
        // Phones that are not looking (app closed, screen off) are reached through the delivery channels, in the background.
        delivery.Enqueue(notice);
        var view = new StaffNoticeView(notice.Kind, notice.Request is null ? null : QueueItem.From(notice.Request), notice.Device, notice.Detail);
        return events.PublishAsync(notice.Kind, notice.Branch, view, notice.Users, cancellationToken);
    }
}

/// <summary>What a live view receives for a staff notice; <c>device</c> and <c>detail</c> only for notices about a device.</summary>
public sealed record StaffNoticeView(
    string Kind,
    QueueItem? Request,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Device = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Detail = null);
