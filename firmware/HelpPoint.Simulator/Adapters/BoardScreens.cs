using HelpPoint.Core;

namespace HelpPoint.Simulator.Adapters;

/// <summary>
/// The ticket display's phrase resource (firmware/phrases/board.phr, embedded in the simulator) and
/// Core's board composer: turns a <see cref="BoardScreen"/> into the 320x240 picture a real TFT shows,
/// with the kind of each pixel row so that the page can colour it as the device does. Thread-safe.
/// </summary>
public static class BoardScreens
{
    private static readonly Lock Gate = new();
    private static readonly BoardComposer? Composer = Load();

    /// <summary>True when the resource was found and read.</summary>
    public static bool Available => Composer != null;

    /// <summary>
    /// Composes <paramref name="screen"/>; null when it is a text-only screen (the setup screen) or
    /// the resource is missing. <paramref name="rowKinds"/> says what each pixel row is.
    /// </summary>
    public static FrameBuffer? Compose(BoardScreen screen, out BoardLineKind[] rowKinds, out string? language, out bool rightToLeft)
    {
        ArgumentNullException.ThrowIfNull(screen);
        rowKinds = [];
        language = null;
        rightToLeft = false;
        if (Composer == null || screen.BoardLanguage == null)
        {
            return null;
        }

        var frame = new FrameBuffer(BoardPixelLayout.Width, BoardPixelLayout.Height);
        lock (Gate)
        {
            if (!Composer.Compose(screen.Message, screen.Offline, screen.BoardLanguage, frame))
            {
                return null;
            }

            rowKinds = (BoardLineKind[])Composer.RowKinds.Clone();
            language = Composer.Pieces.Language;
            rightToLeft = Composer.Pieces.RightToLeft;
        }

        return frame;
    }

    private static BoardComposer? Load()
    {
        using Stream? stream = typeof(BoardScreens).Assembly.GetManifestResourceStream("HelpPoint.Simulator.board.phr");
        if (stream == null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        PhraseResource? resource = PhraseResource.Open(new ByteArrayPhraseSource(copy.ToArray()));
        return resource == null ? null : new BoardComposer(resource);
    }
}
