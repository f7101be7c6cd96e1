namespace HelpPoint.Gateway.Devices;

/// <summary>Optional body of rotate and config downloads: the Wi-Fi settings to write into the config file.</summary>
public sealed record ConfigRequest(string? WifiSsid, string? WifiPassword);
