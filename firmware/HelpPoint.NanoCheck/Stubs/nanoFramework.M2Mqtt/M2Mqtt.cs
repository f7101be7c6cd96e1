// Stub of nanoFramework.M2Mqtt 5.1.220 (assemblies nanoFramework.M2Mqtt and nanoFramework.M2Mqtt.Core, both in the package; one stub): the published signatures the firmware uses, bodies that throw.
// Compared member for member (names, parameter and return types, base types, enum values) with
// github.com/nanoframework/nanoFramework.m2mqtt at v5.1.220 (commit 820878720740409782046cb85329884d59ba9974).
namespace nanoFramework.M2Mqtt
{
    using System;
    using System.Collections;
    using System.Security.Cryptography.X509Certificates;
    using nanoFramework.M2Mqtt.Messages;

    public enum MqttSslProtocols
    {
        None,
        SSLv3,
        TLSv1_0,
        TLSv1_1,
        TLSv1_2,
        TLSv1_3
    }

    public enum MqttProtocolVersion
    {
        Version_3_1 = 0x03,
        Version_3_1_1 = 0x04,
        Version_5 = 0x05
    }

    public interface IMqttClient
    {
        public delegate void MqttMsgPublishEventHandler(object sender, MqttMsgPublishEventArgs e);

        public delegate void MqttMsgPublishedEventHandler(object sender, MqttMsgPublishedEventArgs e);

        public delegate void MqttMsgSubscribedEventHandler(object sender, MqttMsgSubscribedEventArgs e);

        public delegate void ConnectionClosedEventHandler(object sender, EventArgs e);

        bool IsConnected { get; }
    }

    public class MqttClient : IMqttClient, IDisposable
    {
        public MqttClient(string brokerHostName) => throw null;
        public MqttClient(string brokerHostName, int brokerPort, bool secure, X509Certificate caCert, X509Certificate clientCert, MqttSslProtocols sslProtocol) => throw null;

        public event IMqttClient.MqttMsgPublishEventHandler MqttMsgPublishReceived;

        public event IMqttClient.MqttMsgPublishedEventHandler MqttMsgPublished;

        public event IMqttClient.MqttMsgSubscribedEventHandler MqttMsgSubscribed;

        public event IMqttClient.ConnectionClosedEventHandler ConnectionClosed;

        public bool IsConnected => throw null;
        public MqttProtocolVersion ProtocolVersion { get => throw null; set => throw null; }

        public MqttReasonCode Connect(string clientId) => throw null;
        public MqttReasonCode Connect(string clientId, string username, string password) => throw null;
        public MqttReasonCode Connect(
            string clientId,
            string username,
            string password,
            bool willRetain,
            MqttQoSLevel willQosLevel,
            bool willFlag,
            string willTopic,
            string willMessage,
            bool cleanSession,
            ushort keepAlivePeriod) => throw null;
        public void Disconnect() => throw null;
        public void Close() => throw null;
        public void Dispose() => throw null;
        public ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels) => throw null;
        public ushort Unsubscribe(string[] topics) => throw null;
        public ushort Publish(string topic, byte[] message) => throw null;
        public ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties, MqttQoSLevel qosLevel, bool retain) => throw null;
    }
}

namespace nanoFramework.M2Mqtt.Messages
{
    using System;

    public enum MqttQoSLevel
    {
        AtMostOnce = 0x00,
        AtLeastOnce = 0x01,
        ExactlyOnce = 0x02,
        GrantedFailure = 0x80
    }

    public enum MqttReasonCode
    {
        Success = 0x00,
        UnspecifiedError = 0x80,
        NotAuthorized = 0x87
    }

    public class MqttMsgPublishEventArgs : EventArgs
    {
        public MqttMsgPublishEventArgs(string topic, byte[] message, bool dupFlag, MqttQoSLevel qosLevel, bool retain) => throw null;
        public string Topic => throw null;
        public byte[] Message => throw null;
        public bool DupFlag => throw null;
        public MqttQoSLevel QosLevel => throw null;
        public bool Retain => throw null;
    }

    public class MqttMsgPublishedEventArgs : EventArgs
    {
        public MqttMsgPublishedEventArgs(ushort messageId, bool isPublished) => throw null;
        public ushort MessageId { get => throw null; set => throw null; }
        public bool IsPublished { get => throw null; set => throw null; }
    }

    public class MqttMsgSubscribedEventArgs : EventArgs
    {
        public MqttMsgSubscribedEventArgs(ushort messageId, MqttQoSLevel[] grantedQosLevels) => throw null;
        public ushort MessageId => throw null;
        public MqttQoSLevel[] GrantedQoSLevels => throw null;
    }
}
