using HelpPoint.Core;
using HelpPoint.Simulator.Devices;

namespace HelpPoint.Simulator.Api;

/// <summary>A virtual ticket display as the HTTP API and the page see it.</summary>
public sealed record BoardView(
    string Id,
    string Branch,
    bool Connected,
    bool Offline,
    IReadOnlyList<string> Lines,
    IReadOnlyList<string> Serving,
    IReadOnlyList<string> Waiting,
    BoardBitmap? Display)
{
    /// <summary>Reads the board's current screen and queue.</summary>
    public static BoardView Of(VirtualTicketBoard board)
    {
        BoardScreen? screen = board.Screen;
        BoardMessage? message = screen?.Message ?? board.Message;
        return new BoardView(
            board.DeviceId,
            board.Branch,
            board.IsConnected,
            screen?.Offline ?? true,
            screen?.Lines ?? [],
            message?.ServingTickets ?? [],
            message?.Waiting ?? [],
            screen == null ? null : BoardBitmap.Of(screen));
    }
}
