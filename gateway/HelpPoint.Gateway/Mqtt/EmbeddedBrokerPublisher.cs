using System.Collections;
using System.Collections.Concurrent;
using MQTTnet;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace HelpPoint.Gateway.Mqtt;

/// <summary>
/// Publishes the gateway's messages into the embedded broker (no network hop, not subject to device rules), straight to
/// the sessions subscribed to the topic.
/// </summary>
/// <remarks>
/// The broker's own dispatch checks every session's subscriptions for every message: with a thousand connected help
/// points that is a thousand checks per ticket. In the embedded broker only devices connect and they may subscribe only to
/// exact topics (no wildcards, see <see cref="Topics.MaySubscribe"/>), so the subscribers of a topic are known exactly: the
/// broker tells us of each subscription (<see cref="Subscribing"/>, before it takes effect and before the retained message
/// is sent to it) and of each unsubscription and deleted session. A message is stored as the topic's retained message
/// first and then enqueued to each subscribed session, which is what the broker's dispatch does too. An entry belongs to
/// one session (its items): after a clean start the client's new session is not sent what the old one subscribed to.
/// </remarks>
public sealed class EmbeddedBrokerPublisher : IMqttPublisher
{
    // Topic → its subscribers (most topics have one: a device's own), and client id → its topics, to forget them when the
    // session goes. Small arrays replaced whole on change: ten thousand help points cost ten thousand of them, not dictionaries.
    private readonly ConcurrentDictionary<string, Subscriber[]> _subscribers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string[]> _topicsOf = new(StringComparer.Ordinal);
    private volatile MqttServer? _server;

    public bool IsReady => _server?.IsStarted == true;

    internal void Attach(MqttServer server) => _server = server;

    internal void Detach()
    {
        _server = null;
        _subscribers.Clear();
        _topicsOf.Clear();
    }

    /// <summary>A session is about to subscribe to <paramref name="filter"/> (an exact topic, already allowed).</summary>
    internal void Subscribing(string clientId, IDictionary sessionItems, MqttTopicFilter filter)
    {
        var qos = filter.QualityOfServiceLevel > MqttQualityOfServiceLevel.AtLeastOnce ? MqttQualityOfServiceLevel.AtLeastOnce : filter.QualityOfServiceLevel;
        var subscriber = new Subscriber(clientId, sessionItems, qos, filter.RetainAsPublished);
        _subscribers.AddOrUpdate(filter.Topic, _ => [subscriber], (_, all) => [.. all.Where(s => s.ClientId != clientId), subscriber]);
        _topicsOf.AddOrUpdate(clientId, _ => [filter.Topic], (_, topics) => topics.Contains(filter.Topic) ? topics : [.. topics, filter.Topic]);
    }

    /// <summary>A session's subscription was withdrawn.</summary>
    internal void Unsubscribed(string clientId, string topic) => Remove(topic, s => s.ClientId == clientId);

    /// <summary>A client's session was deleted: it no longer receives anything.</summary>
    internal void SessionDeleted(string clientId, IDictionary sessionItems)
    {
        // A stale entry left by a race here is harmless: a publish drops it when the session is not the subscriber's.
        if (_topicsOf.TryRemove(clientId, out var topics))
        {
            foreach (var topic in topics)
            {
                Remove(topic, s => s.ClientId == clientId && ReferenceEquals(s.Items, sessionItems));
            }
        }
    }

    private void Remove(string topic, Func<Subscriber, bool> which)
    {
        while (_subscribers.TryGetValue(topic, out var all) && all.Any(which))
        {
            var left = all.Where(s => !which(s)).ToArray();
            var replaced = left.Length == 0
                ? _subscribers.TryRemove(KeyValuePair.Create(topic, all))
                : _subscribers.TryUpdate(topic, left, all);
            if (replaced)
            {
                return;
            }
        }
    }

    public async Task PublishAsync(string topic, byte[] payload, bool retain, CancellationToken cancellationToken = default)
    {
        var server = _server ?? throw new InvalidOperationException("the embedded broker is not running");
        MqttTopicValidator.ThrowIfInvalid(topic);
        if (retain)
        {
            // An empty payload clears the topic's retained message (MQTT 3.3.1.3), and is still delivered to subscribers.
            await server.UpdateRetainedMessageAsync(Message(topic, payload, MqttQualityOfServiceLevel.AtLeastOnce, retain: true)).ConfigureAwait(false);
        }

        if (!_subscribers.TryGetValue(topic, out var subscribers))
        {
            return;
        }

        foreach (var subscriber in subscribers)
        {
            MqttSessionStatus session;
            try
            {
                session = await server.GetSessionAsync(subscriber.ClientId).ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // No session any more (deleted between the check and now).
                Remove(topic, s => ReferenceEquals(s, subscriber));
                continue;
            }

            if (!ReferenceEquals(session.Items, subscriber.Items))
            {
                // The client started a new clean session: it has not subscribed (yet) in that one.
                Remove(topic, s => ReferenceEquals(s, subscriber));
                continue;
            }

            // As the broker's dispatch: the granted QoS, and the retain flag only where the subscription asked for it (MQTT 5).
            session.TryEnqueueApplicationMessage(Message(topic, payload, subscriber.Qos, retain && subscriber.RetainAsPublished), out _);
        }
    }

    private static MqttApplicationMessage Message(string topic, byte[] payload, MqttQualityOfServiceLevel qos, bool retain) =>
        new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(qos).WithRetainFlag(retain).Build();

    private sealed record Subscriber(string ClientId, IDictionary Items, MqttQualityOfServiceLevel Qos, bool RetainAsPublished);
}
