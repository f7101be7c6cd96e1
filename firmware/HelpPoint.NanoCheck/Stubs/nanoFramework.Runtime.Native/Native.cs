// Stub of nanoFramework.Runtime.Native 1.7.11 (assembly nanoFramework.Runtime.Native).
namespace nanoFramework.Runtime.Native
{
    public static class GC
    {
        public static uint Run(bool compactHeap) => throw null;
        public static void EnableGCMessages(bool enable) => throw null;
    }

    public enum RebootOption
    {
        NormalReboot = 0,
        EnterBootloader = 1,
        ClrOnly = 2
    }

    public class Power
    {
        public static void RebootDevice(RebootOption rebootOption = RebootOption.NormalReboot) => throw null;
    }
}

namespace System
{
    public static partial class Environment
    {
        public static long TickCount64 => throw null;
    }
}
