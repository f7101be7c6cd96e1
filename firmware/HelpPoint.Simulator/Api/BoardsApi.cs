using HelpPoint.Simulator.Devices;

namespace HelpPoint.Simulator.Api;

/// <summary>The simulator's ticket displays: read-only, they show what the gateway publishes.</summary>
public static class BoardsApi
{
    /// <summary>Maps <c>/api/boards</c>.</summary>
    public static RouteGroupBuilder MapBoards(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder group = app.MapGroup("/api/boards");

        group.MapGet("/", (SimulatorFleet fleet) => TypedResults.Ok(fleet.Boards.Select(BoardView.Of).ToList()));

        group.MapGet("/{id}", IResult (string id, SimulatorFleet fleet) =>
            fleet.FindBoard(id) is { } board
                ? TypedResults.Ok(BoardView.Of(board))
                : TypedResults.Problem(
                    title: "Unknown board",
                    detail: $"No virtual ticket display '{id}' here; this simulator runs {(fleet.Boards.Count == 0 ? "none" : string.Join(", ", fleet.Boards.Select(b => b.DeviceId)))}.",
                    statusCode: StatusCodes.Status400BadRequest));

        return group;
    }
}
