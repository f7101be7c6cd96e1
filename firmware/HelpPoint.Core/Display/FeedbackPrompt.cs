namespace HelpPoint.Core
{
    /// <summary>Where the visitor is with the one-press feedback after <c>done</c>.</summary>
    public enum FeedbackPrompt
    {
        /// <summary>No feedback is asked for.</summary>
        None = 0,

        /// <summary>The display asks: 1 good, 2 okay, 3 bad.</summary>
        Open = 1,

        /// <summary>The visitor answered; the display thanks them.</summary>
        Given = 2
    }
}
