using HelpPoint.Gateway.Demo;
using HelpPoint.Gateway.Mqtt;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace HelpPoint.Gateway.Hosting;

/// <summary>
/// Runs after the broker started: gives every help point its configuration and current ticket, and every board its queue,
/// so devices and the gateway agree again after a restart.
/// </summary>
public sealed class ResumeStartup(
    DeviceStateRepublisher republisher,
    IConfiguration configuration,
    IOptions<MqttOptions> mqttOptions,
    IServiceProvider services,
    IHostApplicationLifetime lifetime) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await republisher.RepublishAsync(cancellationToken);

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
