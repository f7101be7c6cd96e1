// Stub of nanoFramework mscorlib: the System namespace. Signatures only; every body throws.
namespace System
{
    public class Object
    {
        public Object() { }
        public virtual string ToString() => throw null;
        public virtual bool Equals(object obj) => throw null;
        public static bool Equals(object objA, object objB) => throw null;
        public static bool ReferenceEquals(object objA, object objB) => throw null;
        public virtual int GetHashCode() => throw null;
        public Type GetType() => throw null;
        protected object MemberwiseClone() => throw null;
    }

    public abstract class ValueType
    {
        public override bool Equals(object obj) => throw null;
    }

    public abstract class Enum : ValueType
    {
        public bool HasFlag(Enum flag) => throw null;
        public override string ToString() => throw null;
    }

    public struct Void { }

    public struct Boolean
    {
        private bool _value;
        public static readonly string FalseString = "False";
        public static readonly string TrueString = "True";
        public override string ToString() => throw null;
    }

    public struct Char
    {
        private char _value;
        public const char MaxValue = (char)0xFFFF;
        public const char MinValue = (char)0x00;
        public override string ToString() => throw null;
        public char ToLower() => throw null;
        public char ToUpper() => throw null;
    }

    public struct SByte
    {
        private sbyte _value;
        public override string ToString() => throw null;
        public string ToString(string format) => throw null;
    }

    public struct Byte
    {
        private byte _value;
        public const byte MaxValue = 0xFF;
        public const byte MinValue = 0;
        public override string ToString() => throw null;
        public string ToString(string format) => throw null;
        public static byte Parse(string s) => throw null;
        public static bool TryParse(string s, out byte result) => throw null;
    }

    public struct Int16
    {
        private short _value;
        public override string ToString() => throw null;
        public string ToString(string format) => throw null;
    }

    public struct UInt16
    {
        private ushort _value;
        public const ushort MaxValue = 0xFFFF;
        public const ushort MinValue = 0;
        public override string ToString() => throw null;
        public string ToString(string format) => throw null;
    }

    public struct Int32
    {
        private int _value;
        public const int MaxValue = 0x7fffffff;
        public const int MinValue = unchecked((int)0x80000000);
        public override string ToString() => throw null;
        public string ToString(string format) => throw null;
        public static int Parse(string s) => throw null;
        public static bool TryParse(string s, out int result) => throw null;
    }

    public struct UInt32
    {
        private uint _value;
        public const uint MaxValue = 0xffffffff;
        public const uint MinValue = 0U;
        public override string ToString() => throw null;
        public string ToString(string format) => throw null;
    }

    public struct Int64
    {
        private long _value;
        public const long MaxValue = 0x7fffffffffffffffL;
        public const long MinValue = unchecked((long)0x8000000000000000L);
        public override string ToString() => throw null;
        public string ToString(string format) => throw null;
        public static long Parse(string s) => throw null;
        public static bool TryParse(string s, out long result) => throw null;
    }

    public struct UInt64
    {
        private ulong _value;
        public override string ToString() => throw null;
        public string ToString(string format) => throw null;
    }

    public struct Single
    {
        private float _value;
        public override string ToString() => throw null;
        public string ToString(string format) => throw null;
    }

    public struct Double
    {
        private double _value;
        public const double MinValue = -1.7976931348623157E+308;
        public const double MaxValue = 1.7976931348623157E+308;
        public static bool IsNaN(double d) => throw null;
        public static bool IsInfinity(double d) => throw null;
        public override string ToString() => throw null;
        public string ToString(string format) => throw null;
        public static double Parse(string s) => throw null;
    }

    public struct IntPtr
    {
        private int _value;
    }

    public struct UIntPtr
    {
        private uint _value;
    }

    public struct RuntimeTypeHandle { }

    public struct RuntimeFieldHandle { }

    public struct RuntimeMethodHandle { }

