#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;

namespace HelpPoint.Firmware.Tests
{
    /// <summary>Code that is expected to throw.</summary>
    public delegate void ThrowingCode();

    /// <summary>
    /// Exception assertions that read the same on both test frameworks: nanoFramework has
    /// Assert.ThrowsException(Type, Action), MSTest 4 only the generic Assert.ThrowsExactly&lt;T&gt;,
    /// which the device's compiler subset cannot express.
    /// </summary>
    public static class Expect
    {
        /// <summary>Passes when <paramref name="code"/> throws exactly <paramref name="exceptionType"/>.</summary>
        public static void Throws(Type exceptionType, ThrowingCode code)
        {
#if NANOFRAMEWORK_1_0
            Assert.ThrowsException(exceptionType, () => code());
#else
            Exception caught = null;
            try
            {
                code();
            }
            catch (Exception e)
            {
                caught = e;
            }

            Assert.IsNotNull(caught, "expected " + exceptionType.Name + ", but nothing was thrown");
            Assert.AreEqual(exceptionType, caught.GetType(), "wrong exception: " + caught.Message);
#endif
        }

        /// <summary>Passes when <paramref name="code"/> throws nothing.</summary>
        public static void NoThrow(ThrowingCode code)
        {
            Exception caught = null;
            try
            {
                code();
            }
            catch (Exception e)
            {
                caught = e;
            }

            Assert.IsNull(caught, caught == null ? string.Empty : "unexpected " + caught.GetType().Name + ": " + caught.Message);
        }
    }
}
