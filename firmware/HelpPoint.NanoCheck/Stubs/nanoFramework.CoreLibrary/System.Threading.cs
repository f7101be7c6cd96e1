// Stub of nanoFramework mscorlib: System.Threading (Monitor has only Enter/Exit(object): the compiler's lock uses those).
namespace System.Threading
{
    public delegate void ThreadStart();

    public delegate void TimerCallback(object state);

    public static class Monitor
    {
        public static void Enter(object obj) => throw null;
        public static void Exit(object obj) => throw null;
    }

    public static class Timeout
    {
        public const int Infinite = -1;
    }

    public static class Interlocked
    {
        public static int Increment(ref int location) => throw null;
        public static int Decrement(ref int location) => throw null;
        public static int Exchange(ref int location1, int value) => throw null;
        public static int CompareExchange(ref int location1, int value, int comparand) => throw null;
    }

    public sealed class Thread
    {
        public Thread(ThreadStart start) => throw null;
        public void Start() => throw null;
        public void Abort() => throw null;
        public void Join() => throw null;
        public bool Join(int millisecondsTimeout) => throw null;
        public bool IsAlive => throw null;
        public static void Sleep(int millisecondsTimeout) => throw null;
        public static void Sleep(TimeSpan timeout) => throw null;
        public static Thread CurrentThread => throw null;
    }

    public abstract class WaitHandle : MarshalByRefObject
    {
        public const int WaitTimeout = 0x102;
        public virtual bool WaitOne(int millisecondsTimeout, bool exitContext) => throw null;
        public virtual bool WaitOne() => throw null;
    }

    public sealed class AutoResetEvent : WaitHandle
    {
        public AutoResetEvent(bool initialState) => throw null;
        public bool Reset() => throw null;
        public bool Set() => throw null;
    }

    public sealed class ManualResetEvent : WaitHandle
    {
        public ManualResetEvent(bool initialState) => throw null;
        public bool Reset() => throw null;
        public bool Set() => throw null;
    }

    public sealed class Timer : MarshalByRefObject, IDisposable
    {
        public Timer(TimerCallback callback, object state, int dueTime, int period) => throw null;
        public bool Change(int dueTime, int period) => throw null;
        public void Dispose() => throw null;
    }
}