    public sealed class String : Collections.IEnumerable
    {
        public static readonly string Empty = "";
        public String(char[] value) => throw null;
        public String(char[] value, int startIndex, int length) => throw null;
        public String(char c, int count) => throw null;
        public char this[int index] => throw null;
        public int Length => throw null;
        public Collections.IEnumerator GetEnumerator() => throw null;
        public override bool Equals(object obj) => throw null;
        public static bool Equals(string a, string b) => throw null;
        public static bool operator ==(string a, string b) => throw null;
        public static bool operator !=(string a, string b) => throw null;
        public override int GetHashCode() => throw null;
        public char[] ToCharArray() => throw null;
        public char[] ToCharArray(int startIndex, int length) => throw null;
        public string[] Split(params char[] separator) => throw null;
        public string Substring(int startIndex) => throw null;
        public string Substring(int startIndex, int length) => throw null;
        public string Trim() => throw null;
        public string Trim(params char[] trimChars) => throw null;
        public string TrimStart(params char[] trimChars) => throw null;
        public string TrimEnd(params char[] trimChars) => throw null;
        public static int Compare(string strA, string strB) => throw null;
        public int CompareTo(object value) => throw null;
        public int CompareTo(string strB) => throw null;
        public int IndexOf(char value) => throw null;
        public int IndexOf(char value, int startIndex) => throw null;
        public int IndexOf(char value, int startIndex, int count) => throw null;
        public int IndexOfAny(char[] anyOf) => throw null;
        public int IndexOf(string value) => throw null;
        public int IndexOf(string value, int startIndex) => throw null;
        public int LastIndexOf(char value) => throw null;
        public int LastIndexOf(string value) => throw null;
        public string ToLower() => throw null;
        public string ToUpper() => throw null;
        public override string ToString() => throw null;
        public static string Concat(object arg0) => throw null;
        public static string Concat(object arg0, object arg1) => throw null;
        public static string Concat(object arg0, object arg1, object arg2) => throw null;
        public static string Concat(params object[] args) => throw null;
        public static string Concat(string str0, string str1) => throw null;
        public static string Concat(string str0, string str1, string str2) => throw null;
        public static string Concat(string str0, string str1, string str2, string str3) => throw null;
        public static string Concat(params string[] values) => throw null;
        public static string Format(string format, params object[] args) => throw null;
        public string PadLeft(int totalWidth, char paddingChar = ' ') => throw null;
        public string PadRight(int totalWidth, char paddingChar = ' ') => throw null;
        public static bool IsNullOrEmpty(string value) => throw null;
        public bool Contains(string value) => throw null;
        public bool StartsWith(string value) => throw null;
        public bool EndsWith(string value) => throw null;
    }

    public abstract class Array : Collections.IList, ICloneable
    {
        public int Length => throw null;
        public static void Copy(Array sourceArray, Array destinationArray, int length) => throw null;
        public static void Copy(Array sourceArray, int sourceIndex, Array destinationArray, int destinationIndex, int length) => throw null;
        public static void Clear(Array array, int index, int length) => throw null;
        public static int IndexOf(Array array, object value) => throw null;
        public object GetValue(int index) => throw null;
        public object Clone() => throw null;
        public void CopyTo(Array array, int index) => throw null;
        public Collections.IEnumerator GetEnumerator() => throw null;
        public int Count => throw null;
        public object SyncRoot => throw null;
        public bool IsSynchronized => throw null;
        public bool IsReadOnly => throw null;
        public bool IsFixedSize => throw null;
        object Collections.IList.this[int index] { get => throw null; set => throw null; }
        public int Add(object value) => throw null;
        public void Clear() => throw null;
        public bool Contains(object value) => throw null;
        public int IndexOf(object value) => throw null;
        public void Insert(int index, object value) => throw null;
        public void Remove(object value) => throw null;
        public void RemoveAt(int index) => throw null;
    }

    public interface ICloneable
    {
        object Clone();
    }

    public interface IDisposable
    {
        void Dispose();
    }

    public interface IComparable
    {
        int CompareTo(object obj);
    }

    public interface IFormatProvider
    {
        object GetFormat(Type formatType);
    }

    public abstract class Delegate
    {
        public override bool Equals(object obj) => throw null;
        public override int GetHashCode() => throw null;
        public static Delegate Combine(Delegate a, Delegate b) => throw null;
        public static Delegate Remove(Delegate source, Delegate value) => throw null;
        public object Target => throw null;
        public virtual Delegate[] GetInvocationList() => throw null;
        public static bool operator ==(Delegate d1, Delegate d2) => throw null;
        public static bool operator !=(Delegate d1, Delegate d2) => throw null;
    }

    public abstract class MulticastDelegate : Delegate
    {
        public static bool operator ==(MulticastDelegate d1, MulticastDelegate d2) => throw null;
        public static bool operator !=(MulticastDelegate d1, MulticastDelegate d2) => throw null;
        public override bool Equals(object obj) => throw null;
        public override int GetHashCode() => throw null;
    }

    public delegate void Action();

    public delegate void EventHandler(object sender, EventArgs e);

    public delegate void AsyncCallback(IAsyncResult ar);

    public interface IAsyncResult
    {
        bool IsCompleted { get; }
    }

    public class EventArgs
    {
        public static readonly EventArgs Empty = new EventArgs();
        public EventArgs() { }
    }

    public abstract class Attribute
    {
        protected Attribute() { }
    }

    [Flags]
    public enum AttributeTargets
    {
        Assembly = 0x0001,
        Module = 0x0002,
        Class = 0x0004,
        Struct = 0x0008,
        Enum = 0x0010,
        Constructor = 0x0020,
        Method = 0x0040,
        Property = 0x0080,
        Field = 0x0100,
        Event = 0x0200,
        Interface = 0x0400,
        Parameter = 0x0800,
        Delegate = 0x1000,
        ReturnValue = 0x2000,
        GenericParameter = 0x4000,
        All = 0x7FFF
    }

    public sealed class AttributeUsageAttribute : Attribute
    {
        public AttributeUsageAttribute(AttributeTargets validOn) => throw null;
        public AttributeTargets ValidOn => throw null;
        public bool AllowMultiple { get => throw null; set => throw null; }
        public bool Inherited { get => throw null; set => throw null; }
    }

    public sealed class FlagsAttribute : Attribute { }

