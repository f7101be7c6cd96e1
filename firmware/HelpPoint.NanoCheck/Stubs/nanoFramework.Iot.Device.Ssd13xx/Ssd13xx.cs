// Stub of nanoFramework.Iot.Device.Ssd13xx 1.3.689 (assembly Iot.Device.Ssd13xx): the published signatures the firmware uses, bodies that throw.
// Compared member for member (names, parameter and return types, base types, enum values) with
// github.com/nanoframework/nanoFramework.IoT.Device at main, devices/Ssd13xx (commit 122ebb1a7aa12f29df2c177a8f79dca963fa4c1e).
// (Devices there carry no per-package tags; the folder last changed in 0bc5721692dde177f1b2cfce356c48e5b3c9eb24.)
namespace Iot.Device.Ssd13xx
{
    using System;
    using System.Device.Gpio;
    using System.Device.I2c;

    public enum DisplayOrientation
    {
        Portrait = 1,
        Landscape = 2,
        Portrait180 = 3,
        Landscape180 = 4
    }

    public abstract class Ssd13xx : IDisposable
    {
        public Ssd13xx(
            I2cDevice i2cDevice,
            DisplayResolution resolution = DisplayResolution.OLED128x64,
            DisplayOrientation orientation = DisplayOrientation.Landscape,
            int resetPin = -1,
            GpioController gpio = null,
            bool shouldDispose = true) => throw null;

        public enum DisplayResolution
        {
            OLED128x64,
            OLED128x32,
            OLED96x16
        }

        public DisplayOrientation Orientation { get => throw null; set => throw null; }
        public int Width { get => throw null; set => throw null; }
        public int Height { get => throw null; set => throw null; }
        public void DrawDirectAligned(int x, int y, int width, int height, byte[] buffer) => throw null;
        public void DrawPixel(int x, int y, bool inverted = true) => throw null;
        public void DrawHorizontalLine(int x0, int y0, int length, bool inverted = true) => throw null;
        public void DrawVerticalLine(int x0, int y0, int length, bool inverted = true) => throw null;
        public void DrawFilledRectangle(int x0, int y0, int width, int height, bool inverted = true) => throw null;
        public void DrawBitmap(int x, int y, int width, int height, byte[] bitmap, byte size = 1) => throw null;
        public void Display() => throw null;
        public void ClearScreen() => throw null;
        public void Dispose() => throw null;
    }

    public class Ssd1306 : Ssd13xx
    {
        public const byte DefaultI2cAddress = 0x3C;
        public const byte SecondaryI2cAddress = 0x3D;

        public Ssd1306(I2cDevice i2cDevice, int resetPin = -1)
            : base(i2cDevice) => throw null;
    }
}
