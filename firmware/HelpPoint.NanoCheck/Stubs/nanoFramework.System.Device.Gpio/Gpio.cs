// Stub of nanoFramework.System.Device.Gpio 1.1.62 (assembly System.Device.Gpio): the published signatures the firmware uses, bodies that throw.
// Compared member for member (names, parameter and return types, base types, enum values) with
// github.com/nanoframework/System.Device.Gpio at v1.1.62 (commit cd99158280e0f5c24102981c26baf69facda4d17).
namespace System.Device.Gpio
{
    using nanoFramework.Runtime.Events;

    public enum PinMode
    {
        Input,
        InputPullDown,
        InputPullUp,
        Output,
        OutputOpenDrain,
        OutputOpenDrainPullUp,
        OutputOpenSource,
        OutputOpenSourcePullDown
    }

    public enum PinEventTypes
    {
        None = 0,
        Rising = 1,
        Falling = 2
    }

    public enum PinNumberingScheme
    {
        Logical,
        Board
    }

    public readonly struct PinValue
    {
        private readonly byte _value;
        public static PinValue High => throw null;
        public static PinValue Low => throw null;
        public static implicit operator PinValue(int value) => throw null;
        public static implicit operator PinValue(bool value) => throw null;
        public static explicit operator byte(PinValue value) => throw null;
        public static explicit operator int(PinValue value) => throw null;
        public static explicit operator bool(PinValue value) => throw null;
        public bool Equals(PinValue other) => throw null;
        public override bool Equals(object obj) => throw null;
        public static bool operator ==(PinValue a, PinValue b) => throw null;
        public static bool operator !=(PinValue a, PinValue b) => throw null;
        public override int GetHashCode() => throw null;
        public override string ToString() => throw null;
    }

    public class PinValueChangedEventArgs : BaseEvent
    {
        public PinValueChangedEventArgs(PinEventTypes changeType, int pinNumber) => throw null;
        public PinEventTypes ChangeType => throw null;
        public int PinNumber => throw null;
    }

    public delegate void PinChangeEventHandler(object sender, PinValueChangedEventArgs pinValueChangedEventArgs);

    public delegate void PinValueChangedEventHandler(object sender, PinValueChangedEventArgs e);

    public sealed class GpioPin : IDisposable
    {
        internal GpioPin() => throw null;
        public TimeSpan DebounceTimeout { get => throw null; set => throw null; }
        public int PinNumber => throw null;
        public PinMode GetPinMode() => throw null;
        public void SetPinMode(PinMode value) => throw null;
        public PinValue Read() => throw null;
        public void Write(PinValue value) => throw null;
        public void Toggle() => throw null;
        public void Dispose() => throw null;
    }

    public sealed class GpioController : IDisposable
    {
        public GpioController() => throw null;
        public GpioController(PinNumberingScheme numberingScheme) => throw null;
        public GpioPin OpenPin(int pinNumber) => throw null;
        public GpioPin OpenPin(int pinNumber, PinMode mode) => throw null;
        public void ClosePin(int pinNumber) => throw null;
        public PinValue Read(int pinNumber) => throw null;
        public void Write(int pinNumber, PinValue value) => throw null;
        public void SetPinMode(int pinNumber, PinMode mode) => throw null;
        public void RegisterCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback) => throw null;
        public void UnregisterCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback) => throw null;
        public void Dispose() => throw null;
    }
}
