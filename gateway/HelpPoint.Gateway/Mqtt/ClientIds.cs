namespace HelpPoint.Gateway.Mqtt;

/// <summary>
/// Which client ids a device may use (protocol v1): its own id, or its id followed by <c>-</c> and a suffix for a further
/// connection. A client id names a session, so a device that could pick another's would resume or take over that session.
/// </summary>
public static class ClientIds
{
    /// <summary>Longest client id accepted; device ids have at most 32 characters, so this leaves a generous suffix.</summary>
    public const int MaxLength = 128;

    /// <summary>True when <paramref name="clientId"/> is <paramref name="deviceId"/> or <paramref name="deviceId"/>-suffix.</summary>
    public static bool HasOwnerPrefix(string deviceId, string clientId) =>
        clientId.Length <= MaxLength
        && clientId.StartsWith(deviceId, StringComparison.Ordinal)
        && (clientId.Length == deviceId.Length || (clientId.Length > deviceId.Length + 1 && clientId[deviceId.Length] == '-'));

    /// <summary>
    /// Device ids, longer than <paramref name="deviceId"/>, that would also own <paramref name="clientId"/> by prefix
    /// (device <c>kista-hp</c> with suffix <c>1</c> spells <c>kista-hp-1</c>, another device's id): the most specific owner wins.
    /// </summary>
    public static IEnumerable<string> MoreSpecificOwners(string deviceId, string clientId)
    {
        for (var i = deviceId.Length + 1; i <= clientId.Length && i <= 32; i++)
        {
            if (i == clientId.Length || clientId[i] == '-')
            {
                yield return clientId[..i];
            }
        }
    }
}
