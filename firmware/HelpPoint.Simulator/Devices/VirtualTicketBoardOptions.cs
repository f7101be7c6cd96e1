namespace HelpPoint.Simulator.Devices;

/// <summary>Who a <see cref="VirtualTicketBoard"/> is and which broker it talks to. Defaults match the gateway's demo mode.</summary>
public sealed class VirtualTicketBoardOptions
{
    /// <summary>The branch whose queue the board shows, <c>[a-z0-9-]{1,32}</c>.</summary>
    public string Branch { get; set; } = "demo";

    /// <summary>The board's device id, <c>[a-z0-9-]{1,32}</c>; also the MQTT user name and client id.</summary>
    public string DeviceId { get; set; } = "demo-board";

    /// <summary>The board's secret (the MQTT password).</summary>
    public string Secret { get; set; } = "demo-secret";

    /// <summary>The broker's host.</summary>
    public string MqttHost { get; set; } = "127.0.0.1";

    /// <summary>The broker's TCP port.</summary>
    public int MqttPort { get; set; } = 1883;

    /// <summary>The language of the board's headings (any code of the board's phrase resource).</summary>
    public string Language { get; set; } = "sv";

    /// <summary>Reported in the status heartbeat.</summary>
    public string FirmwareVersion { get; set; } = "1.0.0";

    /// <summary>How often the board's app loop ticks.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long connect, publish and subscribe may take.</summary>
    public TimeSpan MqttTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
