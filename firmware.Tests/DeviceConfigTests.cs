#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Text;
using HelpPoint.Core;

namespace HelpPoint.Firmware.Tests
{
    /// <summary>Provisioning from config.json on internal flash, and the setup screen when it is missing or broken.</summary>
    [TestClass]
    public class DeviceConfigTests
    {
        private const string Full = "{'wifi':{'ssid':'Library-IoT','password':'pw 123'},'mqtt':{'host':'192.0.2.10','port':8884,'tls':true},"
            + "'device':'kista-hp-1','secret':'s3cret','branch':'kista','language':'en','silent':true}";

        private static DeviceConfig Parse(string singleQuoted)
        {
            return DeviceConfig.Parse(Encoding.UTF8.GetBytes(DeviceFixture.Json(singleQuoted)));
        }

        [TestMethod]
        public void Complete_config_is_read_field_by_field()
        {
            DeviceConfig c = Parse(Full);

            Assert.IsTrue(c.IsValid);
            Assert.AreEqual("Library-IoT", c.WifiSsid);
            Assert.AreEqual("pw 123", c.WifiPassword);
            Assert.AreEqual("192.0.2.10", c.MqttHost);
            Assert.AreEqual(8884, c.MqttPort);
            Assert.IsTrue(c.MqttTls);
            Assert.AreEqual("kista-hp-1", c.DeviceId);
            Assert.AreEqual("s3cret", c.Secret);
            Assert.AreEqual("kista", c.Branch);
            Assert.AreEqual("en", c.Language);
            Assert.IsTrue(c.Silent);
        }

        [TestMethod]
        public void Optional_fields_have_defaults()
        {
            DeviceConfig c = Parse("{'wifi':{'ssid':'x'},'mqtt':{'host':'h'},'device':'d-1','secret':'s','branch':'b'}");

            Assert.IsTrue(c.IsValid);
            Assert.AreEqual(string.Empty, c.WifiPassword);
            Assert.AreEqual(1883, c.MqttPort);
            Assert.IsFalse(c.MqttTls);
            Assert.AreEqual("sv", c.Language);
            Assert.IsFalse(c.Silent);
        }

        [TestMethod]
        public void Tls_without_a_port_uses_8883()
        {
            Assert.AreEqual(8883, Parse("{'wifi':{'ssid':'x'},'mqtt':{'host':'h','tls':true},'device':'d','secret':'s','branch':'b'}").MqttPort);
        }

        [TestMethod]
        public void Byte_order_mark_and_whitespace_are_fine()
        {
            byte[] text = Encoding.UTF8.GetBytes(DeviceFixture.Json("\r\n{ 'wifi' : {'ssid':'x'},\n 'mqtt':{'host':'h'},'device':'d','secret':'s','branch':'b' }\n"));
            var data = new byte[text.Length + 3];
            data[0] = 0xEF;
            data[1] = 0xBB;
            data[2] = 0xBF;
            System.Array.Copy(text, 0, data, 3, text.Length);

            Assert.IsTrue(DeviceConfig.Parse(data).IsValid);
        }

        [TestMethod]
        public void Missing_file_says_so()
        {
            DeviceConfig c = DeviceConfig.Load(new MemoryStorage());

            Assert.IsFalse(c.IsValid);
            Assert.AreEqual((int)ConfigProblem.Missing, (int)c.Problem);
        }

        [TestMethod]
        public void File_on_flash_is_loaded()
        {
            var storage = new MemoryStorage();
            storage.WriteText(DeviceConfig.FileName, DeviceFixture.Json(Full));

            Assert.AreEqual("kista-hp-1", DeviceConfig.Load(storage).DeviceId);
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("{")]
        [DataRow("[1,2]")]
        [DataRow("wifi=Library")]
        [DataRow("{'wifi':{'ssid':'x'},}")]
        public void Broken_json_is_named_as_such(string text)
        {
            DeviceConfig c = Parse(text);

            Assert.AreEqual((int)ConfigProblem.NotJson, (int)c.Problem);
        }

        [TestMethod]
        [DataRow("{'mqtt':{'host':'h'},'device':'d','secret':'s','branch':'b'}", "wifi")]
        [DataRow("{'wifi':{'ssid':'x'},'device':'d','secret':'s','branch':'b'}", "mqtt")]
        [DataRow("{'wifi':{},'mqtt':{'host':'h'},'device':'d','secret':'s','branch':'b'}", "wifi.ssid")]
        [DataRow("{'wifi':{'ssid':'x'},'mqtt':{'port':1883},'device':'d','secret':'s','branch':'b'}", "mqtt.host")]
        [DataRow("{'wifi':{'ssid':'x'},'mqtt':{'host':'h'},'secret':'s','branch':'b'}", "device")]
        [DataRow("{'wifi':{'ssid':'x'},'mqtt':{'host':'h'},'device':'d','branch':'b'}", "secret")]
        [DataRow("{'wifi':{'ssid':'x'},'mqtt':{'host':'h'},'device':'d','secret':'s'}", "branch")]
        [DataRow("{'wifi':{'ssid':null},'mqtt':{'host':'h'},'device':'d','secret':'s','branch':'b'}", "wifi.ssid")]
        public void Missing_required_field_is_named(string text, string field)
        {
            DeviceConfig c = Parse(text);

            Assert.AreEqual((int)ConfigProblem.MissingField, (int)c.Problem);
            Assert.AreEqual(field, c.ProblemField);
        }

