// Stub of nanoFramework.System.Device.Pwm 1.1.23 (assembly System.Device.Pwm): the published signatures the firmware uses, bodies that throw.
// Compared member for member (names, parameter and return types, base types, enum values) with
// github.com/nanoframework/System.Device.Pwm at v1.1.23 (commit 8f14504caeb537dd541fe0f2c8eeb77979cd3654).
namespace System.Device.Pwm
{
    public sealed class PwmChannel : IDisposable
    {
        public PwmChannel(int chip, int channel, int frequency = 400, double dutyCyclePercentage = 0.5) => throw null;
        public int Frequency { get => throw null; set => throw null; }
        public double DutyCycle { get => throw null; set => throw null; }
        public void Start() => throw null;
        public void Stop() => throw null;
        public static PwmChannel CreateFromPin(int pin, int frequency = 400, double dutyCyclePercentage = 0.5) => throw null;
        public void Dispose() => throw null;
    }
}
