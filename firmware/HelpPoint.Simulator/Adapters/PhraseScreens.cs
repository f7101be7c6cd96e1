using HelpPoint.Core;

namespace HelpPoint.Simulator.Adapters;

/// <summary>
/// The help point's phrase resource (firmware/phrases/helppoint.phr, embedded in the simulator) and
/// Core's composer: turns a <see cref="Screen"/> into the 128x64 bitmap a real OLED shows. Thread-safe.
/// </summary>
public static class PhraseScreens
{
    private static readonly Lock Gate = new();
    private static readonly HelpPointComposer? Composer = Load();

    /// <summary>True when the resource was found and read.</summary>
    public static bool Available => Composer != null;

    /// <summary>Composes <paramref name="screen"/>; null when it is shown as text. <paramref name="language"/> is the language drawn.</summary>
    public static FrameBuffer? Compose(Screen screen, out string? language) => Compose(screen, out language, out _);

    /// <summary>Composes <paramref name="screen"/>, also telling whether the language is written right to left.</summary>
    public static FrameBuffer? Compose(Screen screen, out string? language, out bool rightToLeft)
    {
        language = null;
        rightToLeft = false;
        if (Composer == null)
        {
            return null;
        }

        var frame = new FrameBuffer(HelpPointLayout.Width, HelpPointLayout.Height);
        lock (Gate)
        {
            if (!Composer.Compose(screen, frame))
            {
                return null;
            }

            language = Composer.Pieces.Language;
            rightToLeft = Composer.Pieces.RightToLeft;
        }

        return frame;
    }

    private static HelpPointComposer? Load()
    {
        using Stream? stream = typeof(PhraseScreens).Assembly.GetManifestResourceStream("HelpPoint.Simulator.helppoint.phr");
        if (stream == null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        PhraseResource? resource = PhraseResource.Open(new ByteArrayPhraseSource(copy.ToArray()));
        return resource == null ? null : new HelpPointComposer(resource);
    }
}
