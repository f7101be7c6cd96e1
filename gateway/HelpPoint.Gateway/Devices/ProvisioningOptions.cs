namespace HelpPoint.Gateway.Devices;

/// <summary>What goes into a device's config file besides its identity (configuration section <c>Provisioning</c>).</summary>
public sealed class ProvisioningOptions
{
    public const string Section = "Provisioning";

    /// <summary>Broker host name or address devices connect to. Default: the host name the admin used to reach the gateway.</summary>
    public string? BrokerHost { get; set; }

    /// <summary>Broker port devices connect to. Default: <c>Mqtt:Port</c>.</summary>
    public int? BrokerPort { get; set; }

    /// <summary>Whether devices connect with TLS (e.g. through a TLS-terminating proxy). Default false.</summary>
    public bool BrokerTls { get; set; }

    /// <summary>Wi-Fi name written into config files unless the admin gives one. Default a placeholder to edit.</summary>
    public string WifiSsid { get; set; } = DeviceConfigFile.Placeholder;

    /// <summary>Wi-Fi password written into config files unless the admin gives one. Default a placeholder to edit.</summary>
    public string WifiPassword { get; set; } = DeviceConfigFile.Placeholder;
}
