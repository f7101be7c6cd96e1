using HelpPoint.Core;
using SkiaSharp;

namespace HelpPoint.PhraseRenderer;

/// <summary>A state as pictured in docs/languages.md.</summary>
public sealed record ScreenSample(string Name, string Caption, Func<string, Screen> Build);

/// <summary>
/// Pictures of every screen in every language, composed by Core's own composers from the resource
/// bytes — exactly what the device draws — and drawn as PNG (the OLED white on black at 2x; the
/// board in the TFT adapter's colours).
/// </summary>
public static class ScreenGallery
{
    /// <summary>The help point states pictured, with sample values.</summary>
    public static IReadOnlyList<ScreenSample> HelpPointSamples { get; } =
    [
        new("idle", "idle (device default)", l => Screens.Build(HelpPointState.Idle, null, l, null, -1, -1, null, true, null, FeedbackPrompt.None)),
        new("picker", "language picked", l => Build(HelpPointState.Idle, l, null, -1, -1, null, l, FeedbackPrompt.None)),
        new("sending", "sending", l => Build(HelpPointState.Sending, l, null, -1, -1, null, null, FeedbackPrompt.None)),
        new("offline", "saved offline", l => Build(HelpPointState.Offline, l, null, -1, -1, null, null, FeedbackPrompt.None, false)),
        new("queued", "queued, place 3", l => Build(HelpPointState.Queued, l, "17", 3, 240, null, null, FeedbackPrompt.None)),
        new("next", "queued, next", l => Build(HelpPointState.Queued, l, "17", 1, 60, null, null, FeedbackPrompt.None)),
        new("assigned", "host on the way", l => Build(HelpPointState.Assigned, l, "17", -1, -1, "Sara", null, FeedbackPrompt.None)),
        new("assigned-anyone", "host (name not drawable)", l => Build(HelpPointState.Assigned, l, "17", -1, -1, "سارا", null, FeedbackPrompt.None)),
        new("done", "done, feedback asked", l => Build(HelpPointState.Done, l, "17", -1, -1, "Sara", null, FeedbackPrompt.Open)),
        new("thanks", "feedback given", l => Build(HelpPointState.Done, l, "17", -1, -1, "Sara", null, FeedbackPrompt.Given)),
        new("cancelled", "cancelled", l => Build(HelpPointState.Cancelled, l, "17", -1, -1, null, null, FeedbackPrompt.None)),
        new("expired", "expired", l => Build(HelpPointState.Expired, l, "17", -1, -1, null, null, FeedbackPrompt.None)),
        new("unstaffed", "unstaffed", l => Build(HelpPointState.Unstaffed, l, "17", -1, -1, null, null, FeedbackPrompt.None)),
        new("error", "rejected / error", l => Build(HelpPointState.Rejected, l, null, -1, -1, null, null, FeedbackPrompt.None)),
    ];

    /// <summary>The board states pictured.</summary>
    public static IReadOnlyList<(string Name, string Caption, BoardMessage? Message, bool Offline)> BoardSamples { get; } =
    [
        ("board", "ticket board", new BoardMessage(true, ["15", "16"], ["Sara", "Ali"], ["17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "32", "33", "34", "35", "36"], 300), false),
        ("board-unstaffed", "board, nobody on duty, offline", new BoardMessage(false, [], [], [], -1), true),
    ];

    /// <summary>The file name of a picture.</summary>
    public static string FileName(string language, string sample) => $"{language}-{sample}.png";

    /// <summary>Every picture of one language, by file name.</summary>
    public static IEnumerable<(string File, byte[] Png)> Pictures(PhraseResource helpPoint, PhraseResource board, string language)
    {
        var composer = new HelpPointComposer(helpPoint);
        foreach (ScreenSample sample in HelpPointSamples)
        {
            var frame = new FrameBuffer(helpPoint.Width, helpPoint.Height);
            if (!composer.Compose(sample.Build(language), frame) || composer.Pieces.Language != language)
            {
                throw new InvalidOperationException($"{language}: the {sample.Name} screen could not be composed in {language}");
            }

            yield return (FileName(language, sample.Name), OledPng(frame));
        }

        var boardComposer = new BoardComposer(board);
        foreach (var (name, _, message, offline) in BoardSamples)
        {
            var frame = new FrameBuffer(board.Width, board.Height);
            if (!boardComposer.Compose(message, offline, language, frame) || boardComposer.Pieces.Language != language)
            {
                throw new InvalidOperationException($"{language}: the {name} board could not be composed in {language}");
            }

            yield return (FileName(language, name), BoardPng(frame, boardComposer.RowKinds));
        }
    }

    /// <summary>The OLED as PNG: 2x, white on black, with a thin frame.</summary>
    public static byte[] OledPng(FrameBuffer frame)
    {
        const int Scale = 2;
        const int Border = 4;
        return Png(frame.Width * Scale + (2 * Border), frame.Height * Scale + (2 * Border), (x, y) =>
        {
            int fx = (x - Border) / Scale;
            int fy = (y - Border) / Scale;
            if (x < Border || y < Border || fx >= frame.Width || fy >= frame.Height)
            {
                return new SKColor(0x40, 0x40, 0x48);
            }

            return frame.Get(fx, fy) ? SKColors.White : SKColors.Black;
        });
    }

    /// <summary>The board as PNG, coloured by line kind like the TFT adapter.</summary>
    public static byte[] BoardPng(FrameBuffer frame, BoardLineKind[] rows)
    {
        return Png(frame.Width, frame.Height, (x, y) => frame.Get(x, y) ? Colour(rows[y]) : SKColors.Black);
    }

    /// <summary>The colour of a board line kind (RGB of the TFT adapter's RGB565 colours).</summary>
    public static SKColor Colour(BoardLineKind kind) => kind switch
    {
        BoardLineKind.Title => SKColors.Cyan,
        BoardLineKind.Heading => new SKColor(0xB8, 0xBC, 0xB8),
        BoardLineKind.Serving => SKColors.Lime,
        BoardLineKind.Waiting => SKColors.Yellow,
        BoardLineKind.Offline => SKColors.Red,
        _ => SKColors.White,
    };

    /// <summary>Reads a PNG back into pixels (for comparing pictures).</summary>
    public static uint[] Pixels(byte[] png, out int width, out int height)
    {
        using SKBitmap bitmap = SKBitmap.Decode(png) ?? throw new InvalidOperationException("not a PNG");
        width = bitmap.Width;
        height = bitmap.Height;
        return bitmap.Pixels.Select(c => (uint)c).ToArray();
    }

    private static byte[] Png(int width, int height, Func<int, int, SKColor> colour)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var pixels = new SKColor[width * height];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                pixels[(y * width) + x] = colour(x, y);
            }
        }

        bitmap.Pixels = pixels;

        using SKData data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static Screen Build(HelpPointState state, string? visitor, string? ticket, int position, int waitS, string? host, string? selected, FeedbackPrompt feedback, bool online = true) =>
        Screens.Build(state, visitor, Languages.Swedish, ticket, position, waitS, host, online, selected, feedback);
}
