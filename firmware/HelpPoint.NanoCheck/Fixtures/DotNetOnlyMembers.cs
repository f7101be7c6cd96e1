// Plain C# 9 that builds on .NET but not on the device: members and types that .NET's base library
// has and nanoFramework's mscorlib (nanoFramework.CoreLibrary) does not. firmware.Tests' NanoCheckTests
// fails unless the check, compiling against the real mscorlib, reports each marked line.
namespace Fixture
{
    public class DotNetOnlyMembers
    {
        public string Dashes(string text)
        {
            return text.Replace("-", " "); // expect: CS1061
        }

        public bool Blank(string text)
        {
            return string.IsNullOrWhiteSpace(text); // expect: CS0117
        }

        public int Larger(int a, int b)
        {
            // Math is in the package nanoFramework.System.Math, which Core does not reference.
            return System.Math.Max(a, b); // expect: CS0234
        }

        public int Allowed(string text)
        {
            return text.IndexOf('-') + text.Length;
        }
    }
}
