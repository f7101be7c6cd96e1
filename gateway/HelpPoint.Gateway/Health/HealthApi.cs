using HelpPoint.Gateway.Mqtt;
using HelpPoint.Gateway.Storage;

namespace HelpPoint.Gateway.Health;

/// <summary><c>GET /healthz</c> (database and broker ready) and <c>GET /metrics</c> (counters, Prometheus text).</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async (DbFactory db, IMqttPublisher broker, CancellationToken cancellationToken) =>
        {
            var problem = await db.CheckAsync(cancellationToken);
            var database = problem is null;
            var mqtt = broker.IsReady;
            var body = new { status = database && mqtt ? "ready" : "unavailable", database, broker = mqtt, reason = problem ?? (mqtt ? null : "broker not ready") };
            return database && mqtt ? Results.Ok(body) : Results.Json(body, statusCode: 503);
        }).AllowAnonymous().WithSummary("200 when the database and the broker are ready, 503 otherwise");

        app.MapGet("/metrics", (GatewayMetrics metrics) => Results.Text(metrics.ToPrometheusText(), "text/plain; version=0.0.4"))
            .AllowAnonymous().WithSummary("Counters of handled and refused messages (no personal data)");
        return app;
    }
}
