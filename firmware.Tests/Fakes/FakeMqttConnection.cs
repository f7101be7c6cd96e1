using System.Collections;
using System.Text;
using HelpPoint.Core;

namespace HelpPoint.Firmware.Tests
{
    /// <summary>
    /// An in-memory broker connection: records what the device connects, subscribes and publishes,
    /// and lets a test deliver messages or pull the plug.
    /// </summary>
    public sealed class FakeMqttConnection : IMqttConnection
    {
        /// <summary>Every accepted publish, oldest first (<see cref="PublishedMessage"/>).</summary>
        public readonly ArrayList Published = new ArrayList();

        /// <summary>Every subscribe call's topic list (string[]), oldest first.</summary>
        public readonly ArrayList Subscriptions = new ArrayList();

        /// <summary>When false, Connect fails (broker down or Wi-Fi gone).</summary>
        public bool BrokerReachable { get; set; } = true;

        /// <summary>When false, publishes time out without a PUBACK.</summary>
        public bool PublishesAcknowledged { get; set; } = true;

        /// <summary>How many connection attempts were made.</summary>
        public int ConnectAttempts { get; private set; }

        /// <summary>The last client id given to Connect.</summary>
        public string ClientId { get; private set; }

        /// <summary>The last user name given to Connect.</summary>
        public string User { get; private set; }

        /// <summary>The last password given to Connect.</summary>
        public string Password { get; private set; }

        /// <summary>The last will's topic.</summary>
        public string WillTopic { get; private set; }

        /// <summary>The last will's payload.</summary>
        public byte[] WillPayload { get; private set; }

        /// <summary>The last will's retain flag.</summary>
        public bool WillRetain { get; private set; }

        /// <inheritdoc/>
        public bool IsConnected { get; private set; }

        /// <inheritdoc/>
        public event MqttMessageHandler MessageReceived;

        /// <inheritdoc/>
        public event MqttConnectionLostHandler ConnectionLost;

        /// <inheritdoc/>
        public bool Connect(string clientId, string user, string password, string willTopic, byte[] willPayload, bool willRetain)
        {
            ConnectAttempts++;
            ClientId = clientId;
            User = user;
            Password = password;
            WillTopic = willTopic;
            WillPayload = willPayload;
            WillRetain = willRetain;
            IsConnected = BrokerReachable;
            return IsConnected;
        }

        /// <inheritdoc/>
        public bool Publish(string topic, byte[] payload, bool retain)
        {
            if (!IsConnected || !PublishesAcknowledged)
            {
                return false;
            }

            Published.Add(new PublishedMessage(topic, payload, retain));
            return true;
        }

        /// <inheritdoc/>
        public bool Subscribe(string[] topics)
        {
            if (!IsConnected)
            {
                return false;
            }

            Subscriptions.Add(topics);
            return true;
        }

        /// <inheritdoc/>
        public void Disconnect()
        {
            if (IsConnected)
            {
                // Like the real client libraries: a closed connection is reported even when we closed it.
                Drop();
            }
        }

        /// <summary>The connection breaks (router reboot, broker restart).</summary>
        public void Drop()
        {
            IsConnected = false;
            MqttConnectionLostHandler handler = ConnectionLost;
            if (handler != null)
            {
                handler();
            }
        }

        /// <summary>The broker delivers a message, as text.</summary>
        public void Deliver(string topic, string payload, bool retained)
        {
            Deliver(topic, Encoding.UTF8.GetBytes(payload), retained);
        }

        /// <summary>The broker delivers a message, as bytes.</summary>
        public void Deliver(string topic, byte[] payload, bool retained)
        {
            MqttMessageHandler handler = MessageReceived;
            if (handler != null)
            {
                handler(topic, payload, retained);
            }
        }

        /// <summary>The messages published to <paramref name="topic"/>, oldest first.</summary>
        public ArrayList PublishedTo(string topic)
        {
            var result = new ArrayList();
            for (int i = 0; i < Published.Count; i++)
            {
                var message = (PublishedMessage)Published[i];
                if (message.Topic == topic)
                {
                    result.Add(message);
                }
            }

            return result;
        }

        /// <summary>The newest message published to <paramref name="topic"/>, or null.</summary>
        public PublishedMessage LastTo(string topic)
        {
            ArrayList messages = PublishedTo(topic);
            return messages.Count == 0 ? null : (PublishedMessage)messages[messages.Count - 1];
        }
    }
}
