namespace HelpPoint.Gateway.Devices;

/// <summary>Body of <c>POST /api/v1/admin/devices</c>; Wi-Fi settings are optional and only go into the returned config file.</summary>
public sealed record ProvisionRequest(string? Id, string? Branch, string? Kind, string? WifiSsid, string? WifiPassword);
