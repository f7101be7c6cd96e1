using HelpPoint.Core;

namespace HelpPoint.Firmware.Tests
{
    /// <summary>
    /// A help point wired to fakes, built fresh inside each test (nanoFramework runs set-up methods
    /// once per class, so tests do not use them).
    /// </summary>
    public sealed class DeviceFixture
    {
        /// <summary>The branch of the fixture's device.</summary>
        public const string BranchName = "kista";

        /// <summary>The fixture's device id.</summary>
        public const string DeviceName = "kista-hp-1";

        /// <summary>The fixture's secret.</summary>
        public const string SecretValue = "s3cret";

        /// <summary>How long end states stay on screen in the fixture.</summary>
        public const int EndScreenMs = 20000;

        private DeviceFixture(MemoryStorage storage, IRandomSource random)
            : this(storage, random, false)
        {
        }

        private DeviceFixture(MemoryStorage storage, IRandomSource random, bool silent)
        {
            Clock = new FakeClock(1000);
            Storage = storage;
            Display = new RecordingDisplay();
            Mqtt = new FakeMqttConnection();
            Metrics = new FakeMetrics();
            Signals = new RecordingSignals();
            Settings = new HelpPointSettings
            {
                Branch = BranchName,
                DeviceId = DeviceName,
                Secret = SecretValue,
                FirmwareVersion = "1.0.0",
                DefaultLanguage = Languages.Swedish,
                TerminalScreenMs = EndScreenMs,
                Silent = silent
            };
            Outbox = new FileOutbox(Storage, Clock, FileOutbox.DefaultCapacity);
            Device = new HelpPointDevice(Settings, Clock, Storage, Display, Mqtt, random, Metrics, Outbox, Signals);
        }

        /// <summary>The device's durable offline queue (on <see cref="Storage"/>).</summary>
        public FileOutbox Outbox { get; private set; }

        /// <summary>The device's LED and buzzer.</summary>
        public RecordingSignals Signals { get; private set; }

        /// <summary>The device's clock.</summary>
        public FakeClock Clock { get; private set; }

        /// <summary>The device's flash.</summary>
        public MemoryStorage Storage { get; private set; }

        /// <summary>The device's display.</summary>
        public RecordingDisplay Display { get; private set; }

        /// <summary>The device's broker connection.</summary>
        public FakeMqttConnection Mqtt { get; private set; }

        /// <summary>The device's health figures.</summary>
        public FakeMetrics Metrics { get; private set; }

        /// <summary>The device's settings.</summary>
        public HelpPointSettings Settings { get; private set; }

        /// <summary>The device under test.</summary>
        public HelpPointDevice Device { get; private set; }

        /// <summary>The latest snapshot.</summary>
        public HelpPointSnapshot Snapshot
        {
            get { return Device.Snapshot; }
        }

        /// <summary>A device that has not ticked yet (not connected), with empty flash.</summary>
        public static DeviceFixture Create()
        {
            return new DeviceFixture(new MemoryStorage(), FixedRandom.Lowest());
        }

        /// <summary>A device in silent mode (no buzzer), not yet ticked.</summary>
        public static DeviceFixture CreateSilent()
        {
            return new DeviceFixture(new MemoryStorage(), FixedRandom.Lowest(), true);
        }

        /// <summary>A device with its own random source.</summary>
        public static DeviceFixture Create(IRandomSource random)
        {
            return new DeviceFixture(new MemoryStorage(), random);
        }

        /// <summary>A device that ticked once and is connected and subscribed.</summary>
        public static DeviceFixture Connected()
        {
            DeviceFixture fixture = Create();
            fixture.Device.Tick();
            return fixture;
        }

        /// <summary>The same hardware after a power cycle: same flash, fresh everything else.</summary>
        public DeviceFixture Reboot()
        {
            return new DeviceFixture(Storage, FixedRandom.Lowest());
        }

        /// <summary>A topic of this device, e.g. Topic("request").</summary>
        public static string Topic(string leaf)
        {
            return "helppoint/v1/" + BranchName + "/" + DeviceName + "/" + leaf;
        }

        /// <summary>Moves the clock and runs one tick.</summary>
        public void Advance(long ms)
        {
            Clock.Advance(ms);
            Device.Tick();
        }

        /// <summary>Runs one tick without moving the clock.</summary>
        public void Tick()
        {
            Device.Tick();
        }

        /// <summary>Press, then tick so that the request goes out.</summary>
        public bool PressAndSend(Category category, string lang)
        {
            bool created = Device.Press(category, lang);
            Device.Tick();
            return created;
        }

        /// <summary>The gateway sends the branch's config (JSON with ' for ").</summary>
        public void Config(string json)
        {
            Mqtt.Deliver(Topic("config"), Json(json), true);
        }

        /// <summary>The gateway answers live on the ticket topic (JSON with ' for ").</summary>
        public void Ticket(string json)
        {
            Mqtt.Deliver(Topic("ticket"), Json(json), false);
        }

        /// <summary>The broker replays the retained ticket (JSON with ' for ").</summary>
        public void RetainedTicket(string json)
        {
            Mqtt.Deliver(Topic("ticket"), Json(json), true);
        }

        /// <summary>The newest payload published to a topic of this device, or null.</summary>
        public string LastPublished(string leaf)
        {
            PublishedMessage message = Mqtt.LastTo(Topic(leaf));
            return message == null ? null : message.Text;
        }

        /// <summary>How many messages went to a topic of this device.</summary>
        public int PublishedCount(string leaf)
        {
            return Mqtt.PublishedTo(Topic(leaf)).Count;
        }

        /// <summary>Lets tests write JSON with single quotes; the device's string has no Replace.</summary>
        public static string Json(string singleQuoted)
        {
            char[] chars = singleQuoted.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (chars[i] == '\'')
                {
                    chars[i] = '"';
                }
            }

            return new string(chars);
        }

        /// <summary>The screen lines joined with '|' for compact assertions.</summary>
        public static string Joined(Screen screen)
        {
            string result = string.Empty;
            for (int i = 0; i < screen.Lines.Length; i++)
            {
                result = i == 0 ? screen.Lines[i] : result + "|" + screen.Lines[i];
            }

            return result;
        }
    }
}
