// Stub of nanoFramework.Iot.Device.Ssd13xx 1.3.689 (assembly Iot.Device.Ssd13xx).
namespace Iot.Device.Ssd13xx
{
    using System;
    using System.Device.Gpio;
    using System.Device.I2c;

    public enum DisplayOrientation
    {
        Landscape,
        Landscape180,
        Portrait,
        Portrait180
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
            OLED96x16,
            OLED128x128
        }

        public DisplayOrientation Orientation { get => throw null; set => throw null; }
        public int Width { get => throw null; set => throw null; }
        public int Height { get => throw null; set => throw null; }
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
