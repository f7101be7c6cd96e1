namespace HelpPoint.Gateway.Mail;

/// <summary>Where a staff user gets e-mail (daily summaries, fleet alerts). A delivery detail, so it lives beside the gateway, not in the domain.</summary>
public sealed class StaffContact
{
    public required string UserName { get; init; }

    public required string Email { get; set; }
}
