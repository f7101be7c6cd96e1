namespace HelpPoint.Core
{
    /// <summary>Shows a <see cref="Screen"/>. Drawing (fonts, big digits, icons) is the adapter's job.</summary>
    public interface IDisplay
    {
        /// <summary>Replaces what the display shows. Called from the app loop only.</summary>
        void Show(Screen screen);
    }
}
