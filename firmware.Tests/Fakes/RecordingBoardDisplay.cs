using HelpPoint.Core;

namespace HelpPoint.Firmware.Tests
{
    /// <summary>A ticket board screen that remembers what it was asked to show.</summary>
    public sealed class RecordingBoardDisplay : IBoardDisplay
    {
        /// <summary>The last screen, or null.</summary>
        public BoardScreen Last { get; private set; }

        /// <summary>How many redraws.</summary>
        public int ShowCount { get; private set; }

        /// <inheritdoc/>
        public void Show(BoardScreen screen)
        {
            Last = screen;
            ShowCount++;
        }

        /// <summary>The lines joined with '|'.</summary>
        public string Joined()
        {
            return BoardLayoutTests.Joined(Last);
        }
    }
}
