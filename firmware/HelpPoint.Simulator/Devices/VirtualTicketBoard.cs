using HelpPoint.Core;
using HelpPoint.Simulator.Adapters;
using Microsoft.Extensions.Logging.Abstractions;

namespace HelpPoint.Simulator.Devices;

/// <summary>
/// One ticket display on .NET: HelpPoint.Core's <see cref="TicketBoard"/> with MQTTnet and a virtual
/// TFT, ticking on its own thread. It logs in with its own device id and secret, so the gateway's
/// fleet view sees it like a real board. Thread-safe.
/// </summary>
public sealed class VirtualTicketBoard : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    private readonly object _lifecycle = new();
    private readonly TicketBoard _board;
    private readonly MqttNetConnection _connection;
    private readonly LastBoardScreenDisplay _display = new();
    private readonly ManualResetEventSlim _stop = new(false);
    private readonly ILogger _logger;
    private Thread? _thread;
    private bool _disposed;

    /// <summary>Creates the board (not yet running: call <see cref="Start"/>).</summary>
    /// <exception cref="ArgumentException">An option is invalid (name alphabet, language, port, secret).</exception>
    public VirtualTicketBoard(VirtualTicketBoardOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Topics.IsValidName(options.Branch) || !Topics.IsValidName(options.DeviceId))
        {
            throw new ArgumentException($"branch '{options.Branch}' and board id '{options.DeviceId}' must match [a-z0-9-]{{1,32}}", nameof(options));
        }

        if (string.IsNullOrEmpty(options.Secret))
        {
            throw new ArgumentException($"board '{options.DeviceId}' needs a secret", nameof(options));
        }

        if (!Languages.IsValidCode(options.Language))
        {
            throw new ArgumentException($"board language must be a two-letter code, not '{options.Language}'", nameof(options));
        }

        if (options.MqttPort is < 1 or > 65535)
        {
            throw new ArgumentException($"MQTT port {options.MqttPort} is out of range", nameof(options));
        }

        Options = options;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("HelpPoint.Simulator." + options.DeviceId);
        _connection = new MqttNetConnection(options.MqttHost, options.MqttPort, options.MqttTimeout, _logger);
        var settings = new TicketBoardSettings
        {
            Branch = options.Branch,
            DeviceId = options.DeviceId,
            Secret = options.Secret,
            FirmwareVersion = options.FirmwareVersion,
            Language = options.Language,
        };
        _board = new TicketBoard(settings, new SystemClock(), _display, _connection, new SharedRandomSource(), new SimulatedMetrics());
    }

    /// <summary>The options this board was made with.</summary>
    public VirtualTicketBoardOptions Options { get; }

    /// <summary>The board's device id.</summary>
    public string DeviceId => Options.DeviceId;

    /// <summary>The branch whose queue it shows.</summary>
    public string Branch => Options.Branch;

    /// <summary>True while the MQTT session is up.</summary>
    public bool IsConnected => _board.Connected;

    /// <summary>The latest queue received, or null before the first.</summary>
    public BoardMessage? Message => _board.Message;

    /// <summary>What the board shows, or null before its first tick.</summary>
    public BoardScreen? Screen => _display.Last;

    /// <summary>Starts the board's app loop (connects in the background). Idempotent.</summary>
    public void Start()
    {
        lock (_lifecycle)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_thread != null)
            {
                return;
            }

            _thread = new Thread(Run) { IsBackground = true, Name = "ticket board " + DeviceId };
            _thread.Start();
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds; false on timeout.</summary>
    public bool WaitUntil(Func<VirtualTicketBoard, bool> condition, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(condition);
        DateTime deadline = DateTime.UtcNow + timeout;
        while (!condition(this))
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            Thread.Sleep(PollInterval);
        }

        return true;
    }

    /// <summary>Stops the board like a clean power-down: retained <c>{"online":false}</c>, then disconnect.</summary>
    public void Dispose()
    {
        lock (_lifecycle)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _stop.Set();
            if (_thread != null && !_thread.Join(StopTimeout))
            {
                _logger.LogWarning("{Device}: app loop did not stop in time", DeviceId);
            }

            try
            {
                _board.Shutdown();
            }
            catch (Exception e)
            {
                _logger.LogWarning(e, "{Device}: shutdown failed", DeviceId);
            }

            _connection.Dispose();
            _stop.Dispose();
        }
    }

    private void Run()
    {
        bool wasConnected = false;
        while (!_stop.IsSet)
        {
            try
            {
                _board.Tick();
                bool connected = _board.Connected;
                if (connected != wasConnected)
                {
                    _logger.LogInformation("{Device}: {Connection}", DeviceId, connected ? "connected" : "connection lost");
                    wasConnected = connected;
                }
            }
            catch (Exception e)
            {
                // A device reboots on a crash; a simulator logs it and keeps going.
                _logger.LogError(e, "{Device}: tick failed", DeviceId);
            }

            _stop.Wait(Options.TickInterval);
        }
    }
}
