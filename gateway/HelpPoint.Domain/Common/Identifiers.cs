using System.Text.RegularExpressions;

namespace HelpPoint.Domain.Common;

/// <summary>The identifier rules of protocol v1: branch and device ids, request ids, language codes.</summary>
public static partial class Identifiers
{
    /// <summary>Longest sequence part of a request id we accept (a device persists a decimal counter).</summary>
    public const int MaxSequenceDigits = 10;

    /// <summary>Digits a device pads its sequence number to (<c>{device}-{seq:D6}</c>).</summary>
    public const int CanonicalDigits = 6;

    [GeneratedRegex("^[a-z0-9-]{1,32}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[a-z]{2}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex LanguagePattern();

    public static bool IsValidSlug(string? value) => value is not null && SlugPattern().IsMatch(value);

    public static bool IsValidLanguage(string? value) => value is not null && LanguagePattern().IsMatch(value);

    /// <summary>
    /// True when <paramref name="requestId"/> is a request id of <paramref name="device"/> in its one spelling
    /// (see <see cref="CanonicalRequestId"/>).
    /// </summary>
    public static bool IsRequestIdOf(string requestId, string device) =>
        CanonicalRequestId(requestId, device) is { } canonical && string.Equals(canonical, requestId, StringComparison.Ordinal);

    /// <summary>
    /// The one spelling of a request id of <paramref name="device"/>, or null when it is none. The sequence number is a number:
    /// however many zeros it is written with, it is written as the firmware does, <c>{device}-{seq:D6}</c> — "-1", "-0001" and
    /// "-000001" are "-000001"; "-00830001" and "-0830001" are "-830001". So one press has one request and one ticket
    /// whichever way a device spells it. An id already in that form is returned as it is.
    /// </summary>
    public static string? CanonicalRequestId(string requestId, string device)
    {
        if (requestId.Length <= device.Length + 1 || !requestId.StartsWith(device, StringComparison.Ordinal) || requestId[device.Length] != '-')
        {
            return null;
        }

        var sequence = requestId.AsSpan(device.Length + 1);
        if (sequence.Length > MaxSequenceDigits)
        {
            return null;
        }

        long value = 0;
        foreach (var c in sequence)
        {
            if (c is < '0' or > '9')
            {
                return null;
            }

            value = (value * 10) + (c - '0');
        }

        var canonical = sequence.Length == CanonicalDigits || (sequence.Length > CanonicalDigits && sequence[0] != '0');
        return canonical
            ? requestId
            : string.Concat(device, "-", value.ToString("D" + CanonicalDigits.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The one spelling of <paramref name="requestId"/> if it has the shape of a request id of some device, else null.</summary>
    public static string? CanonicalRequestId(string requestId)
    {
        var dash = requestId.LastIndexOf('-');
        return dash > 0 && IsValidSlug(requestId[..dash]) ? CanonicalRequestId(requestId, requestId[..dash]) : null;
    }

    /// <summary>True when <paramref name="requestId"/> has the shape of a request id of some device (in any spelling).</summary>
    public static bool LooksLikeRequestId(string requestId) => CanonicalRequestId(requestId) is not null;
}
