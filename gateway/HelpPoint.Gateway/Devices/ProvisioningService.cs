using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Common;
using HelpPoint.Domain.Devices;
using HelpPoint.Domain.Requests;
using HelpPoint.Domain.Staff;
using HelpPoint.Gateway.Auth;
using HelpPoint.Gateway.Mqtt;
using HelpPoint.Gateway.Storage;
using Microsoft.Extensions.Options;

namespace HelpPoint.Gateway.Devices;

/// <summary>
/// Registers devices, issues and rotates their secrets (shown once, stored only as a hash) and revokes them. After any change the
/// broker's credential cache forgets the device, so an old secret stops working at the next connect.
/// </summary>
public sealed class ProvisioningService(
    IDeviceStore devices,
    IBranchStore branches,
    EfProvisioningStore registrations,
    DeviceDirectory directory,
    IMqttPublisher mqtt,
    IOptions<ProvisioningOptions> provisioning,
    IOptions<MqttOptions> mqttOptions,
    TimeProvider time,
    ILogger<ProvisioningService> logger)
{
    public const int MaxWifiSsid = 32;
    public const int MaxWifiPassword = 64;

    public async Task<IReadOnlyList<RegistrationView>> ListAsync(CancellationToken cancellationToken)
    {
        var byId = (await devices.AllAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(d => d.Id, StringComparer.Ordinal);
        var views = new List<RegistrationView>();
        foreach (var r in await registrations.AllAsync(cancellationToken).ConfigureAwait(false))
        {
            views.Add(View(byId.GetValueOrDefault(r.DeviceId), r));
            byId.Remove(r.DeviceId);
        }

        // Devices made before provisioning existed (demo mode) have no registration record.
        views.AddRange(byId.Values.Select(d => View(d, null)));
        return views.OrderBy(v => v.Branch, StringComparer.Ordinal).ThenBy(v => v.Id, StringComparer.Ordinal).ToList();
    }

    public async Task<Result<ProvisionedDevice>> RegisterAsync(Actor admin, ProvisionRequest request, string requestHost, CancellationToken cancellationToken)
    {
        if (!Identifiers.IsValidSlug(request.Id))
        {
            return DomainError.Invalid("id must match [a-z0-9-]{1,32}");
        }

        if (!Identifiers.IsValidSlug(request.Branch))
        {
            return DomainError.Invalid("branch must match [a-z0-9-]{1,32}");
        }

        if (request.Kind is not (null or "helppoint" or "board"))
        {
            return DomainError.Invalid("kind must be helppoint or board");
        }

        if (ValidateWifi(request.WifiSsid, request.WifiPassword) is { } wifiError)
        {
            return wifiError;
        }

        var branch = await branches.FindAsync(request.Branch!, cancellationToken).ConfigureAwait(false);
        if (branch is null)
        {
            return DomainError.NotFound($"unknown branch '{request.Branch}'");
        }

        if (await devices.FindAsync(request.Id!, cancellationToken).ConfigureAwait(false) is not null)
        {
            return DomainError.Conflict($"device '{request.Id}' is registered already; rotate its secret to get a new one");
        }

        var now = time.GetUtcNow();
        var secret = SecretHasher.NewToken(24);
        var device = new Device
        {
            Id = request.Id!,
            Branch = branch.Id,
            Kind = request.Kind == "board" ? DeviceKind.Board : DeviceKind.HelpPoint,
            SecretHash = SecretHasher.HashDeviceSecret(secret),
        };
        await devices.UpsertAsync(device, cancellationToken).ConfigureAwait(false);
        var registration = new DeviceRegistration
        {
            DeviceId = device.Id,
            Branch = branch.Id,
            Kind = KindName(device.Kind),
            RegisteredAt = now,
            RegisteredBy = admin.UserName,
            SecretIssuedAt = now,
        };
        await registrations.UpsertAsync(registration, cancellationToken).ConfigureAwait(false);
        directory.Forget(device.Id);
        await PublishConfigAsync(branch, device.Id, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Device {Device} registered for {Branch} by {Admin}", device.Id, branch.Id, admin.UserName);
        return new ProvisionedDevice(View(device, registration), secret, Config(device, secret, branch, requestHost, request.WifiSsid, request.WifiPassword));
    }

    /// <summary>Issues a new secret; the old one stops working (at once for new connections).</summary>
    public async Task<Result<ProvisionedDevice>> RotateAsync(Actor admin, string id, ConfigRequest? wifi, string requestHost, CancellationToken cancellationToken)
    {
        if (ValidateWifi(wifi?.WifiSsid, wifi?.WifiPassword) is { } wifiError)
        {
            return wifiError;
        }

        var device = await devices.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (device is null)
        {
            return DomainError.NotFound($"unknown device '{id}' (a revoked device is registered again with POST /api/v1/admin/devices)");
        }

        var branch = await branches.FindAsync(device.Branch, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"device {id} belongs to unknown branch {device.Branch}");
        var now = time.GetUtcNow();
        var secret = SecretHasher.NewToken(24);
        device.SecretHash = SecretHasher.HashDeviceSecret(secret);
        await devices.UpsertAsync(device, cancellationToken).ConfigureAwait(false);
        var registration = await registrations.FindAsync(id, cancellationToken).ConfigureAwait(false)
            ?? new DeviceRegistration { DeviceId = id, Branch = device.Branch, RegisteredAt = now, RegisteredBy = admin.UserName, SecretIssuedAt = now };
        registration.SecretIssuedAt = now;
        registration.Kind = KindName(device.Kind);
        registration.Branch = device.Branch;
        await registrations.UpsertAsync(registration, cancellationToken).ConfigureAwait(false);
        directory.Forget(id);
        logger.LogInformation("Secret of device {Device} rotated by {Admin}", id, admin.UserName);
        return new ProvisionedDevice(View(device, registration), secret, Config(device, secret, branch, requestHost, wifi?.WifiSsid, wifi?.WifiPassword));
    }

    /// <summary>Removes the device: its secret no longer connects, its retained topics are cleared, its history stays in the statistics.</summary>
    public async Task<Result<RegistrationView>> RevokeAsync(Actor admin, string id, CancellationToken cancellationToken)
    {
        var device = await devices.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (device is null)
        {
            return DomainError.NotFound($"unknown device '{id}'");
        }

        var now = time.GetUtcNow();
        var registration = await registrations.FindAsync(id, cancellationToken).ConfigureAwait(false)
            ?? new DeviceRegistration { DeviceId = id, Branch = device.Branch, RegisteredAt = now, RegisteredBy = "(before provisioning)", SecretIssuedAt = now };
        registration.RevokedAt = now;
        registration.RevokedBy = admin.UserName;
        registration.Kind = KindName(device.Kind);
        await registrations.RevokeAsync(registration, cancellationToken).ConfigureAwait(false);
        directory.Forget(id);
        if (mqtt.IsReady)
        {
            // An empty retained message deletes the retained one: a device id given out again later starts clean.
            await mqtt.PublishAsync(Topics.Config(device.Branch, id), [], retain: true, cancellationToken).ConfigureAwait(false);
            await mqtt.PublishAsync(Topics.Ticket(device.Branch, id), [], retain: true, cancellationToken).ConfigureAwait(false);
        }

        logger.LogWarning("Device {Device} revoked by {Admin}", id, admin.UserName);
        return View(null, registration);
    }

    private DeviceConfigFile Config(Device device, string secret, Branch branch, string requestHost, string? ssid, string? password)
    {
        var o = provisioning.Value;
        return DeviceConfigFile.For(
            device.Id, secret, branch.Id, branch.DefaultLanguage,
            string.IsNullOrWhiteSpace(o.BrokerHost) ? requestHost : o.BrokerHost,
            o.BrokerPort ?? mqttOptions.Value.Port,
            o.BrokerTls,
            string.IsNullOrEmpty(ssid) ? o.WifiSsid : ssid,
            password ?? o.WifiPassword);
    }

    private async Task PublishConfigAsync(Branch branch, string deviceId, CancellationToken cancellationToken)
    {
        // Devices get their configuration retained; without this a new device would wait for the next gateway restart.
        if (mqtt.IsReady)
        {
            await mqtt.PublishAsync(Topics.Config(branch.Id, deviceId), ProtocolJson.EncodeConfig(branch.Languages, Categories.All), retain: true, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private static DomainError? ValidateWifi(string? ssid, string? password) =>
        ssid is { Length: > MaxWifiSsid } || (ssid is not null && ssid.Any(char.IsControl))
            ? DomainError.Invalid($"wifiSsid must be at most {MaxWifiSsid} characters")
            : password is { Length: > MaxWifiPassword } || (password is not null && password.Any(char.IsControl))
                ? DomainError.Invalid($"wifiPassword must be at most {MaxWifiPassword} characters")
                : null;

    private static string KindName(DeviceKind kind) => kind == DeviceKind.Board ? "board" : "helppoint";

    private static RegistrationView View(Device? d, DeviceRegistration? r) => new(
        d?.Id ?? r!.DeviceId,
        d?.Branch ?? r!.Branch,
        d is null ? r!.Kind : KindName(d.Kind),
        r?.RevokedAt is not null && d is null ? "revoked" : "active",
        r?.RegisteredAt,
        r?.RegisteredBy,
        r?.SecretIssuedAt,
        d is null ? r?.RevokedAt : null,
        d is null ? r?.RevokedBy : null,
        d?.Online ?? false,
        d?.LastSeen);
}
