using HelpPoint.Core;
using HelpPoint.Simulator.Adapters;
using Microsoft.Extensions.Logging.Abstractions;

namespace HelpPoint.Simulator.Devices;

/// <summary>
/// One help point on .NET: HelpPoint.Core's <see cref="HelpPointDevice"/> with MQTTnet, files and a
/// virtual display, ticking on its own thread. Thread-safe; usable in-process from tests.
/// </summary>
/// <example>
/// <code>
/// using var hp = new VirtualHelpPoint(new VirtualHelpPointOptions { DeviceId = "demo-hp-1", MqttPort = port });
/// hp.Start();
/// hp.WaitForConnected(TimeSpan.FromSeconds(10));
/// hp.Press("bankid", "sv");
/// hp.WaitForState("queued", TimeSpan.FromSeconds(10));
/// </code>
/// </example>
public sealed class VirtualHelpPoint : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    private readonly object _lifecycle = new();
    private readonly HelpPointDevice _device;
    private readonly MqttNetConnection _connection;
    private readonly LastScreenDisplay _display = new();
    private readonly RecordingSignalOutput _signals = new();
    private readonly AutoResetEvent _wake = new(false);
    private readonly ILogger _logger;
    private Thread? _thread;
    private volatile bool _stopping;
    private bool _disposed;

    /// <summary>Creates the device (not yet running: call <see cref="Start"/>).</summary>
    /// <exception cref="ArgumentException">An option is invalid (name alphabet, language, port).</exception>
    public VirtualHelpPoint(VirtualHelpPointOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Topics.IsValidName(options.Branch) || !Topics.IsValidName(options.DeviceId))
        {
            throw new ArgumentException($"branch '{options.Branch}' and device id '{options.DeviceId}' must match [a-z0-9-]{{1,32}}", nameof(options));
        }

        if (string.IsNullOrEmpty(options.Secret))
        {
            throw new ArgumentException($"device '{options.DeviceId}' needs a secret", nameof(options));
        }

        if (!Languages.IsValidCode(options.Language))
        {
            throw new ArgumentException($"display language must be a two-letter code, not '{options.Language}'", nameof(options));
        }

        if (options.MqttPort is < 1 or > 65535)
        {
            throw new ArgumentException($"MQTT port {options.MqttPort} is out of range", nameof(options));
        }

        Options = options;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("HelpPoint.Simulator." + options.DeviceId);
        _connection = new MqttNetConnection(options.MqttHost, options.MqttPort, options.MqttTimeout, _logger);
        var settings = new HelpPointSettings
        {
            Branch = options.Branch,
            DeviceId = options.DeviceId,
            Secret = options.Secret,
            FirmwareVersion = options.FirmwareVersion,
            DefaultLanguage = options.Language,
            TerminalScreenMs = (int)options.EndStateScreenTime.TotalMilliseconds,
            StatusIntervalMs = (int)options.StatusInterval.TotalMilliseconds,
            Silent = options.Silent,
            ResendAfterMs = (int)options.ResendAfter.TotalMilliseconds,
        };
        var storage = new FileStorage(Path.Combine(options.DataPath, options.DeviceId));
        var clock = new SystemClock();

        // The durable offline queue, as on the device: presses made while the broker is away survive a restart.
        var outbox = new FileOutbox(storage, clock, FileOutbox.DefaultCapacity);
        _device = new HelpPointDevice(
            settings, clock, storage, _display, _connection, new SharedRandomSource(), new SimulatedMetrics(), outbox, _signals);
    }

    /// <summary>The options this device was made with.</summary>
    public VirtualHelpPointOptions Options { get; }

    /// <summary>The device id.</summary>
    public string DeviceId => Options.DeviceId;

    /// <summary>The branch.</summary>
    public string Branch => Options.Branch;

    /// <summary>Everything the device shows and knows, read consistently in one go.</summary>
    public HelpPointSnapshot Snapshot => _device.Snapshot;

    /// <summary>True while the MQTT session is up (connected and subscribed).</summary>
    public bool IsConnected => Snapshot.Connected;

    /// <summary>idle, sending, offline, queued, assigned, done, cancelled, expired, unstaffed or rejected.</summary>
    public string State => Snapshot.StateName;

    /// <summary>The current request's id, e.g. "demo-hp-1-000003"; null when idle.</summary>
    public string? RequestId => Snapshot.RequestId;

    /// <summary>The ticket number the gateway gave, e.g. "17".</summary>
    public string? Ticket => Snapshot.Ticket;

    /// <summary>Place in the queue while queued (1 = next).</summary>
    public int? Position => NullIfNone(Snapshot.Position);

    /// <summary>Estimated wait in seconds while queued.</summary>
    public int? WaitS => NullIfNone(Snapshot.WaitS);

    /// <summary>The IT-host's name when assigned or done.</summary>
    public string? Host => Snapshot.Host;

    /// <summary>Why the request was rejected.</summary>
    public string? Reason => Snapshot.Reason;

    /// <summary>What the display shows.</summary>
    public Screen Screen => Snapshot.Screen;

    /// <summary>The display's text lines (at most 8 of at most 21 characters).</summary>
    public IReadOnlyList<string> Lines => Snapshot.Screen.Lines;

    /// <summary>
    /// The OLED as the device draws it from the phrase resource (firmware/phrases/helppoint.phr, built
    /// into the simulator): 128x64 pixels in the visitor's language; null when the screen is text only
    /// (the setup screen).
    /// </summary>
    public FrameBuffer? Display => PhraseScreens.Compose(Snapshot.Screen, out _);

    /// <summary>Starts the device's app loop (connects in the background). Idempotent.</summary>
    public void Start()
    {
        lock (_lifecycle)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_thread != null)
            {
                return;
            }

            _thread = new Thread(Run) { IsBackground = true, Name = "help point " + DeviceId };
            _thread.Start();
        }
    }

    /// <summary>
    /// A visitor presses a category button. True when a new request was started; false when one is
    /// still alive (the display keeps showing it) or the branch does not offer the category.
    /// </summary>
    /// <param name="category">bankid, swish, print, email, phone, forms or other.</param>
    /// <param name="lang">
    /// The visitor's ISO 639-1 language, or null for the one picked with <see cref="CycleLanguage"/>
    /// (none unless the language button was used).
    /// </param>
    /// <exception cref="ArgumentException">Unknown category or malformed language code.</exception>
    public bool Press(string category, string? lang = null)
    {
        if (!Categories.TryParse(category, out Category parsed))
        {
            throw new ArgumentException($"unknown category '{category}'", nameof(category));
        }

        if (!string.IsNullOrEmpty(lang) && !Languages.IsValidCode(lang))
        {
            throw new ArgumentException($"'{lang}' is not a two-letter ISO 639-1 code", nameof(lang));
        }

        // Without an explicit language the press carries the one picked with the language button (none by default).
        bool created = string.IsNullOrEmpty(lang) ? _device.Press(parsed) : _device.Press(parsed, lang);
        _wake.Set();
        return created;
    }

    /// <summary>
    /// The language button: picks the next of the branch's languages. Returns the picked code, or
    /// null while a request is alive.
    /// </summary>
    public string? CycleLanguage()
    {
        string? picked = _device.CycleLanguage();
        _wake.Set();
        return picked;
    }

    /// <summary>
    /// The visitor rates the help after <c>done</c> (3 happy, 2 neutral, 1 unhappy); sent on the
    /// feedback topic. False when the display is not asking for feedback.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Score outside 1 … 3.</exception>
    public bool Feedback(int score)
    {
        bool taken = _device.Feedback(score);
        _wake.Set();
        return taken;
    }

    /// <summary>
    /// The display's language while the visitor has picked none (a real device has it from
    /// <c>config.json</c>). Setting it never overrides the language button or a request under way.
    /// </summary>
    /// <exception cref="ArgumentException">Not a two-letter ISO 639-1 code.</exception>
    public string DefaultLanguage
    {
        get => _device.DefaultLanguage;
        set
        {
            _device.DefaultLanguage = value;
            _wake.Set();
        }
    }

    /// <summary>The status LED as the device drives it.</summary>
    public bool Led => _signals.Led;

    /// <summary>The buzzer frequency in Hz (0 quiet).</summary>
    public int Tone => _signals.Tone;

    /// <summary>The visitor withdraws the current request. False when there is none.</summary>
    public bool Cancel()
    {
        bool cancelled = _device.Cancel();
        _wake.Set();
        return cancelled;
    }

    /// <summary>Waits until the device is in <paramref name="state"/>; false on timeout.</summary>
    /// <exception cref="ArgumentException">Not a state name.</exception>
    public bool WaitForState(string state, TimeSpan timeout)
    {
        if (!HelpPointStates.TryParse(state, out HelpPointState wanted))
        {
            throw new ArgumentException($"unknown state '{state}'", nameof(state));
        }

        return WaitUntil(s => s.State == wanted, timeout);
    }

    /// <summary>Waits until the MQTT session is up; false on timeout.</summary>
    public bool WaitForConnected(TimeSpan timeout) => WaitUntil(s => s.Connected, timeout);

    /// <summary>Waits until <paramref name="condition"/> holds for a snapshot; false on timeout.</summary>
    public bool WaitUntil(Func<HelpPointSnapshot, bool> condition, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(condition);
        DateTime deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (condition(Snapshot))
            {
                return true;
            }

            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            Thread.Sleep(PollInterval);
        }
    }

    /// <summary>
    /// Stops the device like a clean power-down: it publishes the retained <c>{"online":false}</c>
    /// and disconnects. Its "flash" stays on disk, so a new instance continues its request numbers.
    /// </summary>
    public void Dispose()
    {
        lock (_lifecycle)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _stopping = true;
            _wake.Set();
            if (_thread != null && !_thread.Join(StopTimeout))
            {
                _logger.LogWarning("{Device}: app loop did not stop in time", DeviceId);
            }

            try
            {
                _device.Shutdown();
            }
            catch (Exception e)
            {
                _logger.LogWarning(e, "{Device}: shutdown failed", DeviceId);
            }

            _connection.Dispose();
            _wake.Dispose();
        }
    }

    private void Run()
    {
        HelpPointSnapshot? last = null;
        while (!_stopping)
        {
            try
            {
                _device.Tick();
                last = LogChange(last, _device.Snapshot);
            }
            catch (Exception e)
            {
                // A device reboots on a crash; a simulator logs it and keeps going.
                _logger.LogError(e, "{Device}: tick failed", DeviceId);
            }

            _wake.WaitOne(Options.TickInterval);
        }
    }

    private HelpPointSnapshot LogChange(HelpPointSnapshot? last, HelpPointSnapshot now)
    {
        if ((last?.Connected ?? false) != now.Connected)
        {
            _logger.LogInformation("{Device}: {Connection}", DeviceId, now.Connected ? "connected" : "connection lost");
        }

        if (last == null || last.State != now.State || last.Ticket != now.Ticket || last.Position != now.Position)
        {
            _logger.LogInformation("{Device}: {State} {Lines}", DeviceId, now.StateName, string.Join(" / ", now.Screen.Lines.Where(l => l.Length > 0)));
        }

        return now;
    }

    private static int? NullIfNone(int value) => value == TicketMessage.None ? null : value;
}
