using HelpPoint.Core;
using HelpPoint.Simulator.Devices;

namespace HelpPoint.Simulator.Api;

/// <summary>A virtual help point as the HTTP API and the page see it.</summary>
public sealed record DeviceView(
    string Id,
    string Branch,
    bool Connected,
    string State,
    string? RequestId,
    string? Ticket,
    int? Position,
    int? WaitS,
    string? Host,
    string? Reason,
    int Pending,
    string Language,
    IReadOnlyList<string> Lines,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Categories,
    string? SelectedLanguage,
    string Feedback,
    bool Led,
    int Tone,
    DisplayBitmap? Display = null,
    string DefaultLanguage = "sv")
{
    /// <summary>Reads one consistent snapshot of the device.</summary>
    public static DeviceView Of(VirtualHelpPoint device)
    {
        HelpPointSnapshot s = device.Snapshot;
        return new DeviceView(
            device.DeviceId,
            device.Branch,
            s.Connected,
            s.StateName,
            s.RequestId,
            s.Ticket,
            s.Position == TicketMessage.None ? null : s.Position,
            s.WaitS == TicketMessage.None ? null : s.WaitS,
            s.Host,
            s.Reason,
            s.Pending,
            s.Screen.Language,
            s.Screen.Lines,
            s.Languages,
            s.Categories.Select(c => HelpPoint.Core.Categories.ToProtocol(c)).ToArray(),
            s.SelectedLanguage,
            s.Feedback switch { FeedbackPrompt.Open => "open", FeedbackPrompt.Given => "given", _ => "none" },
            device.Led,
            device.Tone,
            DisplayBitmap.Of(s.Screen),
            device.DefaultLanguage);
    }
}
