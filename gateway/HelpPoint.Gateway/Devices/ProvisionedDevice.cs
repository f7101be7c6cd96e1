namespace HelpPoint.Gateway.Devices;

/// <summary>A device just registered or given a new secret: the only time its secret is ever shown.</summary>
public sealed record ProvisionedDevice(RegistrationView Device, string Secret, DeviceConfigFile Config);
