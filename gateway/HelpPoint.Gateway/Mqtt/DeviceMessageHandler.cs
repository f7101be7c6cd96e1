using HelpPoint.Domain.Common;
using HelpPoint.Domain.Devices;
using HelpPoint.Domain.Requests;
using HelpPoint.Gateway.Requests.Engine;
using HelpPoint.Gateway.Storage;

namespace HelpPoint.Gateway.Mqtt;

/// <summary>
/// Ingest: turns one device message into a domain call (broker → ingest → domain → store → replies).
/// Bad input is answered with a <c>rejected</c> ticket where possible, logged with the device id and counted; it never throws.
/// Storage failures do throw, so the broker does not acknowledge the message and the device sends it again.
/// </summary>
public sealed class DeviceMessageHandler(
    BranchEngines requests,
    DeviceService devices,
    GatewayMetrics metrics,
    ILogger<DeviceMessageHandler> logger)
{
    public async Task HandleAsync(DeviceIdentity device, string kind, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        StatementCounter.MarkHotPath();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            await HandleCoreAsync(device, kind, payload, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            metrics.Observe("ingest_" + kind + "_ms", System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private async Task HandleCoreAsync(DeviceIdentity device, string kind, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var message = ProtocolJson.Parse(kind, payload.Span, device.Id);
        metrics.Count("mqtt_messages", kind);
        switch (message)
        {
            case RejectedMessage rejected:
                await RejectAsync(device, kind, rejected.Id, rejected.Reason, cancellationToken).ConfigureAwait(false);
                break;
            case RequestMessage r:
                var submitted = await requests.SubmitAsync(device.Branch, device.Id, r.Id, r.Category, r.Lang, r.AgeMs, cancellationToken).ConfigureAwait(false);
                await RejectOnErrorAsync(device, kind, r.Id, submitted.Error, cancellationToken).ConfigureAwait(false);
                break;
            case CancelMessage c:
                var cancelled = await requests.CancelFromDeviceAsync(device.Branch, device.Id, c.Id, cancellationToken).ConfigureAwait(false);
                if (cancelled.Error is { Kind: ErrorKind.NotFound })
                {
                    await RejectOnErrorAsync(device, kind, c.Id, cancelled.Error, cancellationToken).ConfigureAwait(false);
                }

                break;
            case FeedbackMessage f:
                var feedback = await requests.FeedbackAsync(device.Branch, device.Id, f.Id, f.Score, cancellationToken).ConfigureAwait(false);
                if (feedback.Error is { } error)
                {
                    // Feedback never changes what the visitor sees, so a refusal is only logged and counted.
                    metrics.Count("mqtt_rejected", error.Message);
                    logger.LogInformation("Feedback from {Device} for {Id} not taken: {Reason}", device.Id, f.Id, error.Message);
                }

                break;
            case StatusMessage s:
                var recorded = await devices.RecordStatusAsync(device.Id, new DeviceStatus(s.Online, s.Firmware, s.UptimeS, s.Rssi, s.FreeHeap, s.Queued), cancellationToken).ConfigureAwait(false);
                if (recorded.Error is { } statusError)
                {
                    metrics.Count("mqtt_rejected", statusError.Message);
                    logger.LogWarning("Status from {Device} refused: {Reason}", device.Id, statusError.Message);
                }

                break;
        }
    }

    private Task RejectOnErrorAsync(DeviceIdentity device, string kind, string id, DomainError? error, CancellationToken cancellationToken) =>
        error is null ? Task.CompletedTask : RejectAsync(device, kind, id, error.Message, cancellationToken);

    private async Task RejectAsync(DeviceIdentity device, string kind, string? id, string reason, CancellationToken cancellationToken)
    {
        metrics.Count("mqtt_rejected", reason);
        logger.LogWarning("Rejected {Kind} from device {Device} (id {Id}): {Reason}", kind, device.Id, id ?? "unreadable", reason);
        if (kind is "request" or "cancel")
        {
            await requests.RejectAsync(DeviceTicket.Rejected(device.Branch, device.Id, id, reason), cancellationToken).ConfigureAwait(false);
        }
    }
}
