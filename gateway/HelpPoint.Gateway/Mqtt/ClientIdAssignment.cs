using System.Reflection;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Server;

namespace HelpPoint.Gateway.Mqtt;

/// <summary>
/// Gives a client that connects with an empty client id one of its own, as MQTT 3.1.1 (§3.1.3-6) and 5.0 allow and the contract
/// requires ("the client id is free") — mosquitto_pub and many device libraries connect that way. MQTTnet assigns ids only
/// for MQTT 5, so for 3.1.1 the id is written into the CONNECT packet before MQTTnet checks it.
/// </summary>
internal static class ClientIdAssignment
{
    private static readonly FieldInfo? ConnectPacketField =
        typeof(ValidatingConnectionEventArgs).GetField("_connectPacket", BindingFlags.Instance | BindingFlags.NonPublic);

    /// <summary>
    /// True when the client already had an id or now has one (<paramref name="clientId"/>); false when 3.1.1 forbids assigning
    /// (no clean session) or it could not be done.
    /// </summary>
    public static bool EnsureClientId(ValidatingConnectionEventArgs e, string deviceId, out string clientId)
    {
        clientId = e.ClientId ?? "";
        if (clientId.Length > 0)
        {
            return true;
        }

        clientId = $"{deviceId}-{Auth.SecretHasher.NewToken(6)}";
        if (e.ProtocolVersion == MqttProtocolVersion.V500)
        {
            e.AssignedClientIdentifier = clientId;
            return true;
        }

        if (e.CleanSession != true || ConnectPacketField?.GetValue(e) is not MqttConnectPacket packet)
        {
            return false;
        }

        packet.ClientId = clientId;
        return true;
    }

    /// <summary>
    /// Makes this CONNECT start a clean session (the session under its client id was another device's, which this connection
    /// must not resume). False when it could not be done, and the connection must then be refused.
    /// </summary>
    public static bool ForceCleanSession(ValidatingConnectionEventArgs e)
    {
        if (ConnectPacketField?.GetValue(e) is not MqttConnectPacket packet)
        {
            return false;
        }

        packet.CleanSession = true;
        return true;
    }
}
