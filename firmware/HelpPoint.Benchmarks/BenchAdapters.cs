using HelpPoint.Core;

namespace HelpPoint.Benchmarks;

/// <summary>A clock the benchmark moves.</summary>
internal sealed class BenchClock : IClock
{
    public long NowMs { get; set; } = 1000;
}

/// <summary>
/// Flash in preallocated buffers: writes copy into them and allocate nothing, so the numbers are
/// Core's own (on the device the file system's buffers are the platform's, not Core's).
/// </summary>
internal sealed class BenchStorage : IStorage
{
    private readonly string[] _names = new string[8];
    private readonly byte[][] _data = new byte[8][];
    private readonly int[] _length = new int[8];
    private readonly bool[] _exists = new bool[8];

    public BenchStorage()
    {
        for (int i = 0; i < _data.Length; i++)
        {
            _data[i] = new byte[4096];
        }
    }

    public bool Exists(string name) => Slot(name, false) is int i && _exists[i];

    public byte[]? ReadAll(string name)
    {
        if (Slot(name, false) is not int i || !_exists[i])
        {
            return null;
        }

        byte[] copy = new byte[_length[i]];
        Array.Copy(_data[i], copy, _length[i]);
        return copy;
    }

    public void Write(string name, byte[] data, int count)
    {
        int i = Slot(name, true)!.Value;
        Array.Copy(data, _data[i], count);
        _length[i] = count;
        _exists[i] = true;
    }

    public void Rename(string from, string to)
    {
        int a = Slot(from, false)!.Value;
        int b = Slot(to, true)!.Value;
        (_data[a], _data[b]) = (_data[b], _data[a]);
        _length[b] = _length[a];
        _exists[b] = true;
        _exists[a] = false;
    }

    public void Delete(string name)
    {
        if (Slot(name, false) is int i)
        {
            _exists[i] = false;
        }
    }

    private int? Slot(string name, bool create)
    {
        for (int i = 0; i < _names.Length; i++)
        {
            if (_names[i] == name)
            {
                return i;
            }
        }

        if (!create)
        {
            return null;
        }

        int free = Array.IndexOf(_names, null);
        _names[free] = name;
        return free;
    }
}

/// <summary>A broker connection that acknowledges everything and remembers only the last payload's size.</summary>
internal sealed class BenchConnection : IMqttConnection
{
    public bool IsConnected { get; private set; }

    public int Published { get; private set; }

    public int LastPayloadBytes { get; private set; }

    public event MqttMessageHandler? MessageReceived;

    public event MqttConnectionLostHandler? ConnectionLost;

    public bool Connect(string clientId, string user, string password, string willTopic, byte[] willPayload, bool willRetain)
    {
        IsConnected = true;
        return true;
    }

    public bool Publish(string topic, byte[] payload, bool retain)
    {
        Published++;
        LastPayloadBytes = payload.Length;
        return true;
    }

    public bool Subscribe(string[] topics) => true;

    public void Disconnect()
    {
        IsConnected = false;
        ConnectionLost?.Invoke();
    }

    public void Deliver(string topic, byte[] payload) => MessageReceived?.Invoke(topic, payload, false);
}

/// <summary>A display that only counts redraws.</summary>
internal sealed class BenchDisplay : IDisplay
{
    public int Shown { get; private set; }

    public void Show(Screen screen) => Shown++;
}

/// <summary>Fixed health figures and no jitter.</summary>
internal sealed class BenchPlatform : IDeviceMetrics, IRandomSource, ISignalOutput
{
    public int Rssi => -61;

    public long FreeHeapBytes => 81234;

    public int Next(int maxExclusive) => 0;

    public void SetLed(bool on)
    {
    }

    public void SetTone(int frequencyHz)
    {
    }
}
