using HelpPoint.Core;

namespace HelpPoint.PhraseRenderer;

/// <summary>What the renderer needs to know about one display: size, text area, line limits, runtime fonts.</summary>
public sealed record DisplayProfile(
    int Id,
    string Name,
    string ResourceFile,
    int Width,
    int Height,
    int ContentWidth,
    Func<int, int> MaxHeight,
    Func<LanguageFile, float> PhraseSize,
    string TextFont,
    float TextFontSize,
    string? DigitFont,
    float DigitFontSize,
    string WidestNumber,
    string? WidestName,
    string? WidestTicket,
    int TicketGap)
{
    /// <summary>The help point's 128x64 OLED.</summary>
    public static DisplayProfile HelpPoint { get; } = new(
        Phrases.HelpPointDisplay,
        "help point OLED 128x64",
        "helppoint.phr",
        HelpPointLayout.Width,
        HelpPointLayout.Height,
        HelpPointLayout.ContentWidth,
        HelpPointLayout.MaxHeight,
        language => language.HelpPointSize,
        "NotoSans-Regular.ttf",
        11,
        "NotoSans-Bold.ttf",
        28,
        HelpPointLayout.WidestNumber,
        HelpPointLayout.WidestShortName,
        HelpPointLayout.WidestTicket,
        HelpPointLayout.TicketGap);

    /// <summary>The ticket board's 320x240 TFT.</summary>
    public static DisplayProfile Board { get; } = new(
        Phrases.BoardDisplay,
        "ticket board TFT 320x240",
        "board.phr",
        BoardPixelLayout.Width,
        BoardPixelLayout.Height,
        BoardPixelLayout.ContentWidth,
        BoardPixelLayout.MaxHeight,
        language => language.BoardSize,
        "NotoSans-Bold.ttf",
        20,
        null,
        0,
        BoardPixelLayout.WidestNumber,
        null,
        null,
        0);

    /// <summary>Both displays.</summary>
    public static IReadOnlyList<DisplayProfile> All { get; } = [HelpPoint, Board];

    /// <summary>
    /// Characters of the runtime text font: Latin (with Latin-1 and Latin Extended-A, enough for the
    /// names of most European and Turkish/Somali hosts in Latin letters), Cyrillic, and a few dashes
    /// and quotes. Names in other scripts are not drawn (see docs/languages.md).
    /// </summary>
    public static IEnumerable<char> RuntimeCharacters()
    {
        for (char c = ' '; c <= '~'; c++)
        {
            yield return c;
        }

        for (char c = '\u00A1'; c <= '\u017F'; c++)
        {
            yield return c;
        }

        for (char c = '\u0400'; c <= '\u045F'; c++)
        {
            yield return c;
        }

        yield return '\u2013';
        yield return '\u2014';
        yield return '\u2019';
    }

    /// <summary>The numbers that go into the input digest: a change to the layout needs a new resource.</summary>
    public string Describe() =>
        $"{Id};{Width}x{Height};content {ContentWidth};heights {string.Join(",", Enumerable.Range(0, Phrases.Count).Select(MaxHeight))};" +
        $"text {TextFont}@{TextFontSize};digits {DigitFont}@{DigitFontSize};widest {WidestNumber}/{WidestName}/{WidestTicket};gap {TicketGap}";
}
