// Stub of nanoFramework.Graphics 1.2.53 (assemblies nanoFramework.Graphics and nanoFramework.Graphics.Core, both in the package; one stub): the published signatures the firmware uses, bodies that throw.
// Compared member for member (names, parameter and return types, base types, enum values) with
// github.com/nanoframework/nanoFramework.Graphics at v1.2.53 (commit bc3b1791b213af8b52a492c9efcc66763b53b006).
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
        public static int ScreenWidth => throw null;
        public static int ScreenHeight => throw null;
        public static void Clear() => throw null;
        public static void Write(ushort x, ushort y, ushort width, ushort height, ushort[] colors) => throw null;
        public static bool ChangeOrientation(DisplayOrientation orientation) => throw null;
    }
}
