// Stub of nanoFramework.Runtime.Native 1.7.11 (assembly nanoFramework.Runtime.Native): the published signatures the firmware uses, bodies that throw.
// Compared member for member (names, parameter and return types, base types, enum values) with
// github.com/nanoframework/nanoFramework.Runtime.Native at v1.7.11 (commit e70ef6920ca811b0403d667036fcbdc605d0e66e).
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
        EnterNanoBooter = 1,
        ClrOnly = 2,
        EnterProprietaryBooter = 8
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
