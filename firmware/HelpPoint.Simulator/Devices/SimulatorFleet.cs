namespace HelpPoint.Simulator.Devices;

/// <summary>The virtual help points and ticket displays this simulator runs; started and stopped with the host.</summary>
public sealed class SimulatorFleet : IHostedService, IDisposable
{
    private readonly Dictionary<string, VirtualHelpPoint> _byId;
    private readonly Dictionary<string, VirtualTicketBoard> _boardsById;

    /// <summary>Creates (but does not start) one virtual help point per options, and no ticket display.</summary>
    public SimulatorFleet(IEnumerable<VirtualHelpPointOptions> options, ILoggerFactory loggerFactory)
        : this(options, [], loggerFactory)
    {
    }

    /// <summary>Creates (but does not start) one virtual help point and one ticket display per options.</summary>
    public SimulatorFleet(IEnumerable<VirtualHelpPointOptions> options, IEnumerable<VirtualTicketBoardOptions> boards, ILoggerFactory loggerFactory)
    {
        Devices = options.Select(o => new VirtualHelpPoint(o, loggerFactory)).ToList();
        _byId = Devices.ToDictionary(d => d.DeviceId, StringComparer.Ordinal);
        Boards = boards.Select(o => new VirtualTicketBoard(o, loggerFactory)).ToList();
        _boardsById = Boards.ToDictionary(b => b.DeviceId, StringComparer.Ordinal);
    }

    /// <summary>Every help point, in configuration order.</summary>
    public IReadOnlyList<VirtualHelpPoint> Devices { get; }

    /// <summary>Every ticket display, in configuration order.</summary>
    public IReadOnlyList<VirtualTicketBoard> Boards { get; }

    /// <summary>The help point with that id, or null.</summary>
    public VirtualHelpPoint? Find(string deviceId) => _byId.GetValueOrDefault(deviceId);

    /// <summary>The ticket display with that id, or null.</summary>
    public VirtualTicketBoard? FindBoard(string deviceId) => _boardsById.GetValueOrDefault(deviceId);

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (VirtualHelpPoint device in Devices)
        {
            device.Start();
        }

        foreach (VirtualTicketBoard board in Boards)
        {
            board.Start();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        // Each device says goodbye ({"online":false}) and disconnects; in parallel, so many stop quickly.
        Parallel.ForEach(Devices, d => d.Dispose());
        Parallel.ForEach(Boards, b => b.Dispose());
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (VirtualHelpPoint device in Devices)
        {
            device.Dispose();
        }

        foreach (VirtualTicketBoard board in Boards)
        {
            board.Dispose();
        }
    }
}
