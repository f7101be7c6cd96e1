using System.Globalization;

namespace HelpPoint.Benchmarks.Scenarios;

/// <summary>
/// A scenario's arguments: <c>--name value</c> options of its own, and gateway settings (<c>--Data:Provider=postgres</c>, anything with a
/// colon) passed on to the gateway under test.
/// </summary>
public sealed class ScenarioArgs
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);

    public ScenarioArgs(IEnumerable<string> args)
    {
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var arg = list[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unexpected argument '{arg}'");
            }

            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var key = eq > 0 ? arg[2..eq] : arg[2..];
            var value = eq > 0 ? arg[(eq + 1)..] : i + 1 < list.Count ? list[++i] : throw new ArgumentException($"--{key} needs a value");
            if (key.Contains(':', StringComparison.Ordinal))
            {
                GatewaySettings.Add($"--{key}={value}");
            }
            else
            {
                _options[key] = value;
            }
        }
    }

    public List<string> GatewaySettings { get; } = [];

    public int Int(string name, int fallback) =>
        _options.TryGetValue(name, out var text) ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) : fallback;

    public string? Text(string name) => _options.GetValueOrDefault(name);
}
