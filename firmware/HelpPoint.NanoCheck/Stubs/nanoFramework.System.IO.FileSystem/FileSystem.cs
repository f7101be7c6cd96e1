// Stub of nanoFramework.System.IO.FileSystem 1.1.93 (assembly System.IO.FileSystem): the published signatures the firmware uses, bodies that throw.
// Compared member for member (names, parameter and return types, base types, enum values) with
// github.com/nanoframework/System.IO.FileSystem at v1.1.93 (commit 434b26c6db29708367e4df3f4ea82095ef843372).
// File.Move throws when the target exists.
namespace System.IO
{
    public enum FileMode
    {
        CreateNew = 1,
        Create = 2,
        Open = 3,
        OpenOrCreate = 4,
        Truncate = 5,
        Append = 6
    }

    [Flags]
    public enum FileAccess
    {
        Read = 1,
        Write = 2,
        ReadWrite = 3
    }

    public static class File
    {
        public static bool Exists(string path) => throw null;
        public static byte[] ReadAllBytes(string path) => throw null;
        public static string ReadAllText(string path) => throw null;
        public static void WriteAllBytes(string path, byte[] bytes) => throw null;
        public static void Delete(string path) => throw null;
        public static void Move(string sourceFileName, string destFileName) => throw null;
        public static FileStream Open(string path, FileMode mode, FileAccess access) => throw null;
    }

    public static class Directory
    {
        public static bool Exists(string path) => throw null;
        public static string[] GetFiles(string path) => throw null;
    }

    public class FileStream : Stream
    {
        public FileStream(string path, FileMode mode) => throw null;
        public FileStream(string path, FileMode mode, FileAccess access) => throw null;
        public override bool CanRead => throw null;
        public override bool CanSeek => throw null;
        public override bool CanWrite => throw null;
        public override long Length => throw null;
        public override long Position { get => throw null; set => throw null; }
        public override void Flush() => throw null;
        public override int Read(byte[] buffer, int offset, int count) => throw null;
        public override long Seek(long offset, SeekOrigin origin) => throw null;
        public override void SetLength(long value) => throw null;
        public override void Write(byte[] buffer, int offset, int count) => throw null;
    }
}
