using System;
using System.IO;
using HelpPoint.Core;
using nanoFramework.Json;

namespace HelpPoint.Device
{
    /// <summary>
    /// Reads the provisioning file (<c>I:\config.json</c>) with nanoFramework.Json into Core's
    /// <see cref="ProvisioningFile"/>, which Core then checks (<see cref="DeviceConfig.FromFile"/>).
    /// Read once at start, so the library's reflection-based deserializer costs nothing later; the
    /// MQTT messages go through Core's allocation-aware codec instead.
    /// </summary>
    public static class JsonConfigFile
    {
        /// <summary>Loads and checks the file at <paramref name="path"/>; never throws.</summary>
        public static DeviceConfig Load(string path)
        {
            string text;
            try
            {
                if (!File.Exists(path))
                {
                    return DeviceConfig.Failure(ConfigProblem.Missing, null);
                }

                text = DeviceConfig.TextOf(File.ReadAllBytes(path));
            }
            catch (Exception)
            {
                return DeviceConfig.Failure(ConfigProblem.Missing, null);
            }

            ProvisioningFile file = null;
            if (text != null)
            {
                try
                {
                    // The file's keys are lower case ("wifi", "ssid"), the properties Pascal case.
                    var options = new JsonSerializerOptions();
                    options.PropertyNameCaseInsensitive = true;
                    file = JsonConvert.DeserializeObject(text, typeof(ProvisioningFile), options) as ProvisioningFile;
                }
                catch (Exception)
                {
                    // Not JSON, or a value of the wrong type ("port": "1883"): the setup screen says "not valid JSON".
                    file = null;
                }
            }

            return DeviceConfig.FromFile(file);
        }
    }
}
