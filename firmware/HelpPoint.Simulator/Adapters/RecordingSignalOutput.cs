using HelpPoint.Core;

namespace HelpPoint.Simulator.Adapters;

/// <summary>Core's <see cref="ISignalOutput"/> without hardware: it keeps the LED level and buzzer tone for the page.</summary>
public sealed class RecordingSignalOutput : ISignalOutput
{
    private volatile bool _led;
    private volatile int _tone;

    /// <summary>The LED level.</summary>
    public bool Led => _led;

    /// <summary>The buzzer frequency, 0 when quiet.</summary>
    public int Tone => _tone;

    /// <inheritdoc/>
    public void SetLed(bool on) => _led = on;

    /// <inheritdoc/>
    public void SetTone(int frequencyHz) => _tone = frequencyHz;
}
