using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Devices;
using HelpPoint.Domain.Requests;
using HelpPoint.Gateway.Requests.Engine;

namespace HelpPoint.Gateway.Mqtt;

/// <summary>
/// Gives every device its retained state again: its configuration and current ticket, and every board its queue.
/// Needed whenever a broker may have lost its retained messages: at gateway start (the embedded broker keeps them in
/// memory) and when an external broker comes back without the gateway's session.
/// </summary>
public sealed class DeviceStateRepublisher(IBranchStore branches, IDeviceStore devices, IMqttPublisher mqtt, BranchEngines requests, ILogger<DeviceStateRepublisher> logger)
{
    public async Task RepublishAsync(CancellationToken cancellationToken)
    {
        var byId = (await branches.AllAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(b => b.Id, StringComparer.Ordinal);
        foreach (var device in await devices.AllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (byId.TryGetValue(device.Branch, out var branch))
            {
                await mqtt.PublishAsync(Topics.Config(device.Branch, device.Id), ProtocolJson.EncodeConfig(branch.Languages, Categories.All), retain: true, cancellationToken).ConfigureAwait(false);
            }
        }

        await requests.ResumeAsync(cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Devices have their configuration and current tickets again");
    }
}
