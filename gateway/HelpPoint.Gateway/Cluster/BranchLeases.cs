using System.Collections.Concurrent;
using HelpPoint.Domain.Branches;
using HelpPoint.Gateway.Mqtt;
using HelpPoint.Gateway.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HelpPoint.Gateway.Cluster;

/// <summary>
/// One owner per branch among several gateways, through PostgreSQL session-level advisory locks: a gateway owns a branch
/// while its lock connection holds <c>pg_advisory_lock(hashtextextended(branch, 0))</c>. Chosen over a lease row with an
/// expiry because the database ends the hold the moment the owner's connection dies (a killed gateway's branches are
/// free at once, with no clock to agree on), and because nothing is written to keep a hold. The lock connection's
/// <c>application_name</c> carries the owner's address, so any gateway finds the owner in <c>pg_locks</c>.
/// </summary>
public sealed class BranchLeases : BackgroundService, IBranchOwnership
{
    private readonly ConcurrentDictionary<string, byte> _owned = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (Uri? Owner, DateTimeOffset Until)> _owners = new(StringComparer.Ordinal);
    private readonly IBranchStore _branches;
    private readonly IServer _server;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ClusterOptions _options;
    private readonly string _gatewayId;
    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly ILogger<BranchLeases> _logger;
    private readonly TaskCompletionSource _firstRound = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private NpgsqlConnection? _lock;

    public BranchLeases(
        IBranchStore branches,
        IServer server,
        IHostApplicationLifetime lifetime,
        IOptions<ClusterOptions> options,
        IOptions<MqttOptions> mqtt,
        IOptions<StorageOptions> storage,
        TimeProvider time,
        ILogger<BranchLeases> logger)
    {
        _branches = branches;
        _server = server;
        _lifetime = lifetime;
        _options = options.Value;
        _gatewayId = mqtt.Value.ClientId ?? Environment.MachineName;
        _connectionString = storage.Value.ConnectionString ?? throw new InvalidOperationException("branch leases need Data:ConnectionString");
        _time = time;
        _logger = logger;
    }

    public bool IsShared => true;

    public event Action<string>? Gained;

    public event Action<string>? Lost;

    /// <summary>The address this gateway tells the others.</summary>
    public Uri? Advertised { get; private set; }

    /// <summary>Completes after the first round of taking branches (start-up waits for it before re-announcing).</summary>
    public Task FirstRound => _firstRound.Task;

    public bool Owns(string branch) => _owned.ContainsKey(branch);

    public async Task<Uri?> OwnerAsync(string branch, CancellationToken cancellationToken = default)
    {
        if (Owns(branch))
        {
            return Advertised;
        }

        var now = _time.GetUtcNow();
        if (_owners.TryGetValue(branch, out var cached) && cached.Until > now)
        {
            return cached.Owner;
        }

        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var query = new NpgsqlCommand(
            """
            SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
              AND ((l.classid::bigint << 32) | l.objid::bigint) = hashtextextended(@branch, 0)
            LIMIT 1
            """, connection);
        query.Parameters.AddWithValue("branch", branch);
        var name = await query.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        var owner = ParseOwner(name);
        _owners[branch] = (owner, now + TimeSpan.FromSeconds(1));
        return owner;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The address is known once Kestrel listens.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (_lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
        }

        Advertised = new Uri(_options.AdvertiseUrl
            ?? _server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()?.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)
            ?? "http://127.0.0.1:8080");
        var poll = TimeSpan.FromMilliseconds(Math.Max(50, _options.LeasePollMs));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RoundAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                _logger.LogWarning("Branch leases: {Message}; giving up every branch until the database answers again", ex.Message);
                await DropAllAsync().ConfigureAwait(false);
            }

            _firstRound.TrySetResult();
            await Task.Delay(poll, _time, stoppingToken).ConfigureAwait(false);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await DropAllAsync().ConfigureAwait(false);
    }

    private async Task RoundAsync(CancellationToken cancellationToken)
    {
        if (_lock is null)
        {
            var builder = new NpgsqlConnectionStringBuilder(_connectionString)
            {
                ApplicationName = Truncate($"helppoint {_gatewayId} {Advertised}", 63),
                Pooling = false,
                KeepAlive = 5,
            };
            var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            _lock = connection;
        }

        var all = await _branches.AllAsync(cancellationToken).ConfigureAwait(false);
        var free = all.Select(b => b.Id).Where(b => !Owns(b)).ToArray();

        // One round trip: take every branch nobody holds (and prove the connection, and so the holds, are alive).
        await using var take = new NpgsqlCommand(
            "SELECT b FROM unnest(@branches::text[]) AS b WHERE pg_try_advisory_lock(hashtextextended(b, 0))", _lock);
        take.Parameters.AddWithValue("branches", free);
        var taken = new List<string>();
        await using (var reader = await take.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                taken.Add(reader.GetString(0));
            }
        }

        foreach (var branch in taken)
        {
            if (_owned.TryAdd(branch, 0))
            {
                _logger.LogInformation("Gateway {Gateway} now runs branch {Branch}", _gatewayId, branch);
                Gained?.Invoke(branch);
            }
        }
    }

    private async Task DropAllAsync()
    {
        foreach (var branch in _owned.Keys.ToList())
        {
            if (_owned.TryRemove(branch, out _))
            {
                Lost?.Invoke(branch);
            }
        }

        if (_lock is not null)
        {
            // Closing the session releases every hold it had.
            await _lock.DisposeAsync().ConfigureAwait(false);
            _lock = null;
        }
    }

    private static Uri? ParseOwner(string? applicationName)
    {
        var parts = applicationName?.Split(' ');
        return parts is { Length: 3 } && parts[0] == "helppoint" && Uri.TryCreate(parts[2], UriKind.Absolute, out var uri) ? uri : null;
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