        [TestMethod]
        [DataRow("{'wifi':'Library','mqtt':{'host':'h'},'device':'d','secret':'s','branch':'b'}", "wifi")]
        [DataRow("{'wifi':{'ssid':''},'mqtt':{'host':'h'},'device':'d','secret':'s','branch':'b'}", "wifi.ssid")]
        [DataRow("{'wifi':{'ssid':'x','password':7},'mqtt':{'host':'h'},'device':'d','secret':'s','branch':'b'}", "wifi.password")]
        [DataRow("{'wifi':{'ssid':'x'},'mqtt':{'host':'h','port':0},'device':'d','secret':'s','branch':'b'}", "mqtt.port")]
        [DataRow("{'wifi':{'ssid':'x'},'mqtt':{'host':'h','port':70000},'device':'d','secret':'s','branch':'b'}", "mqtt.port")]
        [DataRow("{'wifi':{'ssid':'x'},'mqtt':{'host':'h','port':'1883'},'device':'d','secret':'s','branch':'b'}", "mqtt.port")]
        [DataRow("{'wifi':{'ssid':'x'},'mqtt':{'host':'h','tls':'yes'},'device':'d','secret':'s','branch':'b'}", "mqtt.tls")]
        [DataRow("{'wifi':{'ssid':'x'},'mqtt':{'host':'h'},'device':'Kista HP','secret':'s','branch':'b'}", "device")]
        [DataRow("{'wifi':{'ssid':'x'},'mqtt':{'host':'h'},'device':'d','secret':'s','branch':'kista/1'}", "branch")]
        [DataRow("{'wifi':{'ssid':'x'},'mqtt':{'host':'h'},'device':'d','secret':'s','branch':'b','language':'AR'}", "language")]
        [DataRow("{'wifi':{'ssid':'x'},'mqtt':{'host':'h'},'device':'d','secret':'s','branch':'b','silent':1}", "silent")]
        public void Invalid_value_is_named(string text, string field)
        {
            DeviceConfig c = Parse(text);

            Assert.AreEqual((int)ConfigProblem.InvalidField, (int)c.Problem);
            Assert.AreEqual(field, c.ProblemField);
        }

        [TestMethod]
        public void File_values_as_nanoFramework_Json_fills_them_are_checked_and_defaulted()
        {
            // On a device nanoFramework.Json fills ProvisioningFile; absent numbers stay 0 and absent texts null.
            var file = new ProvisioningFile();
            file.Wifi = new WifiSection();
            file.Wifi.Ssid = "Library-IoT";
            file.Mqtt = new MqttSection();
            file.Mqtt.Host = "h";
            file.Mqtt.Tls = true;
            file.Device = "kista-hp-1";
            file.Secret = "s";
            file.Branch = "kista";

            DeviceConfig c = DeviceConfig.FromFile(file);

            Assert.IsTrue(c.IsValid);
            Assert.AreEqual(8883, c.MqttPort);
            Assert.AreEqual(string.Empty, c.WifiPassword);
            Assert.AreEqual("sv", c.Language);

            file.Mqtt.Port = 70000;
            Assert.AreEqual("mqtt.port", DeviceConfig.FromFile(file).ProblemField);
            file.Mqtt.Port = 1883;
            file.Branch = "Kista 1";
            Assert.AreEqual("branch", DeviceConfig.FromFile(file).ProblemField);
            file.Wifi = null;
            Assert.AreEqual((int)ConfigProblem.MissingField, (int)DeviceConfig.FromFile(file).Problem);
            Assert.AreEqual("wifi", DeviceConfig.FromFile(file).ProblemField);
        }

        [TestMethod]
        public void File_the_json_library_could_not_read_is_not_json()
        {
            Assert.AreEqual((int)ConfigProblem.NotJson, (int)DeviceConfig.FromFile(null).Problem);
            Assert.IsNull(DeviceConfig.TextOf(new byte[0]));
            Assert.IsNull(DeviceConfig.TextOf(new byte[DeviceConfig.MaxBytes + 1]));
            Assert.AreEqual("{}", DeviceConfig.TextOf(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}' }));
        }

        [TestMethod]
        public void Oversized_file_is_refused_without_parsing()
        {
            var data = new byte[DeviceConfig.MaxBytes + 1];
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = (byte)' ';
            }

            Assert.AreEqual((int)ConfigProblem.NotJson, (int)DeviceConfig.Parse(data).Problem);
        }

        [TestMethod]
        public void Config_becomes_help_point_settings()
        {
            HelpPointSettings s = Parse(Full).ToSettings("1.2.3");

            Assert.AreEqual("kista", s.Branch);
            Assert.AreEqual("kista-hp-1", s.DeviceId);
            Assert.AreEqual("s3cret", s.Secret);
            Assert.AreEqual("1.2.3", s.FirmwareVersion);
            Assert.AreEqual("en", s.DefaultLanguage);
            Assert.IsTrue(s.Silent);
        }

        [TestMethod]
        [DataRow("sv", 1, "", "Inställning behövs||config.json saknas på|I:||Se docs/firmware.md")]
        [DataRow("en", 1, "", "Setup needed||config.json is|missing on I:||See docs/firmware.md")]
        [DataRow("sv", 2, "", "Inställning behövs||config.json är inte|giltig JSON||Se docs/firmware.md")]
        [DataRow("en", 3, "wifi.ssid", "Setup needed||Missing: wifi.ssid||See docs/firmware.md")]
        [DataRow("sv", 4, "mqtt.port", "Inställning behövs||Ogiltigt: mqtt.port||Se docs/firmware.md")]
        public void Setup_screen_says_what_to_fix(string language, int problem, string field, string expected)
        {
            Screen screen = Screens.Setup((ConfigProblem)problem, field, language);

            Assert.AreEqual(expected, DeviceFixture.Joined(screen));
            Assert.AreEqual("setup", screen.StateName);
            Assert.IsFalse(screen.Truncated);
        }
    }
}
