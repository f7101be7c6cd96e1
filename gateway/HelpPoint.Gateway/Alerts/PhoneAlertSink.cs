using HelpPoint.Domain.Requests;
using HelpPoint.Gateway.Notifications.Channels;

namespace HelpPoint.Gateway.Alerts;

/// <summary>
/// Sends a raised alert to the branch's managers on the phone app's channels (Web Push, ntfy, SMS as fallback), each as the
/// manager has set them up in the app, with the same recording and retries as offers. Clearing is shown on the dashboard only.
/// </summary>
public sealed class PhoneAlertSink(DeliveryDispatcher dispatcher) : IAlertSink
{
    public string Name => "phone";

    public Task DeliverAsync(AlertNotice notice, CancellationToken cancellationToken)
    {
        if (!notice.Cleared && notice.Recipients.Count > 0)
        {
            var a = notice.Alert;
            dispatcher.Enqueue(new StaffNotice(StaffNoticeKinds.FleetAlert, a.Branch, [.. notice.Recipients.Select(r => r.UserName)], null, a.Device, a.Message));
        }

        return Task.CompletedTask;
    }
}
