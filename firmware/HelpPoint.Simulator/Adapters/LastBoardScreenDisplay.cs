using HelpPoint.Core;

namespace HelpPoint.Simulator.Adapters;

/// <summary>Core's <see cref="IBoardDisplay"/> without hardware: it keeps the last board shown.</summary>
public sealed class LastBoardScreenDisplay : IBoardDisplay
{
    private volatile BoardScreen? _last;

    /// <summary>The board the device last drew, or null before its first tick.</summary>
    public BoardScreen? Last => _last;

    /// <inheritdoc/>
    public void Show(BoardScreen screen) => _last = screen;
}
