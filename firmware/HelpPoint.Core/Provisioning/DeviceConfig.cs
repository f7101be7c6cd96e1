using System;
using System.Text;

namespace HelpPoint.Core
{
    /// <summary>
    /// A device's provisioning: Wi-Fi, broker, identity and branch, read from a JSON file on internal
    /// flash (<see cref="FileName"/>) with Core's own parser. Example:
    /// <code>
    /// {"wifi":{"ssid":"Library-IoT","password":"…"},
    ///  "mqtt":{"host":"192.0.2.10","port":8883,"tls":true},
    ///  "device":"kista-hp-1","secret":"…","branch":"kista",
    ///  "language":"sv","silent":false}
    /// </code>
    /// <c>mqtt.port</c> defaults to 1883 (8883 with TLS), <c>mqtt.tls</c> to false, <c>language</c>
    /// (the display's default, any ISO 639-1 code the phrase resource has) to sv, <c>silent</c> (no buzzer) to false. Everything else is
    /// required. A missing or broken file gives a <see cref="Problem"/> that the setup screen shows.
    /// </summary>
    public sealed class DeviceConfig
    {
        /// <summary>The file name on internal flash.</summary>
        public const string FileName = "config.json";

        /// <summary>The largest config file read.</summary>
        public const int MaxBytes = 2048;

        private DeviceConfig()
        {
        }

        /// <summary>Wi-Fi network name.</summary>
        public string WifiSsid { get; private set; }

        /// <summary>Wi-Fi password (empty for an open network).</summary>
        public string WifiPassword { get; private set; }

        /// <summary>Broker host name or address.</summary>
        public string MqttHost { get; private set; }

        /// <summary>Broker TCP port.</summary>
        public int MqttPort { get; private set; }

        /// <summary>True to connect with TLS.</summary>
        public bool MqttTls { get; private set; }

        /// <summary>The device id (MQTT user and client id).</summary>
        public string DeviceId { get; private set; }

        /// <summary>The per-device secret (MQTT password).</summary>
        public string Secret { get; private set; }

        /// <summary>The branch.</summary>
        public string Branch { get; private set; }

        /// <summary>The display's default language (ISO 639-1; shown in bitmaps when the phrase resource has it, else sv).</summary>
        public string Language { get; private set; }

        /// <summary>True when the buzzer must stay quiet.</summary>
        public bool Silent { get; private set; }

        /// <summary>What is wrong, or <see cref="ConfigProblem.None"/>.</summary>
        public ConfigProblem Problem { get; private set; }

        /// <summary>The field the problem is about (e.g. "wifi.ssid"), or null.</summary>
        public string ProblemField { get; private set; }

        /// <summary>True when the device can start with this config.</summary>
        public bool IsValid
        {
            get { return Problem == ConfigProblem.None; }
        }

        /// <summary>Reads the config from storage; never throws.</summary>
        public static DeviceConfig Load(IStorage storage)
        {
            byte[] data;
            try
            {
                data = storage.ReadAll(FileName);
            }
            catch (Exception)
            {
                data = null;
            }

            return data == null ? Failed(ConfigProblem.Missing, null) : Parse(data);
        }

        /// <summary>Reads a config file's bytes; never throws.</summary>
        public static DeviceConfig Parse(byte[] data)
        {
            if (data == null)
            {
                return Failed(ConfigProblem.Missing, null);
            }

            JsonObject root;
            try
            {
                root = Read(data);
            }
            catch (Exception)
            {
                root = null;
            }

            if (root == null)
            {
                return Failed(ConfigProblem.NotJson, null);
            }

            var config = new DeviceConfig();
            JsonObject wifi = root.Get("wifi") as JsonObject;
            JsonObject mqtt = root.Get("mqtt") as JsonObject;
            if (wifi == null)
            {
                return Failed(root.Get("wifi") == null ? ConfigProblem.MissingField : ConfigProblem.InvalidField, "wifi");
            }

            if (mqtt == null)
            {
                return Failed(root.Get("mqtt") == null ? ConfigProblem.MissingField : ConfigProblem.InvalidField, "mqtt");
            }

            string problemField = null;
            ConfigProblem problem = ConfigProblem.None;

            config.WifiSsid = RequiredText(wifi, "ssid", "wifi.ssid", 32, ref problem, ref problemField);
            config.WifiPassword = OptionalText(wifi, "password", "wifi.password", 64, string.Empty, ref problem, ref problemField);
            config.MqttHost = RequiredText(mqtt, "host", "mqtt.host", 253, ref problem, ref problemField);
            config.MqttTls = OptionalBool(mqtt, "tls", "mqtt.tls", false, ref problem, ref problemField);
            config.MqttPort = OptionalPort(mqtt, config.MqttTls ? 8883 : 1883, ref problem, ref problemField);
            config.DeviceId = RequiredName(root, "device", ref problem, ref problemField);
            config.Secret = RequiredText(root, "secret", "secret", 128, ref problem, ref problemField);
            config.Branch = RequiredName(root, "branch", ref problem, ref problemField);
            config.Language = OptionalText(root, "language", "language", 2, Languages.Swedish, ref problem, ref problemField);
            config.Silent = OptionalBool(root, "silent", "silent", false, ref problem, ref problemField);
            if (problem == ConfigProblem.None && !Languages.IsValidCode(config.Language))
            {
                problem = ConfigProblem.InvalidField;
                problemField = "language";
            }

            if (problem != ConfigProblem.None)
            {
                return Failed(problem, problemField);
            }

            return config;
        }

