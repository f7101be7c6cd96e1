// A deliberate violation of every device rule, one per marked line. firmware.Tests' NanoCheckTests
// compiles this file with the check and fails unless each "expect:" below is reported on its line.
// It is never built into anything.
using System;
using System.Collections;

namespace Fixture
{
    public class Box<T> // expect: NANO001
    {
    }

    public enum Colour
    {
        Red = 0,
        Green = 1
    }

    public interface IGreeter
    {
        string Greet() { return "hi"; } // expect: NANO009
    }

    public record Point(int X, int Y); // expect: NANO005

    public class Violations
    {
        public void Generics()
        {
            var list = new System.Collections.Generic.List<int>(); // expect: NANO001
        }

        public object Linq(int[] numbers)
        {
            return from n in numbers select n; // expect: NANO002
        }

        public async void Async() // expect: NANO003
        {
            await Later(); // expect: NANO003
        }

        public object Later()
        {
            return null;
        }

        public void Spans()
        {
            Span<byte> buffer = stackalloc byte[8]; // expect: NANO004
        }

        public (int, int) Tuple() // expect: NANO005
        {
            return (1, 2); // expect: NANO005
        }

        public string EnumNames(Colour colour)
        {
            string a = colour.ToString(); // expect: NANO006
            string b = "colour " + colour; // expect: NANO006
            Array all = Enum.GetValues(typeof(Colour)); // expect: NANO006
            return a + b;
        }

        public string Formats(int value, double ratio)
        {
            string ok = value.ToString("D6") + ratio.ToString("F1") + value.ToString("X4");
            string percent = ratio.ToString("P"); // expect: NANO007
            string money = $"{value:C}"; // expect: NANO007
            return ok + percent + money;
        }

        public IEnumerable Iterator()
        {
            yield return 1; // expect: NANO008
        }

        public int? Maybe() // expect: NANO010
        {
            return null;
        }

        public void MissingApis()
        {
            string line = Console.ReadLine(); // expect: CS0117
            System.Threading.Tasks.Task.Delay(1); // expect: CS0234
        }
    }
}
