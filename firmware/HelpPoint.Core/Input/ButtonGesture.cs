namespace HelpPoint.Core
{
    /// <summary>What a visitor did with one button, once debounced.</summary>
    public enum ButtonGesture
    {
        /// <summary>Nothing.</summary>
        None = 0,

        /// <summary>Pressed and released before the long-press time.</summary>
        Click = 1,

        /// <summary>Held for the long-press time (reported once, while still held).</summary>
        LongPress = 2
    }
}
