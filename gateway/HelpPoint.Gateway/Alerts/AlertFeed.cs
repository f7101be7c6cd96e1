using System.Threading.Channels;

namespace HelpPoint.Gateway.Alerts;

/// <summary>
/// Fans alerts out to the managers' open live views (server-sent events) in this process. Each view sees only the branches it may
/// see; a view that falls behind loses its oldest alerts, and gets the current list again when it reconnects.
/// </summary>
public sealed class AlertFeed
{
    private readonly Lock _lock = new();
    private readonly List<Subscription> _subscribers = [];
    private long _lastId;

    public int SubscriberCount
    {
        get
        {
            lock (_lock)
            {
                return _subscribers.Count;
            }
        }
    }

    /// <summary>Subscribes to the alerts of <paramref name="branches"/>, or of every branch when null.</summary>
    public Subscription Subscribe(IReadOnlySet<string>? branches)
    {
        var subscription = new Subscription(this, branches, Channel.CreateBounded<(long, string, AlertView)>(
            new BoundedChannelOptions(128) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true }));
        lock (_lock)
        {
            _subscribers.Add(subscription);
        }

        return subscription;
    }

    /// <summary>Publishes an alert event: <c>alert</c> (raised) or <c>alert-cleared</c>.</summary>
    public void Publish(string type, AlertView alert)
    {
        var id = Interlocked.Increment(ref _lastId);
        Subscription[] targets;
        lock (_lock)
        {
            targets = [.. _subscribers];
        }

        foreach (var s in targets.Where(s => s.Branches is null || s.Branches.Contains(alert.Branch)))
        {
            s.Channel.Writer.TryWrite((id, type, alert));
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_lock)
        {
            _subscribers.Remove(subscription);
        }
    }

    /// <summary>An open live view.</summary>
    public sealed class Subscription(AlertFeed feed, IReadOnlySet<string>? branches, Channel<(long Id, string Type, AlertView Alert)> channel) : IDisposable
    {
        public IReadOnlySet<string>? Branches { get; } = branches;

        internal Channel<(long Id, string Type, AlertView Alert)> Channel { get; } = channel;

        public ChannelReader<(long Id, string Type, AlertView Alert)> Reader => Channel.Reader;

        public void Dispose()
        {
            feed.Remove(this);
            Channel.Writer.TryComplete();
        }
    }
}
