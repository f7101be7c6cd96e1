using System;
using System.Text;
using System.Threading;
using HelpPoint.Core;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;

namespace HelpPoint.Device
{
    /// <summary>
    /// Core's <see cref="IMqttConnection"/> over nanoFramework.M2Mqtt: MQTT 3.1.1, clean sessions,
    /// QoS 1, optional TLS (the broker's CA certificate is taken from the device's certificate store,
    /// uploaded with the device explorer or nanoff). M2Mqtt publishes and subscribes asynchronously;
    /// this adapter waits for the PUBACK / SUBACK so that Core sees blocking calls.
    /// </summary>
    public sealed class M2MqttConnection : IMqttConnection
    {
        private const ushort KeepAliveSeconds = 30;

        // Any clock before this year has not been set by SNTP yet.
        private const int ClockSetAfterYear = 2025;

        private readonly string _host;
        private readonly int _port;
        private readonly bool _tls;
        private readonly int _timeoutMs;
        private readonly AutoResetEvent _acknowledged = new AutoResetEvent(false);
        private MqttClient _client;

        // The last acknowledgement seen (written on M2Mqtt's thread, read by the app loop).
        private int _ackedId = -1;
        private bool _ackedOk;

        /// <summary>Creates an unconnected connection to host:port.</summary>
        public M2MqttConnection(string host, int port, bool tls, int timeoutMs)
        {
            _host = host;
            _port = port;
            _tls = tls;
            _timeoutMs = timeoutMs;
        }

        /// <inheritdoc/>
        public event MqttMessageHandler MessageReceived;

        /// <inheritdoc/>
        public event MqttConnectionLostHandler ConnectionLost;

        /// <inheritdoc/>
        public bool IsConnected
        {
            get
            {
                MqttClient client = _client;
                return client != null && client.IsConnected;
            }
        }

        /// <inheritdoc/>
        public bool Connect(string clientId, string user, string password, string willTopic, byte[] willPayload, bool willRetain)
        {
            Disconnect();
            if (_tls && DateTime.UtcNow.Year < ClockSetAfterYear)
            {
                // The certificate's validity cannot be checked before SNTP has set the clock (the board boots
                // in 1970): no TLS handshake until then; Core's backoff asks again.
                return false;
            }

            MqttClient client = null;
            try
            {
                client = new MqttClient(_host, _port, _tls, null, null, _tls ? MqttSslProtocols.TLSv1_2 : MqttSslProtocols.None);
                client.MqttMsgPublishReceived += OnPublishReceived;
                client.MqttMsgPublished += OnPublished;
                client.MqttMsgSubscribed += OnSubscribed;
                client.ConnectionClosed += OnConnectionClosed;

                // M2Mqtt takes the will as text; Core's will is ASCII JSON.
                string will = Encoding.UTF8.GetString(willPayload, 0, willPayload.Length);
                MqttReasonCode code = client.Connect(
                    clientId, user, password, willRetain, MqttQoSLevel.AtLeastOnce, true, willTopic, will, true, KeepAliveSeconds);
                if (code != MqttReasonCode.Success)
                {
                    client.Close();
                    return false;
                }

                _client = client;
                return true;
            }
            catch (Exception)
            {
                // Broker unreachable, DNS failure, TLS handshake: Core retries with backoff.
                if (client != null)
                {
                    client.Close();
                }

                return false;
            }
        }

        /// <inheritdoc/>
        public bool Publish(string topic, byte[] payload, bool retain)
        {
            MqttClient client = _client;
            if (client == null || !client.IsConnected)
            {
                return false;
            }

            try
            {
                ushort id = client.Publish(topic, payload, null, null, MqttQoSLevel.AtLeastOnce, retain);
                return WaitForAck(id);
            }
            catch (Exception)
            {
                return false;
            }
        }

        /// <inheritdoc/>
        public bool Subscribe(string[] topics)
        {
            MqttClient client = _client;
            if (client == null || !client.IsConnected)
            {
                return false;
            }

            var levels = new MqttQoSLevel[topics.Length];
            for (int i = 0; i < levels.Length; i++)
            {
                levels[i] = MqttQoSLevel.AtLeastOnce;
            }

            try
            {
                ushort id = client.Subscribe(topics, levels);
                return WaitForAck(id);
            }
            catch (Exception)
            {
                return false;
            }
        }

        /// <inheritdoc/>
        public void Disconnect()
        {
            MqttClient client = _client;
            _client = null;
            if (client == null)
            {
                return;
            }

            try
            {
                if (client.IsConnected)
                {
                    client.Disconnect();
                }

                client.Close();
            }
            catch (Exception)
            {
                // Already gone.
            }
        }

        private bool WaitForAck(ushort id)
        {
            // Bounded: the deadline ends the loop even if acknowledgements of other ids keep coming.
            long deadline = Environment.TickCount64 + _timeoutMs;
            while (true)
            {
                if (_ackedId == id)
                {
                    return _ackedOk;
                }

                long left = deadline - Environment.TickCount64;
                if (left <= 0)
                {
                    return false;
                }

                _acknowledged.WaitOne((int)left, false);
            }
        }

        private void OnPublished(object sender, MqttMsgPublishedEventArgs e)
        {
            _ackedOk = e.IsPublished;
            _ackedId = e.MessageId;
            _acknowledged.Set();
        }

        private void OnSubscribed(object sender, MqttMsgSubscribedEventArgs e)
        {
            bool granted = e.GrantedQoSLevels != null;
            for (int i = 0; granted && i < e.GrantedQoSLevels.Length; i++)
            {
                granted = e.GrantedQoSLevels[i] != MqttQoSLevel.GrantedFailure;
            }

            _ackedOk = granted;
            _ackedId = e.MessageId;
            _acknowledged.Set();
        }

        private void OnPublishReceived(object sender, MqttMsgPublishEventArgs e)
        {
            MqttMessageHandler handler = MessageReceived;
            if (handler != null)
            {
                handler(e.Topic, e.Message, e.Retain);
            }
        }

        private void OnConnectionClosed(object sender, EventArgs e)
        {
            MqttConnectionLostHandler handler = ConnectionLost;
            if (handler != null)
            {
                handler();
            }
        }
    }
}
