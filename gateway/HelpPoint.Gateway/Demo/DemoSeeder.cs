using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Devices;
using HelpPoint.Domain.Staff;
using HelpPoint.Gateway.Auth;

namespace HelpPoint.Gateway.Demo;

/// <summary>Demo mode (<c>--demo</c>): the fixed branch, devices and users of protocol v1's "Demo mode", so anyone can try the system.</summary>
public static class DemoSeeder
{
    public const string Branch = "demo";
    public const string DeviceSecret = "demo-secret";

    public static readonly (string User, string Name, StaffRole Role, string Secret)[] Users =
    [
        ("host1", "Sara", StaffRole.Host, "1111"),
        ("host2", "Yonas", StaffRole.Host, "2222"),
        ("manager", "Maria", StaffRole.Manager, "demo-manager"),
    ];

    public static readonly (string Id, DeviceKind Kind)[] Devices =
    [
        ("demo-hp-1", DeviceKind.HelpPoint),
        ("demo-hp-2", DeviceKind.HelpPoint),
        ("demo-board", DeviceKind.Board),
    ];

    public static async Task SeedAsync(IBranchStore branches, IDeviceStore devices, IStaffStore staff, CancellationToken cancellationToken)
    {
        await branches.UpsertAsync(new Branch { Id = Branch, Name = "Demo library", Languages = ["sv", "en", "ar", "so", "fa", "ti", "uk"] }, cancellationToken);
        foreach (var (id, kind) in Devices)
        {
            var existing = await devices.FindAsync(id, cancellationToken);
            var device = existing ?? new Device { Id = id, Branch = Branch, SecretHash = "" };
            device.Branch = Branch;
            device.Kind = kind;
            device.SecretHash = SecretHasher.HashDeviceSecret(DeviceSecret);
            await devices.UpsertAsync(device, cancellationToken);
        }

        foreach (var (user, name, role, secret) in Users)
        {
            var existing = await staff.FindAsync(user, cancellationToken);
            var u = existing ?? new StaffUser { UserName = user, DisplayName = name, SecretHash = "" };
            u.DisplayName = name;
            u.Role = role;
            u.SecretHash = SecretHasher.HashStaffSecret(secret);
            u.FailedSignIns = 0;
            u.LockedUntil = null;
            await staff.UpsertAsync(u, cancellationToken);
        }
    }

    public static string Banner(string httpUrls, int mqttPort) => $"""

        ================= HelpPoint gateway — DEMO MODE =================
         Phone app (IT-hosts):  {httpUrls}
         MQTT broker:           port {mqttPort}
         Branch:                {Branch}
         Help points:           demo-hp-1, demo-hp-2   secret: {DeviceSecret}
         Ticket display:        demo-board             secret: {DeviceSecret}
         IT-hosts:              host1 (Sara) PIN 1111,  host2 (Yonas) PIN 2222
         Manager:               manager  password demo-manager
        =================================================================

        """;
}
