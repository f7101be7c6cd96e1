using HelpPoint.Core;
using HelpPoint.Simulator.Adapters;

namespace HelpPoint.Simulator.Api;

/// <summary>
/// The OLED's pixels as the device draws them: <c>bits</c> is base64 of the 1-bit frame, rows top to
/// bottom, <c>(width + 7) / 8</c> bytes a row, most significant bit leftmost; <c>language</c> is the
/// language drawn and <c>rtl</c> whether it is written right to left.
/// </summary>
public sealed record DisplayBitmap(int Width, int Height, string Bits, string Language, bool Rtl)
{
    /// <summary>The bitmap of <paramref name="screen"/>, or null when it is shown as text.</summary>
    public static DisplayBitmap? Of(Screen screen)
    {
        FrameBuffer? frame = PhraseScreens.Compose(screen, out string? language, out bool rtl);
        if (frame == null || language == null)
        {
            return null;
        }

        return new DisplayBitmap(frame.Width, frame.Height, Convert.ToBase64String(frame.Bits), language, rtl);
    }
}
