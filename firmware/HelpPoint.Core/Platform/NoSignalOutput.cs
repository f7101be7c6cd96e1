namespace HelpPoint.Core
{
    /// <summary>An <see cref="ISignalOutput"/> for a device without LED or buzzer.</summary>
    public sealed class NoSignalOutput : ISignalOutput
    {
        /// <inheritdoc/>
        public void SetLed(bool on)
        {
        }

        /// <inheritdoc/>
        public void SetTone(int frequencyHz)
        {
        }
    }
}
