namespace HelpPoint.Simulator.Devices;

/// <summary>The simulator's command line (ASP.NET configuration keys), with defaults that match the gateway's demo mode.</summary>
public sealed record SimulatorSettings(
    string MqttHost,
    int MqttPort,
    string DataPath,
    string Language,
    IReadOnlyList<DeviceSpec> Devices,
    IReadOnlyList<DeviceSpec> Boards)
{
    /// <summary>Where the page is served when <c>--urls</c> is not given: loopback only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5081";

    /// <summary>
    /// Reads <c>Mqtt:Host</c>, <c>Mqtt:Port</c>, <c>Data:Path</c>, <c>Display:Language</c>, <c>Devices</c>
    /// and <c>Boards</c>. Without <c>Devices</c> the gateway's demo help points and its demo ticket display
    /// run; with <c>Devices</c> but without <c>Boards</c>, no ticket display; <c>--Boards=none</c> runs none.
    /// </summary>
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

        string? devices = configuration["Devices"];
        string? boards = configuration["Boards"] ?? (devices == null ? DeviceSpec.DemoBoards : null);
        IReadOnlyList<DeviceSpec> helpPoints = DeviceSpec.ParseList(devices ?? DeviceSpec.DemoDevices);
        IReadOnlyList<DeviceSpec> displays = string.IsNullOrWhiteSpace(boards) || boards == "none" ? [] : DeviceSpec.ParseList(boards, "--Boards");
        if (displays.FirstOrDefault(b => helpPoints.Any(d => d.DeviceId == b.DeviceId)) is { } twice)
        {
            throw new FormatException($"'{twice.DeviceId}' is named in --Devices and in --Boards; a device id belongs to one device");
        }

        return new SimulatorSettings(
            configuration["Mqtt:Host"] ?? "127.0.0.1",
            port,
            configuration["Data:Path"] ?? "./data/simulator",
            language,
            helpPoints,
            displays);
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

    /// <summary>The options for each configured ticket display.</summary>
    public IEnumerable<VirtualTicketBoardOptions> BoardOptions() => Boards.Select(b => new VirtualTicketBoardOptions
    {
        Branch = b.Branch,
        DeviceId = b.DeviceId,
        Secret = b.Secret,
        MqttHost = MqttHost,
        MqttPort = MqttPort,
        Language = Language,
    });
}
