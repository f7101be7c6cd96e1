using HelpPoint.Domain.Common;

namespace HelpPoint.Gateway.Mqtt;

/// <summary>Protocol v1 topic names and the rules of who may publish and subscribe where.</summary>
public static class Topics
{
    public const string Root = "helppoint/v1";

    /// <summary>Kinds a help point may publish on its own topics.</summary>
    public static readonly IReadOnlySet<string> HelpPointPublishKinds = new HashSet<string>(StringComparer.Ordinal) { "request", "cancel", "feedback", "status" };

    /// <summary>Kinds a ticket display may publish on its own topics.</summary>
    public static readonly IReadOnlySet<string> BoardPublishKinds = new HashSet<string>(StringComparer.Ordinal) { "status" };

    public static string Ticket(string branch, string device) => $"{Root}/{branch}/{device}/ticket";

    public static string Config(string branch, string device) => $"{Root}/{branch}/{device}/config";

    public static string Board(string branch) => $"{Root}/{branch}/board";

    /// <summary>Splits <c>helppoint/v1/{branch}/{device}/{kind}</c>; false for anything else.</summary>
    public static bool TryParseDeviceTopic(string topic, out string branch, out string device, out string kind)
    {
        branch = device = kind = "";
        var parts = topic.Split('/');
        if (parts.Length != 5 || parts[0] != "helppoint" || parts[1] != "v1" || !Identifiers.IsValidSlug(parts[2]) || !Identifiers.IsValidSlug(parts[3]))
        {
            return false;
        }

        (branch, device, kind) = (parts[2], parts[3], parts[4]);
        return true;
    }

    /// <summary>May this device publish to <paramref name="topic"/>? Only to its own input topics.</summary>
    public static bool MayPublish(DeviceIdentity device, string topic, out string kind)
    {
        kind = "";
        if (!TryParseDeviceTopic(topic, out var branch, out var id, out kind))
        {
            return false;
        }

        var allowed = device.IsBoard ? BoardPublishKinds : HelpPointPublishKinds;
        return branch == device.Branch && id == device.Id && allowed.Contains(kind);
    }

    /// <summary>May this device subscribe to <paramref name="filter"/>? Only its own ticket and config, and its branch's board; no wildcards.</summary>
    public static bool MaySubscribe(DeviceIdentity device, string filter) =>
        filter == Board(device.Branch)
        || filter == Ticket(device.Branch, device.Id) || filter == Config(device.Branch, device.Id);
}

/// <summary>An authenticated device connection: which device, of which branch, and what kind.</summary>
public sealed record DeviceIdentity(string Id, string Branch, bool IsBoard);
