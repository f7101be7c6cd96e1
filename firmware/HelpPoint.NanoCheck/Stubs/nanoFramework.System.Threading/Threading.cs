// Stub of nanoFramework.System.Threading 1.1.52 (assembly System.Threading): the published signatures the firmware uses, bodies that throw.
// Compared member for member (names, parameter and return types, base types, enum values) with
// github.com/nanoframework/System.Threading at v1.1.52 (commit 866134ed5ae3faad59a2e5339c33d56f77eebee4).
namespace System.Threading
{
    public readonly struct CancellationToken
    {
        public static CancellationToken None => default;
        public bool IsCancellationRequested => throw null;
        public WaitHandle WaitHandle => throw null;
    }

    public class CancellationTokenSource : IDisposable
    {
        public CancellationTokenSource() => throw null;
        public CancellationTokenSource(int millisecondsDelay) => throw null;
        public CancellationTokenSource(TimeSpan delay) => throw null;
        public bool IsCancellationRequested => throw null;
        public CancellationToken Token => throw null;
        public void Cancel() => throw null;
        public void Dispose() => throw null;
    }
}
