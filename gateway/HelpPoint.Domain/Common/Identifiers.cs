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

    /// <summary>True when <paramref name="requestId"/> is <c>{device}-{digits}</c>.</summary>
    public static bool IsRequestIdOf(string requestId, string device)
    {
        if (requestId.Length <= device.Length + 1 || !requestId.StartsWith(device, StringComparison.Ordinal) || requestId[device.Length] != '-')
        {
            return false;
        }

        var sequence = requestId.AsSpan(device.Length + 1);
        if (sequence.Length > MaxSequenceDigits)
        {
            return false;
        }

        // One spelling per sequence number: zeros pad to the firmware's six digits, never beyond ("-00830001" is "-830001").
        if (sequence.Length > CanonicalDigits && sequence[0] == '0')
        {
            return false;
        }

        foreach (var c in sequence)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="requestId"/> has the shape of a request id of some device.</summary>
    public static bool LooksLikeRequestId(string requestId)
    {
        var dash = requestId.LastIndexOf('-');
        return dash > 0 && IsValidSlug(requestId[..dash]) && IsRequestIdOf(requestId, requestId[..dash]);
    }
}
