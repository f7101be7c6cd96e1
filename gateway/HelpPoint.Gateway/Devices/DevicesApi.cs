using HelpPoint.Domain.Devices;
using HelpPoint.Gateway.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HelpPoint.Gateway.Devices;

/// <summary>The fleet: <c>GET /api/v1/devices</c>.</summary>
public static class DevicesApi
{
    public static RouteGroupBuilder MapDevicesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/devices", FleetAsync).RequireAuthorization(Policies.Managers).WithSummary("Every device with its last reported health");
        return api;
    }

    private static async Task<Ok<List<DeviceView>>> FleetAsync(DeviceService devices, CancellationToken cancellationToken) =>
        TypedResults.Ok((await devices.FleetAsync(cancellationToken)).Select(DeviceView.From).ToList());
}

/// <summary>A device as the fleet API shows it (never its secret hash).</summary>
public sealed record DeviceView(
    string Id, string Branch, string Kind, bool Online, DateTimeOffset? LastSeen, string? Firmware, long? UptimeS, int? Rssi, long? FreeHeap, int? Queued)
{
    public static DeviceView From(Device d) => new(
        d.Id, d.Branch, d.Kind == DeviceKind.Board ? "board" : "helppoint", d.Online, d.LastSeen, d.Firmware, d.UptimeS, d.Rssi, d.FreeHeap, d.Queued);
}
