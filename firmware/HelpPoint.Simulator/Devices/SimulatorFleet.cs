namespace HelpPoint.Simulator.Devices;

/// <summary>The virtual help points this simulator runs; started and stopped with the host.</summary>
public sealed class SimulatorFleet : IHostedService, IDisposable
{
    private readonly Dictionary<string, VirtualHelpPoint> _byId;

    /// <summary>Creates (but does not start) one virtual help point per options.</summary>
    public SimulatorFleet(IEnumerable<VirtualHelpPointOptions> options, ILoggerFactory loggerFactory)
    {
        Devices = options.Select(o => new VirtualHelpPoint(o, loggerFactory)).ToList();
        _byId = Devices.ToDictionary(d => d.DeviceId, StringComparer.Ordinal);
    }

    /// <summary>Every device, in configuration order.</summary>
    public IReadOnlyList<VirtualHelpPoint> Devices { get; }

    /// <summary>The device with that id, or null.</summary>
    public VirtualHelpPoint? Find(string deviceId) => _byId.GetValueOrDefault(deviceId);

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (VirtualHelpPoint device in Devices)
        {
            device.Start();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        // Each device says goodbye ({"online":false}) and disconnects; in parallel, so many stop quickly.
        Parallel.ForEach(Devices, d => d.Dispose());
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (VirtualHelpPoint device in Devices)
        {
            device.Dispose();
        }
    }
}
