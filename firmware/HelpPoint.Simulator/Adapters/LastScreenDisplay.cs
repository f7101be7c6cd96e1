using HelpPoint.Core;

namespace HelpPoint.Simulator.Adapters;

/// <summary>Core's <see cref="IDisplay"/> without hardware: it keeps the last screen shown.</summary>
public sealed class LastScreenDisplay : IDisplay
{
    private volatile Screen? _last;

    /// <summary>The screen the device last drew, or null before its first tick.</summary>
    public Screen? Last => _last;

    /// <inheritdoc/>
    public void Show(Screen screen) => _last = screen;
}
