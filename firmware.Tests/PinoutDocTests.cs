#if !NANOFRAMEWORK_1_0
using System;
using System.IO;
using System.Text.RegularExpressions;
using HelpPoint.NanoCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace HelpPoint.Firmware.Tests
{
    /// <summary>hardware/pinout.md and the board-configuration classes name the same pins. .NET only: it reads files.</summary>
    [TestClass]
    public class PinoutDocTests
    {
        private static readonly string Root = NanoChecker.FindRepositoryRoot(AppContext.BaseDirectory);

        [TestMethod]
        [DataRow("firmware/HelpPoint.Button/ButtonBoardConfig.cs", 12)]
        [DataRow("firmware/HelpPoint.Board/BoardConfig.cs", 7)]
        public void Every_pin_of_the_board_configuration_is_in_the_pin_table(string configFile, int expectedPins)
        {
            string config = File.ReadAllText(Path.Combine(Root, configFile));
            string pinout = File.ReadAllText(Path.Combine(Root, "hardware", "pinout.md"));
            int found = 0;

            foreach (Match m in Regex.Matches(config, @"const int (\w+Pin) = (\d+);"))
            {
                AssertRow(pinout, m.Groups[1].Value, m.Groups[2].Value);
                found++;
            }

            Match array = Regex.Match(config, @"ButtonPins = new int\[\] \{([^}]*)\}");
            if (array.Success)
            {
                string[] pins = array.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries);
                for (int i = 0; i < pins.Length; i++)
                {
                    AssertRow(pinout, "ButtonPins[" + i + "]", pins[i]);
                    found++;
                }
            }

            Assert.AreEqual(expectedPins, found, "pins found in " + configFile);
        }

        private static void AssertRow(string pinout, string name, string gpio)
        {
            bool ok = Regex.IsMatch(pinout, @"^\|[^\n]*\| GPIO " + gpio + @" \| `" + Regex.Escape(name) + @"` \|", RegexOptions.Multiline);
            Assert.IsTrue(ok, "hardware/pinout.md has no row with GPIO " + gpio + " for `" + name + "`");
        }
    }
}
#endif
