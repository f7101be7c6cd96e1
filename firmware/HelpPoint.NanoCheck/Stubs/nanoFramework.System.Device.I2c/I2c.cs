// Stub of nanoFramework.System.Device.I2c 1.1.29 (assembly System.Device.I2c): the published signatures the firmware uses, bodies that throw.
// Compared member for member (names, parameter and return types, base types, enum values) with
// github.com/nanoframework/System.Device.I2c at v1.1.29 (commit ac5858c8be7d7b917854328ebc023c8bf66dbfee).
// The SpanByte transfer methods are left out: the firmware does not call them.
namespace System.Device.I2c
{
    public enum I2cBusSpeed
    {
        StandardMode,
        FastMode,
        FastModePlus
    }

    public sealed class I2cConnectionSettings
    {
        public I2cConnectionSettings(int busId, int deviceAddress) => throw null;
        public I2cConnectionSettings(int busId, int deviceAddress, I2cBusSpeed busSpeed) => throw null;
        public int BusId => throw null;
        public int DeviceAddress => throw null;
        public I2cBusSpeed BusSpeed => throw null;
    }

    public class I2cDevice : IDisposable
    {
        public I2cDevice(I2cConnectionSettings settings) => throw null;
        public I2cConnectionSettings ConnectionSettings => throw null;
        public static I2cDevice Create(I2cConnectionSettings settings) => throw null;
        public byte ReadByte() => throw null;
        public void Dispose() => throw null;
    }
}
