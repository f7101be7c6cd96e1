using HelpPoint.Domain.Fleet;
using HelpPoint.Gateway.Storage;

namespace HelpPoint.Gateway.Alerts;

/// <summary>Delivers the domain's alerts to every <see cref="IAlertSink"/>; one failing channel never keeps the others from delivering.</summary>
public sealed class AlertDispatcher(IEnumerable<IAlertSink> sinks, EfContactStore contacts, ILogger<AlertDispatcher> logger) : IAlertNotifier
{
    public ValueTask RaisedAsync(FleetAlert alert, CancellationToken cancellationToken = default) => DispatchAsync(alert, false, cancellationToken);

    public ValueTask ClearedAsync(FleetAlert alert, CancellationToken cancellationToken = default) => DispatchAsync(alert, true, cancellationToken);

    private async ValueTask DispatchAsync(FleetAlert alert, bool cleared, CancellationToken cancellationToken)
    {
        var notice = new AlertNotice(alert, cleared, await contacts.ManagersOfAsync(alert.Branch, cancellationToken).ConfigureAwait(false));
        foreach (var sink in sinks)
        {
            try
            {
                await sink.DeliverAsync(notice, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Alert {Id} could not be delivered by {Sink}", alert.Id, sink.Name);
            }
        }
    }
}
