using System.Text.Json;
using HelpPoint.Core;
using HelpPoint.Simulator.Devices;

namespace HelpPoint.Simulator.Api;

/// <summary>The simulator's HTTP API: list the virtual help points, press their buttons, cancel.</summary>
public static class DevicesApi
{
    /// <summary>Maps <c>/api/devices</c>.</summary>
    public static RouteGroupBuilder MapDevices(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder group = app.MapGroup("/api/devices");

        group.MapGet("/", (SimulatorFleet fleet) => TypedResults.Ok(fleet.Devices.Select(DeviceView.Of).ToList()));

        group.MapGet("/{id}", IResult (string id, SimulatorFleet fleet) =>
            fleet.Find(id) is { } device ? TypedResults.Ok(DeviceView.Of(device)) : UnknownDevice(id, fleet));

        group.MapPost("/{id}/press", async Task<IResult> (string id, HttpRequest http, SimulatorFleet fleet) =>
        {
            if (fleet.Find(id) is not { } device)
            {
                return UnknownDevice(id, fleet);
            }

            PressRequest? body;
            try
            {
                body = await http.ReadFromJsonAsync<PressRequest>(http.HttpContext.RequestAborted);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                return Invalid("Malformed body", "Send JSON like {\"category\":\"bankid\",\"lang\":\"sv\"} with content-type application/json.");
            }

            if (body?.Category is not { } category || !Categories.TryParse(category, out _))
            {
                return Invalid("Unknown category",
                    $"'{body?.Category}' is not a category; use one of bankid, swish, print, email, phone, forms, other.");
            }

            if (!string.IsNullOrEmpty(body.Lang) && !Languages.IsValidCode(body.Lang))
            {
                return Invalid("Invalid language", $"'{body.Lang}' is not a two-letter ISO 639-1 code such as sv, en or ar.");
            }

            bool accepted = device.Press(category, body.Lang);
            return TypedResults.Ok(new { accepted, device = DeviceView.Of(device) });
        });

        group.MapPost("/{id}/cancel", IResult (string id, SimulatorFleet fleet) =>
        {
            if (fleet.Find(id) is not { } device)
            {
                return UnknownDevice(id, fleet);
            }

            bool cancelled = device.Cancel();
            return TypedResults.Ok(new { cancelled, device = DeviceView.Of(device) });
        });

        group.MapPost("/{id}/language", IResult (string id, SimulatorFleet fleet) =>
        {
            if (fleet.Find(id) is not { } device)
            {
                return UnknownDevice(id, fleet);
            }

            string? picked = device.CycleLanguage();
            return TypedResults.Ok(new { language = picked, device = DeviceView.Of(device) });
        });

        group.MapPost("/{id}/default-language", async Task<IResult> (string id, HttpRequest http, SimulatorFleet fleet) =>
        {
            if (fleet.Find(id) is not { } device)
            {
                return UnknownDevice(id, fleet);
            }

            DefaultLanguageRequest? body;
            try
            {
                body = await http.ReadFromJsonAsync<DefaultLanguageRequest>(http.HttpContext.RequestAborted);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                return Invalid("Malformed body", "Send JSON like {\"lang\":\"ar\"} with content-type application/json.");
            }

            if (body?.Lang is not { } lang || !Languages.IsValidCode(lang))
            {
                return Invalid("Invalid language", $"'{body?.Lang}' is not a two-letter ISO 639-1 code such as sv, en or ar.");
            }

            device.DefaultLanguage = lang;
            return TypedResults.Ok(new { language = lang, device = DeviceView.Of(device) });
        });

        group.MapPost("/{id}/feedback", async Task<IResult> (string id, HttpRequest http, SimulatorFleet fleet) =>
        {
            if (fleet.Find(id) is not { } device)
            {
                return UnknownDevice(id, fleet);
            }

            FeedbackRequest? body;
            try
            {
                body = await http.ReadFromJsonAsync<FeedbackRequest>(http.HttpContext.RequestAborted);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                return Invalid("Malformed body", "Send JSON like {\"score\":3} with content-type application/json.");
            }

            if (body?.Score is not (>= 1 and <= 3))
            {
                return Invalid("Invalid score", "score is 3 (happy), 2 (neutral) or 1 (unhappy).");
            }

            bool taken = device.Feedback(body.Score.Value);
            return TypedResults.Ok(new { taken, device = DeviceView.Of(device) });
        });

        return group;
    }

    private static IResult UnknownDevice(string id, SimulatorFleet fleet) => Invalid(
        "Unknown device",
        $"No virtual help point '{id}' here; this simulator runs {string.Join(", ", fleet.Devices.Select(d => d.DeviceId))}.");

    private static IResult Invalid(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status400BadRequest);
}
