using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace HelpPoint.Gateway.Notifications.Channels;

/// <summary>
/// Notification texts in the host's language, from the same files the phone app uses (<c>wwwroot/i18n/{lang}.json</c>, keys
/// <c>push.*</c>, <c>category.*</c>, <c>language.*</c>), so a new UI language needs no gateway change.
/// </summary>
public sealed partial class NotificationTexts
{
    private const string Fallback = "en";
    private readonly string _directory;
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> _languages = new(StringComparer.Ordinal);

    public NotificationTexts()
        : this(Path.Combine(AppContext.BaseDirectory, "wwwroot", "i18n"))
    {
    }

    public NotificationTexts(string directory) => _directory = directory;

    [GeneratedRegex("^[a-z]{2}\\z")]
    private static partial Regex LanguagePattern();

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();

    /// <summary>The text for <paramref name="key"/> in <paramref name="lang"/> (falling back to English, then the key), with <c>{name}</c> filled in.</summary>
    public string Get(string lang, string key, IReadOnlyDictionary<string, string>? values = null)
    {
        var text = Lookup(lang, key) ?? Lookup(Fallback, key) ?? key;
        return values is null ? text : Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);
    }

    /// <summary>Whether the app has a UI file for <paramref name="lang"/>.</summary>
    public bool HasLanguage(string lang) => LanguagePattern().IsMatch(lang) && File.Exists(Path.Combine(_directory, lang + ".json"));

    /// <summary>"3 min", from the visitor's press until now.</summary>
    public string Waited(string lang, DateTimeOffset pressedAt, DateTimeOffset now)
    {
        var minutes = Math.Max(0, (int)Math.Floor((now - pressedAt).TotalMinutes));
        return Get(lang, "push.minutes", new Dictionary<string, string> { ["n"] = minutes.ToString(CultureInfo.InvariantCulture) });
    }

    private string? Lookup(string lang, string key) => Load(lang).TryGetValue(key, out var text) ? text : null;

    private IReadOnlyDictionary<string, string> Load(string lang) => _languages.GetOrAdd(lang, l =>
    {
        var file = Path.Combine(_directory, l + ".json");
        if (!LanguagePattern().IsMatch(l) || !File.Exists(file))
        {
            return new Dictionary<string, string>();
        }

        using var stream = File.OpenRead(file);
        var json = JsonDocument.Parse(stream);
        return json.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String)
            .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
    });
}