        /// <summary>The settings a help point runs with.</summary>
        public HelpPointSettings ToSettings(string firmwareVersion)
        {
            return new HelpPointSettings
            {
                Branch = Branch,
                DeviceId = DeviceId,
                Secret = Secret,
                FirmwareVersion = firmwareVersion,
                DefaultLanguage = Language,
                Silent = Silent
            };
        }

        private static DeviceConfig Failed(ConfigProblem problem, string field)
        {
            var config = new DeviceConfig();
            config.Problem = problem;
            config.ProblemField = field;
            return config;
        }

        private static JsonObject Read(byte[] data)
        {
            if (data.Length == 0 || data.Length > MaxBytes)
            {
                return null;
            }

            int start = 0;
            if (data.Length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
            {
                // Windows editors like to start UTF-8 files with a byte order mark.
                start = 3;
            }

            string text = Encoding.UTF8.GetString(data, start, data.Length - start);
            object value;
            if (!JsonParser.TryParse(text, out value))
            {
                return null;
            }

            return value as JsonObject;
        }

        // Each reader records only the first problem, so the screen names the first thing to fix.
        private static string RequiredText(JsonObject obj, string name, string path, int maxLength, ref ConfigProblem problem, ref string field)
        {
            object value = obj.Get(name);
            string text = value as string;
            if (problem != ConfigProblem.None)
            {
                return text;
            }

            if (value == null || value == JsonParser.Null)
            {
                problem = ConfigProblem.MissingField;
                field = path;
            }
            else if (text == null || text.Length == 0 || text.Length > maxLength)
            {
                problem = ConfigProblem.InvalidField;
                field = path;
            }

            return text;
        }

        private static string OptionalText(JsonObject obj, string name, string path, int maxLength, string fallback, ref ConfigProblem problem, ref string field)
        {
            object value = obj.Get(name);
            if (value == null || value == JsonParser.Null)
            {
                return fallback;
            }

            string text = value as string;
            if ((text == null || text.Length > maxLength) && problem == ConfigProblem.None)
            {
                problem = ConfigProblem.InvalidField;
                field = path;
            }

            return text ?? fallback;
        }

        private static bool OptionalBool(JsonObject obj, string name, string path, bool fallback, ref ConfigProblem problem, ref string field)
        {
            object value = obj.Get(name);
            if (value == null || value == JsonParser.Null)
            {
                return fallback;
            }

            if (value is bool)
            {
                return (bool)value;
            }

            if (problem == ConfigProblem.None)
            {
                problem = ConfigProblem.InvalidField;
                field = path;
            }

            return fallback;
        }

        private static int OptionalPort(JsonObject obj, int fallback, ref ConfigProblem problem, ref string field)
        {
            object value = obj.Get("port");
            if (value == null || value == JsonParser.Null)
            {
                return fallback;
            }

            if (value is long && (long)value >= 1 && (long)value <= 65535)
            {
                return (int)(long)value;
            }

            if (problem == ConfigProblem.None)
            {
                problem = ConfigProblem.InvalidField;
                field = "mqtt.port";
            }

            return fallback;
        }

        private static string RequiredName(JsonObject obj, string name, ref ConfigProblem problem, ref string field)
        {
            string text = RequiredText(obj, name, name, Topics.MaxNameLength, ref problem, ref field);
            if (problem == ConfigProblem.None && !Topics.IsValidName(text))
            {
                problem = ConfigProblem.InvalidField;
                field = name;
            }

            return text;
        }
    }
}
