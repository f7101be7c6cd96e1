namespace HelpPoint.PhraseRenderer;

/// <summary>
/// A 1-bit picture of rendered text, cropped to its ink, and where the ink sits relative to the
/// text's origin: <see cref="Left"/> pixels right of the pen's start, <see cref="Top"/> pixels below
/// the baseline (negative: above it).
/// </summary>
public sealed class Ink
{
    /// <summary>Creates ink of the given size (all dark).</summary>
    public Ink(int width, int height, int left, int top)
    {
        Width = width;
        Height = height;
        Left = left;
        Top = top;
        Pixels = new bool[width * height];
    }

    /// <summary>An empty piece (a space): no pixels.</summary>
    public static Ink Empty { get; } = new(0, 0, 0, 0);

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Ink's left edge, relative to the pen's start.</summary>
    public int Left { get; }

    /// <summary>Ink's top edge relative to the baseline (negative above).</summary>
    public int Top { get; }

    /// <summary>Rows above the baseline that hold ink.</summary>
    public int Ascent => Height == 0 ? 0 : -Top;

    /// <summary>Rows from the baseline down that hold ink (the baseline row itself counts).</summary>
    public int Descent => Height == 0 ? 0 : Top + Height;

    /// <summary>Row-major pixels.</summary>
    public bool[] Pixels { get; }

    /// <summary>One pixel.</summary>
    public bool this[int x, int y]
    {
        get => Pixels[(y * Width) + x];
        set => Pixels[(y * Width) + x] = value;
    }
}
