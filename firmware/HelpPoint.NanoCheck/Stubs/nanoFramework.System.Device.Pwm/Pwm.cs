// Stub of nanoFramework.System.Device.Pwm 1.1.23 (assembly System.Device.Pwm).
namespace System.Device.Pwm
{
    public sealed class PwmChannel : IDisposable
    {
        public int Frequency { get => throw null; set => throw null; }
        public double DutyCycle { get => throw null; set => throw null; }
        public void Start() => throw null;
        public void Stop() => throw null;
        public static PwmChannel CreateFromPin(int pin, int frequency = 400, double dutyCyclePercentage = 0.5) => throw null;
        public void Dispose() => throw null;
    }
}
