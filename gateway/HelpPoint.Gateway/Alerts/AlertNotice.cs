using HelpPoint.Domain.Fleet;
using HelpPoint.Gateway.Mail;

namespace HelpPoint.Gateway.Alerts;

/// <summary>An alert raised or cleared, with the managers of its branch who should hear about it.</summary>
public sealed record AlertNotice(FleetAlert Alert, bool Cleared, IReadOnlyList<StaffRecipient> Recipients);
