using HelpPoint.Gateway.Mqtt;
using Microsoft.Extensions.Options;

namespace HelpPoint.Gateway.Cluster;

/// <summary>
/// <c>POST /internal/v1/device-messages</c>: a device message that reached a gateway not owning the device's branch
/// (shared subscriptions split messages among gateways), handed to the owner. Only gateways, proving the cluster key,
/// may call it; the answer (204) comes after the owner stored the message, so the first gateway acknowledges it only then.
/// </summary>
public static class ClusterIngestApi
{
    public const string Path = "/internal/v1/device-messages";

    /// <summary>Maps the endpoint only where several gateways share the work; a single gateway has no such door.</summary>
    public static IEndpointRouteBuilder MapClusterIngest(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetRequiredService<IBranchOwnership>().IsShared)
        {
            // Not a staff endpoint: callers prove the cluster key (checked first thing in the handler).
            app.MapPost(Path, HandleAsync).ExcludeFromDescription().AllowAnonymous();
        }

        return app;
    }

    private static async Task<IResult> HandleAsync(
        ForwardedDeviceMessage? body, HttpContext http, IBranchOwnership ownership, ClusterKey key, DeviceDirectory directory,
        DeviceMessageHandler handler, CancellationToken cancellationToken)
    {
        if (!ownership.IsShared || !ClusterOptions.KeyMatches(key.Value, http.Request.Headers[ClusterOptions.KeyHeader]))
        {
            return Results.Problem(statusCode: 403, title: "Forbidden", detail: "gateways only");
        }

        if (body is null || body.Device is null || body.Kind is null || body.Payload is null || body.Payload.Length > 4096)
        {
            return Results.Problem(statusCode: 400, title: "Bad request", detail: "send {\"device\",\"kind\",\"payload\"}");
        }

        var device = await directory.FindAsync(body.Device, cancellationToken);
        if (device is null)
        {
            return Results.Problem(statusCode: 404, title: "Not found", detail: "unknown device");
        }

        if (!ownership.Owns(device.Branch))
        {
            return Results.Problem(statusCode: 503, title: "Service unavailable", detail: $"not the owner of branch '{device.Branch}'");
        }

        await handler.HandleAsync(device, body.Kind, body.Payload, cancellationToken);
        return Results.NoContent();
    }
}

/// <summary>A device message handed from one gateway to the owner of its branch.</summary>
public sealed record ForwardedDeviceMessage(string? Device, string? Kind, byte[]? Payload);

/// <summary>The cluster key in effect (see <see cref="ClusterOptions.Key"/>).</summary>
public sealed class ClusterKey(IOptions<ClusterOptions> cluster, IOptions<MqttOptions> mqtt)
{
    public string Value { get; } = mqtt.Value.IsExternal ? ClusterOptions.EffectiveKey(cluster.Value, mqtt.Value.Password) : "";
}

/// <summary>Hands a device message to the gateway that owns its branch, retrying while ownership moves.</summary>
public sealed class DeviceMessageForwarder(IBranchOwnership ownership, ClusterKey key, IHttpClientFactory clients, TimeProvider time)
{
    /// <summary>
    /// True once the owner stored it (or this gateway became the owner meanwhile: then false, and the caller handles it).
    /// Throws when nobody took it within the retries; the message is then not acknowledged and the broker sends it again.
    /// </summary>
    public async Task<bool> ForwardAsync(DeviceIdentity device, string kind, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        Exception? last = null;
        for (var attempt = 0; attempt < 40; attempt++)
        {
            if (ownership.Owns(device.Branch))
            {
                return false;
            }

            var owner = await ownership.OwnerAsync(device.Branch, cancellationToken).ConfigureAwait(false);
            if (owner is not null)
            {
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(owner, ClusterIngestApi.Path))
                    {
                        Content = JsonContent.Create(new ForwardedDeviceMessage(device.Id, kind, payload.ToArray())),
                    };
                    request.Headers.TryAddWithoutValidation(ClusterOptions.KeyHeader, key.Value);
                    using var answer = await clients.CreateClient(ForwardToOwner.HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
                    if (answer.IsSuccessStatusCode)
                    {
                        return true;
                    }

                    last = new HttpRequestException($"{owner} answered {(int)answer.StatusCode}");
                }
                catch (HttpRequestException ex)
                {
                    last = ex;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), time, cancellationToken).ConfigureAwait(false);
        }

        throw new InvalidOperationException($"no gateway took {kind} from {device.Id} (branch {device.Branch})", last);
    }
}
