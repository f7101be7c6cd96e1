using HelpPoint.Core;

namespace HelpPoint.Firmware.Tests
{
    /// <summary>A display that remembers what it was asked to show.</summary>
    public sealed class RecordingDisplay : IDisplay
    {
        /// <summary>The last screen shown, or null.</summary>
        public Screen Last { get; private set; }

        /// <summary>How many times the display was redrawn.</summary>
        public int ShowCount { get; private set; }

        /// <inheritdoc/>
        public void Show(Screen screen)
        {
            Last = screen;
            ShowCount++;
        }
    }
}
