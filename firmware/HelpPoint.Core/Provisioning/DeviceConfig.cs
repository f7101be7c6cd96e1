using System;
using System.Text;

namespace HelpPoint.Core
{
    /// <summary>
    /// A device's provisioning: Wi-Fi, broker, identity and branch, from a JSON file on internal flash
    /// (<see cref="FileName"/>), read into a <see cref="ProvisioningFile"/> (by nanoFramework.Json on a
    /// device, by Core's parser in <see cref="Parse"/>) and checked by <see cref="FromFile"/>. Example:
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

            return data == null ? Failure(ConfigProblem.Missing, null) : Parse(data);
        }

        /// <summary>Reads a config file's bytes with Core's JSON parser (on .NET and in tests); never throws.</summary>
        public static DeviceConfig Parse(byte[] data)
        {
            if (data == null)
            {
                return Failure(ConfigProblem.Missing, null);
            }

            JsonObject root;
            try
            {
                string text = TextOf(data);
                object value;
                root = text != null && JsonParser.TryParse(text, out value) ? value as JsonObject : null;
            }
            catch (Exception)
            {
                root = null;
            }

            if (root == null)
            {
                return Failure(ConfigProblem.NotJson, null);
            }

            // Core's parser keeps JSON types, so a value of the wrong type is named here; the values themselves are checked by FromFile.
            object wifiValue = root.Get("wifi");
            object mqttValue = root.Get("mqtt");
            JsonObject wifi = wifiValue as JsonObject;
            JsonObject mqtt = mqttValue as JsonObject;
            if (wifi == null && IsGiven(wifiValue))
            {
                return Failure(ConfigProblem.InvalidField, "wifi");
            }

            if (mqtt == null && IsGiven(mqttValue))
            {
                return Failure(ConfigProblem.InvalidField, "mqtt");
            }

            ConfigProblem problem = ConfigProblem.None;
            string field = null;
            var file = new ProvisioningFile();
            if (wifi != null)
            {
                file.Wifi = new WifiSection();
                file.Wifi.Ssid = TextField(wifi, "ssid", "wifi.ssid", ref problem, ref field);
                file.Wifi.Password = TextField(wifi, "password", "wifi.password", ref problem, ref field);
            }

            if (mqtt != null)
            {
                file.Mqtt = new MqttSection();
                file.Mqtt.Host = TextField(mqtt, "host", "mqtt.host", ref problem, ref field);
                file.Mqtt.Tls = BoolField(mqtt, "tls", "mqtt.tls", ref problem, ref field);
                file.Mqtt.Port = PortField(mqtt, ref problem, ref field);
            }

            file.Device = TextField(root, "device", "device", ref problem, ref field);
            file.Secret = TextField(root, "secret", "secret", ref problem, ref field);
            file.Branch = TextField(root, "branch", "branch", ref problem, ref field);
            file.Language = TextField(root, "language", "language", ref problem, ref field);
            file.Silent = BoolField(root, "silent", "silent", ref problem, ref field);
            return problem != ConfigProblem.None ? Failure(problem, field) : FromFile(file);
        }

        /// <summary>
        /// Checks the values of a provisioning file however it was read (nanoFramework.Json on a device,
        /// <see cref="Parse"/> here) and applies the defaults; never throws. Null means the file was not JSON.
        /// </summary>
        public static DeviceConfig FromFile(ProvisioningFile file)
        {
            if (file == null)
            {
                return Failure(ConfigProblem.NotJson, null);
            }

            if (file.Wifi == null)
            {
                return Failure(ConfigProblem.MissingField, "wifi");
            }

            if (file.Mqtt == null)
            {
                return Failure(ConfigProblem.MissingField, "mqtt");
            }

            // Each check records only the first problem, so the screen names the first thing to fix.
            ConfigProblem problem = ConfigProblem.None;
            string field = null;
            var config = new DeviceConfig();
            config.WifiSsid = Required(file.Wifi.Ssid, "wifi.ssid", 32, ref problem, ref field);
            config.WifiPassword = Optional(file.Wifi.Password, "wifi.password", 64, string.Empty, ref problem, ref field);
            config.MqttHost = Required(file.Mqtt.Host, "mqtt.host", 253, ref problem, ref field);
            config.MqttTls = file.Mqtt.Tls;
            config.MqttPort = file.Mqtt.Port == 0 ? (file.Mqtt.Tls ? 8883 : 1883) : file.Mqtt.Port;
            if ((config.MqttPort < 1 || config.MqttPort > 65535) && problem == ConfigProblem.None)
            {
                problem = ConfigProblem.InvalidField;
                field = "mqtt.port";
            }

            config.DeviceId = RequiredName(file.Device, "device", ref problem, ref field);
            config.Secret = Required(file.Secret, "secret", 128, ref problem, ref field);
            config.Branch = RequiredName(file.Branch, "branch", ref problem, ref field);
            config.Language = Optional(file.Language, "language", 2, Languages.Swedish, ref problem, ref field);
            config.Silent = file.Silent;
            if (problem == ConfigProblem.None && !Languages.IsValidCode(config.Language))
            {
                problem = ConfigProblem.InvalidField;
                field = "language";
            }

            return problem != ConfigProblem.None ? Failure(problem, field) : config;
        }

        /// <summary>A config that cannot start the device, for <paramref name="problem"/> about <paramref name="field"/> (may be null).</summary>
        public static DeviceConfig Failure(ConfigProblem problem, string field)
        {
            var config = new DeviceConfig();
            config.Problem = problem;
            config.ProblemField = field;
            return config;
        }

        /// <summary>The file's text without a UTF-8 byte order mark; null when it is empty or larger than <see cref="MaxBytes"/>.</summary>
        public static string TextOf(byte[] data)
        {
            if (data == null || data.Length == 0 || data.Length > MaxBytes)
            {
                return null;
            }

            int start = 0;
            if (data.Length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
            {
                // Windows editors like to start UTF-8 files with a byte order mark.
                start = 3;
            }

            return Encoding.UTF8.GetString(data, start, data.Length - start);
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

        private static bool IsGiven(object value)
        {
            return value != null && value != JsonParser.Null;
        }

        private static void Wrong(string path, ref ConfigProblem problem, ref string field)
        {
            if (problem == ConfigProblem.None)
            {
                problem = ConfigProblem.InvalidField;
                field = path;
            }
        }

        private static string TextField(JsonObject obj, string name, string path, ref ConfigProblem problem, ref string field)
        {
            object value = obj.Get(name);
            if (!IsGiven(value))
            {
                return null;
            }

            string text = value as string;
            if (text == null)
            {
                Wrong(path, ref problem, ref field);
            }

            return text;
        }

        private static bool BoolField(JsonObject obj, string name, string path, ref ConfigProblem problem, ref string field)
        {
            object value = obj.Get(name);
            if (!IsGiven(value))
            {
                return false;
            }

            if (value is bool)
            {
                return (bool)value;
            }

            Wrong(path, ref problem, ref field);
            return false;
        }

        private static int PortField(JsonObject obj, ref ConfigProblem problem, ref string field)
        {
            object value = obj.Get("port");
            if (!IsGiven(value))
            {
                return 0;
            }

            if (value is long)
            {
                // An explicit 0 or a number out of range stays invalid (0 in the file's values means "not given").
                long port = (long)value;
                return port >= 1 && port <= 65535 ? (int)port : -1;
            }

            Wrong("mqtt.port", ref problem, ref field);
            return 0;
        }

        private static string Required(string text, string path, int maxLength, ref ConfigProblem problem, ref string field)
        {
            if (problem == ConfigProblem.None && (text == null || text.Length == 0 || text.Length > maxLength))
            {
                problem = text == null ? ConfigProblem.MissingField : ConfigProblem.InvalidField;
                field = path;
            }

            return text;
        }

        private static string Optional(string text, string path, int maxLength, string fallback, ref ConfigProblem problem, ref string field)
        {
            if (text == null)
            {
                return fallback;
            }

            if (text.Length > maxLength)
            {
                Wrong(path, ref problem, ref field);
            }

            return text;
        }

        private static string RequiredName(string text, string path, ref ConfigProblem problem, ref string field)
        {
            Required(text, path, Topics.MaxNameLength, ref problem, ref field);
            if (problem == ConfigProblem.None && !Topics.IsValidName(text))
            {
                problem = ConfigProblem.InvalidField;
                field = path;
            }

            return text;
        }
    }
}
