// Stub of nanoFramework.System.Text 1.3.42 (assembly nanoFramework.System.Text): the published signatures the firmware uses, bodies that throw.
// Compared member for member (names, parameter and return types, base types, enum values) with
// github.com/nanoframework/nanoFramework.System.Text at main (commit 296d843b1d8199aae714edb7674d382dc44dba23).
// (The newest commit when compared; the package version is computed at build time and has no tag.)
namespace System.Text
{
    public abstract class Encoding
    {
        public static Encoding UTF8 => throw null;
        public virtual byte[] GetBytes(string s) => throw null;
        public virtual int GetBytes(string s, int charIndex, int charCount, byte[] bytes, int byteIndex) => throw null;
        public virtual char[] GetChars(byte[] bytes) => throw null;
        public virtual char[] GetChars(byte[] bytes, int byteIndex, int byteCount) => throw null;
        public virtual string GetString(byte[] bytes, int index, int count) => throw null;
    }

    public class UTF8Encoding : Encoding
    {
        public UTF8Encoding() => throw null;
    }

    public sealed class StringBuilder
    {
        public StringBuilder() => throw null;
        public StringBuilder(int capacity) => throw null;
        public StringBuilder(string value) => throw null;
        public int Length { get => throw null; set => throw null; }
        public int Capacity { get => throw null; set => throw null; }
        public char this[int index] { get => throw null; set => throw null; }
        public StringBuilder Append(bool value) => throw null;
        public StringBuilder Append(byte value) => throw null;
        public StringBuilder Append(char value) => throw null;
        public StringBuilder Append(char[] value) => throw null;
        public StringBuilder Append(double value) => throw null;
        public StringBuilder Append(short value) => throw null;
        public StringBuilder Append(int value) => throw null;
        public StringBuilder Append(long value) => throw null;
        public StringBuilder Append(object value) => throw null;
        public StringBuilder Append(string value) => throw null;
        public StringBuilder Append(char value, int repeatCount) => throw null;
        public StringBuilder AppendLine() => throw null;
        public StringBuilder AppendLine(string str) => throw null;
        public StringBuilder Clear() => throw null;
        public StringBuilder Insert(int index, string value, int count) => throw null;
        public StringBuilder Insert(int index, char[] value, int startIndex, int charCount) => throw null;
        public StringBuilder Remove(int startIndex, int length) => throw null;
        public override string ToString() => throw null;
        public string ToString(int startIndex, int length) => throw null;
    }
}
