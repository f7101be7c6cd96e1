// Stub of nanoFramework.TestFramework 3.0.80 (assembly nanoFramework.TestFramework): the published signatures the firmware uses, bodies that throw.
// Compared member for member (names, parameter and return types, base types, enum values) with
// github.com/nanoframework/nanoFramework.TestFramework at main (commit d4fa55eb58a9ef2f4635e87da79d42e6c49b04b4).
// (The newest commit when compared; the package version is computed at build time and has no tag.)
namespace nanoFramework.TestFramework
{
    using System;
    using System.Runtime.CompilerServices;

    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public class TestClassAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class TestMethodAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class SetupAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class CleanupAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public class DataRowAttribute : Attribute
    {
        public DataRowAttribute(params object[] methodParameters) => throw null;
        public object[] MethodParameters => throw null;
    }

    public sealed class Assert
    {
        public static void AreEqual(bool expected, bool actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreEqual(byte expected, byte actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreEqual(char expected, char actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreEqual(double expected, double actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreEqual(float expected, float actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreEqual(int expected, int actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreEqual(long expected, long actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreEqual(object expected, object actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreEqual(sbyte expected, sbyte actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreEqual(short expected, short actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreEqual(string expected, string actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreEqual(uint expected, uint actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreEqual(ulong expected, ulong actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreEqual(ushort expected, ushort actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreNotEqual(int notExpected, int actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreNotEqual(long notExpected, long actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreNotEqual(object notExpected, object actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreNotEqual(string notExpected, string actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreSame(object expected, object actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void AreNotSame(object notExpected, object actual, [CallerArgumentExpression("actual")] string message = "") => throw null;
        public static void IsTrue(bool condition, [CallerArgumentExpression("condition")] string message = "") => throw null;
        public static void IsFalse(bool condition, [CallerArgumentExpression("condition")] string message = "") => throw null;
        public static void IsNull(object value, [CallerArgumentExpression("value")] string message = "") => throw null;
        public static void IsNotNull(object value, [CallerArgumentExpression("value")] string message = "") => throw null;
        public static void Contains(string expected, string value, [CallerArgumentExpression("value")] string message = "") => throw null;
        public static void StartsWith(string expected, string value, [CallerArgumentExpression("value")] string message = "") => throw null;
        public static void EndsWith(string expected, string value, [CallerArgumentExpression("value")] string message = "") => throw null;
        public static void ThrowsException(Type exception, Action action, [CallerArgumentExpression("action")] string message = "") => throw null;
        public static void SkipTest(string message = null) => throw null;
    }
}
