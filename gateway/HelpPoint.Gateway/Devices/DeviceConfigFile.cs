namespace HelpPoint.Gateway.Devices;

/// <summary>
/// A device's <c>config.json</c> for its internal flash, in the form the firmware reads (<c>HelpPoint.Core.DeviceConfig</c>):
/// <c>{"wifi":{"ssid","password"},"mqtt":{"host","port","tls"},"device","secret","branch","language","silent"}</c>.
/// </summary>
public sealed record DeviceConfigFile(DeviceConfigFile.WifiSection Wifi, DeviceConfigFile.MqttSection Mqtt, string Device, string Secret, string Branch, string Language, bool Silent)
{
    /// <summary>Stands in for Wi-Fi settings the gateway does not know; the device's setup screen names the field until it is edited.</summary>
    public const string Placeholder = "CHANGE-ME";

    /// <summary>The display languages the firmware has texts for; any other branch language starts the display in Swedish.</summary>
    private static readonly string[] ScreenLanguages = ["sv", "en"];

    public static DeviceConfigFile For(string device, string secret, string branch, string branchLanguage, string brokerHost, int brokerPort, bool tls, string ssid, string password) =>
        new(new WifiSection(ssid, password), new MqttSection(brokerHost, brokerPort, tls), device, secret, branch,
            ScreenLanguages.Contains(branchLanguage) ? branchLanguage : "sv", false);

    /// <summary>Wi-Fi network.</summary>
    public sealed record WifiSection(string Ssid, string Password);

    /// <summary>Broker address.</summary>
    public sealed record MqttSection(string Host, int Port, bool Tls);
}
