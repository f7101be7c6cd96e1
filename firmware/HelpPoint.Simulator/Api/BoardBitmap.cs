using HelpPoint.Core;
using HelpPoint.Simulator.Adapters;

namespace HelpPoint.Simulator.Api;

/// <summary>
/// The ticket display's pixels as the device draws them: <c>bits</c> is base64 of the 1-bit frame
/// (rows top to bottom, <c>(width + 7) / 8</c> bytes a row, most significant bit leftmost) and
/// <c>rows</c> the kind of each pixel row (<c>title</c>, <c>heading</c>, <c>serving</c>,
/// <c>waiting</c>, <c>info</c>, <c>offline</c>), which the device turns into colours.
/// </summary>
public sealed record BoardBitmap(int Width, int Height, string Bits, IReadOnlyList<string> Rows, string Language, bool Rtl)
{
    /// <summary>The bitmap of <paramref name="screen"/>, or null when it is shown as text.</summary>
    public static BoardBitmap? Of(BoardScreen screen)
    {
        FrameBuffer? frame = BoardScreens.Compose(screen, out BoardLineKind[] kinds, out string? language, out bool rtl);
        if (frame == null || language == null)
        {
            return null;
        }

        return new BoardBitmap(frame.Width, frame.Height, Convert.ToBase64String(frame.Bits), kinds.Select(KindName).ToArray(), language, rtl);
    }

    /// <summary>The page's name of a row kind (mapped by hand, as on the device).</summary>
    public static string KindName(BoardLineKind kind) => kind switch
    {
        BoardLineKind.Title => "title",
        BoardLineKind.Heading => "heading",
        BoardLineKind.Serving => "serving",
        BoardLineKind.Waiting => "waiting",
        BoardLineKind.Offline => "offline",
        _ => "info",
    };
}
