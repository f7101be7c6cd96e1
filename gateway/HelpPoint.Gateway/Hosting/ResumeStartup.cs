using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Devices;
using HelpPoint.Domain.Requests;
using HelpPoint.Gateway.Demo;
using HelpPoint.Gateway.Mqtt;
using HelpPoint.Gateway.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace HelpPoint.Gateway.Hosting;

/// <summary>
/// Runs after the broker started: gives every help point its configuration and current ticket, and every board its queue,
/// so devices and the gateway agree again after a restart.
/// </summary>
public sealed class ResumeStartup(
    IBranchStore branches,
    IDeviceStore devices,
    IMqttPublisher mqtt,
    RequestService requests,
    IConfiguration configuration,
    IOptions<MqttOptions> mqttOptions,
    IServiceProvider services,
    IHostApplicationLifetime lifetime,
    ILogger<ResumeStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var byId = (await branches.AllAsync(cancellationToken)).ToDictionary(b => b.Id, StringComparer.Ordinal);
        foreach (var device in await devices.AllAsync(cancellationToken))
        {
            if (byId.TryGetValue(device.Branch, out var branch))
            {
                await mqtt.PublishAsync(Topics.Config(device.Branch, device.Id), ProtocolJson.EncodeConfig(branch.Languages, Categories.All), retain: true, cancellationToken);
            }
        }

        await requests.ResumeAsync(cancellationToken);
        logger.LogInformation("Resumed: devices have their configuration and current tickets");

        if (configuration.GetValue<bool>("Demo"))
        {
            lifetime.ApplicationStarted.Register(() =>
            {
                var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
                Console.WriteLine(DemoSeeder.Banner(addresses is null ? "(see --urls)" : string.Join(", ", addresses), mqttOptions.Value.Port));
            });
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
