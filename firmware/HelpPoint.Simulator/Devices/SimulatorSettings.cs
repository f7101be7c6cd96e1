namespace HelpPoint.Simulator.Devices;

/// <summary>The simulator's command line (ASP.NET configuration keys), with defaults that match the gateway's demo mode.</summary>
public sealed record SimulatorSettings(
    string MqttHost,
    int MqttPort,
    string DataPath,
    string Language,
    IReadOnlyList<DeviceSpec> Devices)
{
    /// <summary>Where the page is served when <c>--urls</c> is not given: loopback only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5081";

    /// <summary>Reads <c>Mqtt:Host</c>, <c>Mqtt:Port</c>, <c>Data:Path</c>, <c>Display:Language</c> and <c>Devices</c>.</summary>
    /// <exception cref="FormatException">A value is malformed; the message names it.</exception>
    public static SimulatorSettings From(IConfiguration configuration)
    {
        string portText = configuration["Mqtt:Port"] ?? "1883";
        if (!int.TryParse(portText, out int port) || port is < 1 or > 65535)
        {
            throw new FormatException($"--Mqtt:Port={portText} is not a TCP port");
        }

        string language = configuration["Display:Language"] ?? "sv";
        if (!HelpPoint.Core.Languages.IsValidCode(language))
        {
            throw new FormatException($"--Display:Language={language}: a two-letter language code such as sv, en or ar");
        }

        return new SimulatorSettings(
            configuration["Mqtt:Host"] ?? "127.0.0.1",
            port,
            configuration["Data:Path"] ?? "./data/simulator",
            language,
            DeviceSpec.ParseList(configuration["Devices"] ?? DeviceSpec.DemoDevices));
    }

    /// <summary>The options for each configured device.</summary>
    public IEnumerable<VirtualHelpPointOptions> DeviceOptions() => Devices.Select(d => new VirtualHelpPointOptions
    {
        Branch = d.Branch,
        DeviceId = d.DeviceId,
        Secret = d.Secret,
        MqttHost = MqttHost,
        MqttPort = MqttPort,
        DataPath = DataPath,
        Language = Language,
    });
}
