using HelpPoint.Domain.Devices;
using HelpPoint.Domain.Fleet;
using HelpPoint.Gateway.Alerts;

namespace HelpPoint.Gateway.Devices;

/// <summary>
/// A device as the fleet API shows it (never its secret hash). <c>status</c>: <c>online</c>, <c>silent</c> (says online but no
/// heartbeat lately), <c>offline</c> (last will or clean disconnect) or <c>never-seen</c>.
/// </summary>
public sealed record DeviceView(
    string Id, string Branch, string Kind, bool Online, DateTimeOffset? LastSeen, string? Firmware, long? UptimeS, int? Rssi, long? FreeHeap, int? Queued,
    string Status, long? SilentS, AlertView? Alert)
{
    public static DeviceView From(Device d, DateTimeOffset now, TimeSpan staleAfter, FleetAlert? alert)
    {
        long? silent = d.LastSeen is { } seen ? (long)Math.Max(0, (now - seen).TotalSeconds) : null;
        var status = d.LastSeen is null ? "never-seen" : !d.Online ? "offline" : now - d.LastSeen > staleAfter ? "silent" : "online";
        return new DeviceView(
            d.Id, d.Branch, d.Kind == DeviceKind.Board ? "board" : "helppoint", d.Online, d.LastSeen, d.Firmware, d.UptimeS, d.Rssi, d.FreeHeap, d.Queued,
            status, silent, alert is null ? null : AlertView.From(alert));
    }
}
