using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using HelpPoint.Domain.Common;
using HelpPoint.Domain.Requests;

namespace HelpPoint.Gateway.Mqtt;

/// <summary>
/// Protocol v1 payloads: strict parsing of what devices send (every failure named with the contract's reason),
/// and compact encoding of what the gateway sends, fields in the contract's order.
/// </summary>
public static partial class ProtocolJson
{
    public const int MaxPayloadBytes = 1024;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [GeneratedRegex("\"id\"\\s*:\\s*\"([a-z0-9-]{1,48})\"")]
    private static partial Regex LenientId();

    /// <summary>Parses a device message of <paramref name="kind"/> (request, cancel, feedback, status) sent by <paramref name="device"/>.</summary>
    public static DeviceMessage Parse(string kind, ReadOnlySpan<byte> payload, string device)
    {
        if (payload.Length > MaxPayloadBytes)
        {
            return new RejectedMessage(ReadIdLeniently(payload[..Math.Min(payload.Length, 4 * MaxPayloadBytes)]), "payload too large");
        }

        // The JSON reader checks UTF-8 inside strings only when they are read; check it all up front.
        if (!System.Text.Unicode.Utf8.IsValid(payload))
        {
            return new RejectedMessage(null, "malformed JSON");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload.ToArray(), new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException)
        {
            return new RejectedMessage(ReadIdLeniently(payload), "malformed JSON");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new RejectedMessage(null, "malformed JSON");
            }

            try
            {
                return kind switch
                {
                    "request" => ParseRequest(root, device),
                    "cancel" => ParseId(root, device, out var id, out var rejected) ? new CancelMessage(id!) : rejected!,
                    "feedback" => ParseFeedback(root, device),
                    "status" => ParseStatus(root),
                    _ => new RejectedMessage(null, "unknown topic"),
                };
            }
            catch (InvalidOperationException)
            {
                // Valid JSON whose string escapes are not valid UTF-16 (a lone surrogate such as \ud800) cannot be read.
                return new RejectedMessage(ReadIdLeniently(payload), "malformed JSON");
            }
        }
    }

    private static DeviceMessage ParseRequest(JsonElement root, string device)
    {
        if (!ParseId(root, device, out var id, out var rejected))
        {
            return rejected!;
        }

        if (!root.TryGetProperty("category", out var c) || c.ValueKind != JsonValueKind.String || !Categories.IsKnown(c.GetString()))
        {
            return new RejectedMessage(id, "unknown category");
        }

        string? lang = null;
        if (root.TryGetProperty("lang", out var l) && l.ValueKind != JsonValueKind.Null)
        {
            if (l.ValueKind != JsonValueKind.String || !Identifiers.IsValidLanguage(l.GetString()))
            {
                return new RejectedMessage(id, "invalid lang");
            }

            lang = l.GetString();
        }

        long ageMs = 0;
        if (root.TryGetProperty("ageMs", out var a))
        {
            if (a.ValueKind != JsonValueKind.Number || !a.TryGetInt64(out ageMs) || ageMs < 0 || ageMs > HelpPoint.Domain.Queue.BranchQueue.MaxAgeMs)
            {
                return new RejectedMessage(id, "invalid ageMs");
            }
        }

        return new RequestMessage(id!, c.GetString()!, lang, ageMs);
    }

    private static DeviceMessage ParseFeedback(JsonElement root, string device)
    {
        if (!ParseId(root, device, out var id, out var rejected))
        {
            return rejected!;
        }

        if (!root.TryGetProperty("score", out var s) || s.ValueKind != JsonValueKind.Number || !s.TryGetInt32(out var score) || score is < 1 or > 3)
        {
            return new RejectedMessage(id, "invalid score");
        }

        return new FeedbackMessage(id!, score);
    }

    private static DeviceMessage ParseStatus(JsonElement root)
    {
        if (!root.TryGetProperty("online", out var online) || online.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return new RejectedMessage(null, "invalid status");
        }

        try
        {
            return new StatusMessage(
                online.GetBoolean(),
                OptionalString(root, "fw", 32),
                OptionalNumber(root, "uptimeS"),
                (int?)OptionalNumber(root, "rssi"),
                OptionalNumber(root, "freeHeap"),
                (int?)OptionalNumber(root, "queued"));
        }
        catch (FormatException)
        {
            return new RejectedMessage(null, "invalid status");
        }
    }

    private static bool ParseId(JsonElement root, string device, out string? id, out RejectedMessage? rejected)
    {
        id = null;
        rejected = null;
        if (!root.TryGetProperty("id", out var idElement) || idElement.ValueKind != JsonValueKind.String || idElement.GetString() is not { Length: > 0 } value)
        {
            rejected = new RejectedMessage(null, "missing id");
            return false;
        }

        if (value.Length > 64)
        {
            rejected = new RejectedMessage(null, "invalid id");
            return false;
        }

        // One spelling per sequence number: "-1" and "-000001" are one request (protocol: the id is the device and a number).
        if (Identifiers.CanonicalRequestId(value, device) is not { } canonical)
        {
            id = value;
            rejected = new RejectedMessage(value, Identifiers.LooksLikeRequestId(value) ? "id does not belong to this device" : "invalid id");
            return false;
        }

        id = canonical;
        return true;
    }

    private static string? OptionalString(JsonElement root, string name, int maxLength)
    {
        if (!root.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return e.ValueKind == JsonValueKind.String && e.GetString() is { } s && s.Length <= maxLength ? s : throw new FormatException(name);
    }

    private static long? OptionalNumber(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var v) && v is >= int.MinValue and <= uint.MaxValue ? v : throw new FormatException(name);
    }

    /// <summary>Finds a request id in a payload that is not valid JSON, so the device can still be told which request failed.</summary>
    public static string? ReadIdLeniently(ReadOnlySpan<byte> payload)
    {
        var text = Encoding.UTF8.GetString(payload);
        var match = LenientId().Match(text);
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>The ticket message: <c>{"id","ticket","state","position","waitS","host"[,"reason"]}</c>.</summary>
    public static byte[] Encode(DeviceTicket ticket)
    {
        var buffer = new ArrayBufferWriter<byte>(160);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            WriteStringOrNull(w, "id", ticket.Id);
            WriteStringOrNull(w, "ticket", ticket.Ticket);
            w.WriteString("state", ticket.State);
            WriteNumberOrNull(w, "position", ticket.Position);
            WriteNumberOrNull(w, "waitS", ticket.WaitS);
            WriteStringOrNull(w, "host", ticket.Host);
            if (ticket.Reason is not null)
            {
                w.WriteString("reason", ticket.Reason);
            }

            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The board message: <c>{"staffed","serving":[{"ticket","host"}],"waiting":[…],"waitS"}</c>.</summary>
    public static byte[] Encode(BoardView board)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteBoolean("staffed", board.Staffed);
            w.WriteStartArray("serving");
            foreach (var s in board.Serving)
            {
                w.WriteStartObject();
                w.WriteString("ticket", s.Ticket);
                w.WriteString("host", s.Host);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("waiting");
            foreach (var t in board.Waiting)
            {
                w.WriteStringValue(t);
            }

            w.WriteEndArray();
            WriteNumberOrNull(w, "waitS", board.WaitS);
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The config message: <c>{"languages":[…],"categories":[…]}</c>.</summary>
    public static byte[] EncodeConfig(IEnumerable<string> languages, IEnumerable<string> categories)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteStartArray("languages");
            foreach (var l in languages)
            {
                w.WriteStringValue(l);
            }

            w.WriteEndArray();
            w.WriteStartArray("categories");
            foreach (var c in categories)
            {
                w.WriteStringValue(c);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteStringOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteNumberOrNull(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
