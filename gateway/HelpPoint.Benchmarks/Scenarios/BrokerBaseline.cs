using System.Collections.Concurrent;
using System.Diagnostics;
using MQTTnet;
using MQTTnet.Protocol;

namespace HelpPoint.Benchmarks.Scenarios;

/// <summary>
/// The raw broker: QoS 1 publish by one client → receive by another, through the same broker software with no gateway,
/// at a steady rate. What the system adds is measured against this.
/// </summary>
public static class BrokerBaseline
{
    public static async Task<Support.Timings> MeasureAsync(string host, int port, string user, string password, string topic, double perSecond, TimeSpan duration, CancellationToken cancellationToken)
    {
        var factory = new MqttClientFactory();
        using var publisher = factory.CreateMqttClient();
        using var subscriber = factory.CreateMqttClient();
        // The subscriber is "{user}-sub": a broker that takes the user name as client id must see two users.
        MqttClientOptions Options(string id, string name) => new MqttClientOptionsBuilder().WithTcpServer(host, port).WithCredentials(name, password)
            .WithClientId(id).WithTimeout(TimeSpan.FromSeconds(10)).Build();
        await publisher.ConnectAsync(Options("bench-pub-" + Guid.NewGuid().ToString("N")[..8], user), cancellationToken);
        await subscriber.ConnectAsync(Options("bench-sub-" + Guid.NewGuid().ToString("N")[..8], user + "-sub"), cancellationToken);
        var sent = new ConcurrentDictionary<string, long>();
        var timings = new Support.Timings($"broker publish→receive @{perSecond:0}/s");
        subscriber.ApplicationMessageReceivedAsync += e =>
        {
            if (sent.TryRemove(e.ApplicationMessage.ConvertPayloadToString(), out var at))
            {
                lock (timings)
                {
                    timings.Add(Stopwatch.GetElapsedTime(at));
                }
            }

            return Task.CompletedTask;
        };
        await subscriber.SubscribeAsync(topic, MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken);

        var total = (int)(perSecond * duration.TotalSeconds);
        var interval = TimeSpan.FromSeconds(1 / perSecond);
        var started = Stopwatch.GetTimestamp();
        var pending = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var wait = (interval * i) - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, cancellationToken);
            }

            var payload = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            sent[payload] = Stopwatch.GetTimestamp();
            pending.Add(publisher.PublishStringAsync(topic, payload, MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken: cancellationToken));
        }

        await Task.WhenAll(pending);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!sent.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, cancellationToken);
        }

        return timings;
    }
}
