using System.Collections.Concurrent;

namespace HelpPoint.Gateway.Mqtt;

/// <summary>
/// Per-device token buckets for connections and messages, so one flooding or reconnect-looping help point is throttled
/// while every other device keeps being served. A real visitor presses a few times an hour; the limits are far above that.
/// </summary>
public sealed class DeviceRateLimiter(TimeProvider time, DeviceRateLimits limits)
{
    private readonly ConcurrentDictionary<string, Bucket> _messages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Bucket> _connects = new(StringComparer.Ordinal);

    /// <summary>Takes a message token for <paramref name="device"/>; false when it must be refused.</summary>
    public bool TryMessage(string device) =>
        _messages.GetOrAdd(device, _ => new Bucket(limits.MessageBurst, limits.MessagesPerSecond)).TryTake(time.GetTimestamp(), time);

    /// <summary>Takes a connection token for <paramref name="device"/>; false when it must be refused.</summary>
    public bool TryConnect(string device) =>
        _connects.GetOrAdd(device, _ => new Bucket(limits.ConnectBurst, limits.ConnectsPerMinute / 60.0)).TryTake(time.GetTimestamp(), time);

    private readonly ConcurrentDictionary<string, Bucket> _failedConnects = new(StringComparer.Ordinal);

    /// <summary>May <paramref name="address"/> try to authenticate? False once its failed attempts used up the burst.</summary>
    public bool MayTryFrom(string address) =>
        !_failedConnects.TryGetValue(address, out var bucket) || bucket.Peek(time.GetTimestamp(), time);

    /// <summary>Records a failed authentication from <paramref name="address"/>.</summary>
    public void FailedFrom(string address) =>
        _failedConnects.GetOrAdd(address, _ => new Bucket(limits.ConnectBurst, limits.ConnectsPerMinute / 60.0)).TryTake(time.GetTimestamp(), time);

    private sealed class Bucket(double capacity, double perSecond)
    {
        public bool Peek(long now, TimeProvider time)
        {
            lock (_lock)
            {
                var tokens = _last == 0 ? _tokens : Math.Min(_capacity, _tokens + (time.GetElapsedTime(_last, now).TotalSeconds * perSecond));
                return tokens >= 1;
            }
        }

        private readonly Lock _lock = new();
        private readonly double _capacity = capacity;
        private double _tokens = capacity;
        private long _last;

        public bool TryTake(long now, TimeProvider time)
        {
            lock (_lock)
            {
                if (_last != 0)
                {
                    _tokens = Math.Min(_capacity, _tokens + (time.GetElapsedTime(_last, now).TotalSeconds * perSecond));
                }

                _last = now;
                if (_tokens < 1)
                {
                    return false;
                }

                _tokens -= 1;
                return true;
            }
        }
    }
}

/// <summary>Rate limits per device (configuration section <c>Mqtt:RateLimit</c>).</summary>
public sealed class DeviceRateLimits
{
    /// <summary>Sustained messages per second a device may send. Default 5.</summary>
    public double MessagesPerSecond { get; set; } = 5;

    /// <summary>Messages a device may send at once after being quiet. Default 30.</summary>
    public double MessageBurst { get; set; } = 30;

    /// <summary>Sustained connection attempts per minute per device. Default 6.</summary>
    public double ConnectsPerMinute { get; set; } = 6;

    /// <summary>Connection attempts allowed at once. Default 10.</summary>
    public double ConnectBurst { get; set; } = 10;
}
