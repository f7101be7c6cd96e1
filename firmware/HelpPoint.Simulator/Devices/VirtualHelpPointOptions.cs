namespace HelpPoint.Simulator.Devices;

/// <summary>Who a <see cref="VirtualHelpPoint"/> is and which broker it talks to. Defaults match the gateway's demo mode.</summary>
public sealed class VirtualHelpPointOptions
{
    /// <summary>The branch, <c>[a-z0-9-]{1,32}</c>.</summary>
    public string Branch { get; set; } = "demo";

    /// <summary>The device id, <c>[a-z0-9-]{1,32}</c>; also the MQTT user name and client id.</summary>
    public string DeviceId { get; set; } = "demo-hp-1";

    /// <summary>The device's secret (the MQTT password).</summary>
    public string Secret { get; set; } = "demo-secret";

    /// <summary>The broker's host.</summary>
    public string MqttHost { get; set; } = "127.0.0.1";

    /// <summary>The broker's TCP port.</summary>
    public int MqttPort { get; set; } = 1883;

    /// <summary>The simulator's data folder; the device keeps its "flash" in <c>{DataPath}/{DeviceId}/</c>.</summary>
    public string DataPath { get; set; } = "./data/simulator";

    /// <summary>The display's default language when the visitor picked none (any code of the phrase resource; text lines fall back to sv).</summary>
    public string Language { get; set; } = "sv";

    /// <summary>Reported in the status heartbeat.</summary>
    public string FirmwareVersion { get; set; } = "1.0.0";

    /// <summary>How often the device's app loop ticks.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long done/cancelled/expired/unstaffed/rejected stay on screen before idle returns.</summary>
    public TimeSpan EndStateScreenTime { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Period of the retained status heartbeat.</summary>
    public TimeSpan StatusInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Silent mode: the buzzer never sounds (the LED still signals).</summary>
    public bool Silent { get; set; }

    /// <summary>How long connect, publish (until PUBACK) and subscribe may take.</summary>
    public TimeSpan MqttTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A request sent but still without a ticket is sent again after this long (the firmware's default is 30 s).</summary>
    public TimeSpan ResendAfter { get; set; } = TimeSpan.FromSeconds(30);
}
