namespace HelpPoint.Core
{
    /// <summary>Shows a <see cref="BoardScreen"/>. Drawing (fonts, colours) is the adapter's job.</summary>
    public interface IBoardDisplay
    {
        /// <summary>Replaces what the board shows. Called from the app loop only.</summary>
        void Show(BoardScreen screen);
    }
}
