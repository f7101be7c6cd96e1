// Stub of nanoFramework.Graphics 1.2.53 (assemblies nanoFramework.Graphics and nanoFramework.Graphics.Core, one stub).
namespace nanoFramework.UI
{
    public enum DisplayOrientation
    {
        Portrait,
        Portrait180,
        Landscape,
        Landscape180
    }

    public class GraphicDriver
    {
        public uint Width { get => throw null; set => throw null; }
        public uint Height { get => throw null; set => throw null; }
        public DisplayOrientation DefaultOrientation { get => throw null; set => throw null; }
    }

    public struct SpiConfiguration
    {
        public SpiConfiguration(byte spiBus, int chipselect, int dataCommand, int reset, int backLight) => throw null;
        public byte SpiBus { get => throw null; set => throw null; }
        public int ChipSelect { get => throw null; set => throw null; }
        public int DataCommand { get => throw null; set => throw null; }
        public int Reset { get => throw null; set => throw null; }
        public int BackLight { get => throw null; set => throw null; }
    }

    public struct ScreenConfiguration
    {
        public ScreenConfiguration(ushort x, ushort y, ushort width, ushort height, GraphicDriver graphicDriver = null) => throw null;
        public ushort X { get => throw null; set => throw null; }
        public ushort Y { get => throw null; set => throw null; }
        public ushort Width { get => throw null; set => throw null; }
        public ushort Height { get => throw null; set => throw null; }
    }

    public static class DisplayControl
    {
        public static uint Initialize(SpiConfiguration spi, ScreenConfiguration screen, uint bufferSize = 20 * 1024) => throw null;
        public static ushort ScreenWidth => throw null;
        public static ushort ScreenHeight => throw null;
        public static void Clear() => throw null;
        public static void Write(ushort x, ushort y, ushort width, ushort height, ushort[] colors) => throw null;
        public static void ChangeOrientation(DisplayOrientation orientation) => throw null;
    }
}
