namespace HelpPoint.Core
{
    /// <summary>The help point's status LED and buzzer, as the signal patterns drive them.</summary>
    public interface ISignalOutput
    {
        /// <summary>Switches the LED. Called only when the wanted level changes.</summary>
        void SetLed(bool on);

        /// <summary>Sounds the buzzer at <paramref name="frequencyHz"/>, or silences it with 0. Called only on change.</summary>
        void SetTone(int frequencyHz);
    }
}
