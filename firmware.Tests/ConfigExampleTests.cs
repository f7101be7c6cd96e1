#if !NANOFRAMEWORK_1_0
using System;
using System.IO;
using HelpPoint.Core;
using HelpPoint.NanoCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace HelpPoint.Firmware.Tests
{
    /// <summary>The example config file in the repository (the one docs/firmware.md tells users to copy) is one the device accepts.</summary>
    [TestClass]
    public class ConfigExampleTests
    {
        [TestMethod]
        public void Example_config_file_provisions_a_device()
        {
            string root = NanoChecker.FindRepositoryRoot(AppContext.BaseDirectory);
            DeviceConfig config = DeviceConfig.Parse(File.ReadAllBytes(Path.Combine(root, "firmware", "config.example.json")));

            Assert.IsTrue(config.IsValid, config.Problem + " " + config.ProblemField);
            Assert.AreEqual("kista-hp-1", config.DeviceId);
            Assert.AreEqual(8883, config.MqttPort);
        }
    }
}
#endif
