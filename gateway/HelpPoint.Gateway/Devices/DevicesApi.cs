using System.Security.Claims;
using HelpPoint.Domain.Devices;
using HelpPoint.Domain.Fleet;
using HelpPoint.Domain.Staff;
using HelpPoint.Gateway.Auth;
using HelpPoint.Gateway.Http;
using HelpPoint.Gateway.Stats;
using Microsoft.Extensions.Options;

namespace HelpPoint.Gateway.Devices;

/// <summary>
/// The fleet for managers (<c>GET /api/v1/devices</c>) and device provisioning for admins (<c>/api/v1/admin/devices</c>):
/// register, rotate the secret, revoke, download the config file.
/// </summary>
public static class DevicesApi
{
    public static RouteGroupBuilder MapDevicesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/devices", FleetAsync).RequireAuthorization(Policies.Managers).Produces<List<DeviceView>>()
            .WithSummary("Every device of your branches with its last reported health, silence and open alert (optionally ?branch=…)");

        var admin = api.MapGroup("/admin/devices").RequireAuthorization(Policies.Admins);
        admin.MapGet("", (ProvisioningService p, CancellationToken ct) => p.ListAsync(ct)).Produces<List<RegistrationView>>()
            .WithSummary("Every registered device id, revoked ones included");
        admin.MapPost("", RegisterAsync).Produces<ProvisionedDevice>(201)
            .WithSummary("Register a help point or board for a branch; the answer holds its secret and config file, shown this once");
        admin.MapPost("/{id}/rotate", RotateAsync).Produces<ProvisionedDevice>()
            .WithSummary("Issue a new secret (the old one stops working); the answer holds it and the config file, shown this once");
        admin.MapPost("/{id}/revoke", RevokeAsync).Produces<RegistrationView>()
            .WithSummary("Revoke the device: its secret no longer connects; its history stays in the statistics");
        admin.MapPost("/{id}/config", ConfigFileAsync).Produces<DeviceConfigFile>(200, "application/json")
            .WithSummary("Download config.json for the device's flash; issues a new secret (the old one stops working)");
        return api;
    }

    private static async Task<IResult> FleetAsync(
        string? branch, ClaimsPrincipal user, StatsAccess access, DeviceService devices, IFleetAlertStore alerts, IOptions<FleetWatchOptions> fleet,
        TimeProvider time, CancellationToken cancellationToken)
    {
        HashSet<string> visible;
        if (branch is not null)
        {
            var b = await access.BranchAsync(user, branch, cancellationToken);
            if (b.Error is { } error)
            {
                return error.ToProblem();
            }

            visible = [b.Value!.Id];
        }
        else
        {
            visible = (await access.VisibleBranchesAsync(user, cancellationToken)).Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        }

        var open = (await alerts.OpenAsync(cancellationToken)).GroupBy(a => a.Device, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var now = time.GetUtcNow();
        var isAdmin = user.ToActor().Role == StaffRole.Admin;
        return TypedResults.Ok((await devices.FleetAsync(cancellationToken))
            .Where(d => visible.Contains(d.Branch) || (isAdmin && branch is null))
            .Select(d => DeviceView.From(d, now, fleet.Value.StaleAfter, open.GetValueOrDefault(d.Id)))
            .ToList());
    }

    private static async Task<IResult> RegisterAsync(ProvisionRequest? body, HttpContext http, ProvisioningService provisioning, CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return DomainProblems.Invalid("send {\"id\":\"kista-hp-1\",\"branch\":\"kista\",\"kind\":\"helppoint\"}");
        }

        var result = await provisioning.RegisterAsync(http.User.ToActor(), body, http.Request.Host.Host, cancellationToken);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/admin/devices/{result.Value!.Device.Id}", result.Value) : result.Error!.ToProblem();
    }

    private static async Task<IResult> RotateAsync(string id, HttpContext http, ProvisioningService provisioning, CancellationToken cancellationToken)
    {
        if (!Domain.Common.Identifiers.IsValidSlug(id))
        {
            return DomainProblems.Invalid("device id must match [a-z0-9-]{1,32}");
        }

        var (body, bodyError) = await ReadConfigRequestAsync(http, cancellationToken);
        if (bodyError is not null)
        {
            return DomainProblems.Invalid(bodyError);
        }

        var result = await provisioning.RotateAsync(http.User.ToActor(), id, body, http.Request.Host.Host, cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
    }

    private static async Task<IResult> RevokeAsync(string id, HttpContext http, ProvisioningService provisioning, CancellationToken cancellationToken)
    {
        if (!Domain.Common.Identifiers.IsValidSlug(id))
        {
            return DomainProblems.Invalid("device id must match [a-z0-9-]{1,32}");
        }

        var result = await provisioning.RevokeAsync(http.User.ToActor(), id, cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
    }

    private static async Task<IResult> ConfigFileAsync(string id, HttpContext http, ProvisioningService provisioning, CancellationToken cancellationToken)
    {
        if (!Domain.Common.Identifiers.IsValidSlug(id))
        {
            return DomainProblems.Invalid("device id must match [a-z0-9-]{1,32}");
        }

        var (body, bodyError) = await ReadConfigRequestAsync(http, cancellationToken);
        if (bodyError is not null)
        {
            return DomainProblems.Invalid(bodyError);
        }

        var result = await provisioning.RotateAsync(http.User.ToActor(), id, body, http.Request.Host.Host, cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem();
        }

        http.Response.Headers.ContentDisposition = "attachment; filename=\"config.json\"";
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(result.Value!.Config, System.Text.Json.JsonSerializerOptions.Web);
    }

    /// <summary>The optional JSON body of rotate and config (Wi-Fi settings); an empty body is fine.</summary>
    private static async Task<(ConfigRequest? Body, string? Error)> ReadConfigRequestAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength is 0 || (http.Request.ContentLength is null && !http.Request.HasJsonContentType()))
        {
            return (null, null);
        }

        try
        {
            return (await http.Request.ReadFromJsonAsync<ConfigRequest>(cancellationToken), null);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException)
        {
            return (null, "the body must be empty or JSON like {\"wifiSsid\":\"…\",\"wifiPassword\":\"…\"}");
        }
    }
}
