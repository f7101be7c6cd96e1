using HelpPoint.Core;

namespace HelpPoint.Simulator.Devices;

/// <summary>One entry of <c>--Devices</c>: <c>branch/device:secret</c>.</summary>
public sealed record DeviceSpec(string Branch, string DeviceId, string Secret)
{
    /// <summary>The gateway's demo devices; used when <c>--Devices</c> is not given.</summary>
    public const string DemoDevices = "demo/demo-hp-1:demo-secret,demo/demo-hp-2:demo-secret";

    /// <summary>The gateway's demo ticket display; used when neither <c>--Devices</c> nor <c>--Boards</c> is given.</summary>
    public const string DemoBoards = "demo/demo-board:demo-secret";

    /// <summary>Parses a comma-separated list.</summary>
    /// <exception cref="FormatException">An entry is malformed or a device id repeats; the message says which.</exception>
    public static IReadOnlyList<DeviceSpec> ParseList(string text) => ParseList(text, "--Devices");

    /// <summary>Parses a comma-separated list; messages name <paramref name="option"/>.</summary>
    /// <exception cref="FormatException">An entry is malformed or a device id repeats; the message says which.</exception>
    public static IReadOnlyList<DeviceSpec> ParseList(string text, string option)
    {
        var specs = new List<DeviceSpec>();
        foreach (string raw in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int slash = raw.IndexOf('/');
            int colon = raw.IndexOf(':');
            if (slash <= 0 || colon <= slash + 1 || colon == raw.Length - 1)
            {
                throw new FormatException($"{option} entry '{raw}' is not branch/device:secret");
            }

            var spec = new DeviceSpec(raw[..slash], raw[(slash + 1)..colon], raw[(colon + 1)..]);
            if (!Topics.IsValidName(spec.Branch) || !Topics.IsValidName(spec.DeviceId))
            {
                throw new FormatException($"{option} entry '{raw}': branch and device must match [a-z0-9-]{{1,32}}");
            }

            if (specs.Exists(s => s.DeviceId == spec.DeviceId))
            {
                throw new FormatException($"{option} names device '{spec.DeviceId}' twice");
            }

            specs.Add(spec);
        }

        if (specs.Count == 0)
        {
            throw new FormatException($"{option} names no device");
        }

        return specs;
    }

    /// <summary>Hides the secret, so the spec can be logged.</summary>
    public override string ToString() => $"{Branch}/{DeviceId}";
}
