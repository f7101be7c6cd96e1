// Stub of nanoFramework.Hardware.Esp32 1.6.40 (assembly nanoFramework.Hardware.Esp32): the published signatures the firmware uses, bodies that throw.
// Compared member for member (names, parameter and return types, base types, enum values) with
// github.com/nanoframework/nanoFramework.Hardware.Esp32 at v1.6.40 (commit 182a6e5badc433a686e3ee73c6a29af0817ec84d).
namespace nanoFramework.Hardware.Esp32
{
    public class Configuration
    {
        public static void SetPinFunction(int pin, DeviceFunction value) => throw null;
        public static int GetFunctionPin(DeviceFunction function) => throw null;
    }

    public enum DeviceFunction
    {
        SPI1_MOSI = 0x10000 + 0x100 + 0,
        SPI1_MISO = 0x10000 + 0x100 + 1,
        SPI1_CLOCK = 0x10000 + 0x100 + 2,
        I2C1_DATA = 0x20000 + 0x100 + 0,
        I2C1_CLOCK = 0x20000 + 0x100 + 1,
        PWM1 = 0x40000 + 0x100 + 0
    }
}
