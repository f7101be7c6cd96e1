using System.Threading.Channels;

namespace HelpPoint.Gateway.Notifications;

/// <summary>
/// Fans staff events out to every open live view (server-sent event streams) of this gateway process.
/// A slow subscriber loses its oldest events rather than slowing anyone else; its view resynchronises from the queue snapshot on reconnect.
/// </summary>
public sealed class EventHub
{
    private const int PerSubscriberBuffer = 512;
    private readonly Lock _lock = new();
    private readonly List<Subscription> _subscribers = [];
    private long _lastId;

    public long NextId() => Interlocked.Increment(ref _lastId);

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

    /// <summary>Subscribes <paramref name="user"/> to the events of one branch, or of every branch when <paramref name="branch"/> is null.</summary>
    public Subscription Subscribe(string user, string? branch)
    {
        var subscription = new Subscription(this, user, branch, Channel.CreateBounded<StaffEvent>(new BoundedChannelOptions(PerSubscriberBuffer)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        }));
        lock (_lock)
        {
            _subscribers.Add(subscription);
        }

        return subscription;
    }

    public void Publish(string type, string branch, object data, IReadOnlyList<string>? users = null)
    {
        var evt = new StaffEvent(NextId(), type, branch, data, users ?? []);
        Subscription[] targets;
        lock (_lock)
        {
            targets = [.. _subscribers];
        }

        foreach (var s in targets)
        {
            if ((s.Branch is null || s.Branch == branch) && evt.IsFor(s.User))
            {
                s.Channel.Writer.TryWrite(evt);
            }
        }
    }

    /// <summary>Ends every open live view of <paramref name="user"/> (signed out from elsewhere); returns how many.</summary>
    public int Disconnect(string user)
    {
        Subscription[] theirs;
        lock (_lock)
        {
            theirs = [.. _subscribers.Where(s => s.User == user)];
        }

        foreach (var s in theirs)
        {
            s.Channel.Writer.TryComplete();
        }

        return theirs.Length;
    }

    private void Remove(Subscription subscription)
    {
        lock (_lock)
        {
            _subscribers.Remove(subscription);
        }
    }

    /// <summary>An open live view.</summary>
    public sealed class Subscription(EventHub hub, string user, string? branch, Channel<StaffEvent> channel) : IDisposable
    {
        public string User { get; } = user;

        public string? Branch { get; } = branch;

        internal Channel<StaffEvent> Channel { get; } = channel;

        public ChannelReader<StaffEvent> Reader => Channel.Reader;

        public void Dispose()
        {
            hub.Remove(this);
            Channel.Writer.TryComplete();
        }
    }
}
