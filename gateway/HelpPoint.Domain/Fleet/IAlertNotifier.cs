namespace HelpPoint.Domain.Fleet;

/// <summary>Tells the branch's managers about alerts; the gateway fans out to its delivery channels.</summary>
public interface IAlertNotifier
{
    ValueTask RaisedAsync(FleetAlert alert, CancellationToken cancellationToken = default);

    ValueTask ClearedAsync(FleetAlert alert, CancellationToken cancellationToken = default);
}