    public sealed class ParamArrayAttribute : Attribute { }

    public sealed class SerializableAttribute : Attribute { }

    public sealed class ObsoleteAttribute : Attribute
    {
        public ObsoleteAttribute() => throw null;
        public ObsoleteAttribute(string message) => throw null;
    }

    public sealed class CLSCompliantAttribute : Attribute
    {
        public CLSCompliantAttribute(bool isCompliant) => throw null;
    }

    public abstract class MarshalByRefObject { }

    public abstract class Type : Reflection.MemberInfo
    {
        public abstract string FullName { get; }
        public static Type GetTypeFromHandle(RuntimeTypeHandle handle) => throw null;
        public override string ToString() => throw null;
    }

    public class Exception
    {
        public Exception() => throw null;
        public Exception(string message) => throw null;
        public Exception(string message, Exception innerException) => throw null;
        public virtual string Message => throw null;
        public Exception InnerException => throw null;
        public virtual string StackTrace => throw null;
        public override string ToString() => throw null;
    }

    public class SystemException : Exception
    {
        public SystemException() => throw null;
        public SystemException(string message) => throw null;
        public SystemException(string message, Exception innerException) => throw null;
    }

    public class ApplicationException : Exception
    {
        public ApplicationException() => throw null;
        public ApplicationException(string message) => throw null;
    }

    public class ArgumentException : SystemException
    {
        public ArgumentException() => throw null;
        public ArgumentException(string message) => throw null;
        public ArgumentException(string message, Exception innerException) => throw null;
        public ArgumentException(string message, string paramName) => throw null;
        public virtual string ParamName => throw null;
    }

    public class ArgumentNullException : ArgumentException
    {
        public ArgumentNullException() => throw null;
        public ArgumentNullException(string paramName) => throw null;
        public ArgumentNullException(string paramName, string message) => throw null;
    }

    public class ArgumentOutOfRangeException : ArgumentException
    {
        public ArgumentOutOfRangeException() => throw null;
        public ArgumentOutOfRangeException(string paramName) => throw null;
        public ArgumentOutOfRangeException(string paramName, string message) => throw null;
    }

    public class InvalidOperationException : SystemException
    {
        public InvalidOperationException() => throw null;
        public InvalidOperationException(string message) => throw null;
        public InvalidOperationException(string message, Exception innerException) => throw null;
    }

    public class NotSupportedException : SystemException
    {
        public NotSupportedException() => throw null;
        public NotSupportedException(string message) => throw null;
    }

    public class NotImplementedException : SystemException
    {
        public NotImplementedException() => throw null;
        public NotImplementedException(string message) => throw null;
    }

    public class NullReferenceException : SystemException
    {
        public NullReferenceException() => throw null;
    }

    public class IndexOutOfRangeException : SystemException
    {
        public IndexOutOfRangeException() => throw null;
    }

    public class InvalidCastException : SystemException
    {
        public InvalidCastException() => throw null;
    }

    public class FormatException : SystemException
    {
        public FormatException() => throw null;
        public FormatException(string message) => throw null;
    }

    public class OutOfMemoryException : SystemException
    {
        public OutOfMemoryException() => throw null;
    }

    public class ObjectDisposedException : InvalidOperationException
    {
        public ObjectDisposedException(string objectName) => throw null;
    }

    public class TimeoutException : SystemException
    {
        public TimeoutException() => throw null;
    }

    public static class Math
    {
        public static int Abs(int val) => throw null;
        public static long Abs(long val) => throw null;
        public static double Abs(double val) => throw null;
        public static int Max(int val1, int val2) => throw null;
        public static long Max(long val1, long val2) => throw null;
        public static int Min(int val1, int val2) => throw null;
        public static long Min(long val1, long val2) => throw null;
    }

    public class Random
    {
        public Random() => throw null;
        public Random(int seed) => throw null;
        public virtual int Next() => throw null;
        public virtual int Next(int maxValue) => throw null;
        public virtual double NextDouble() => throw null;
        public virtual void NextBytes(byte[] buffer) => throw null;
    }

    public static class GC
    {
        public static void SuppressFinalize(object obj) => throw null;
        public static void WaitForPendingFinalizers() => throw null;
    }

    public struct TimeSpan
    {
        private long _ticks;
        public const long TicksPerMillisecond = 10000;
        public const long TicksPerSecond = TicksPerMillisecond * 1000;
        public static readonly TimeSpan Zero = new TimeSpan(0);
        public TimeSpan(long ticks) => throw null;
        public TimeSpan(int hours, int minutes, int seconds) => throw null;
        public long Ticks => throw null;
        public double TotalMilliseconds => throw null;
        public double TotalSeconds => throw null;
        public static TimeSpan FromMilliseconds(long value) => throw null;
        public static TimeSpan FromSeconds(long value) => throw null;
    }

    public struct DateTime
    {
        private ulong _ticks;
        public static DateTime UtcNow => throw null;
        public long Ticks => throw null;
    }

    public static class Console
    {
        public static void Write(string value) => throw null;
        public static void WriteLine() => throw null;
        public static void WriteLine(string value) => throw null;
    }
}
