namespace HelpPoint.Gateway.Stats;

/// <summary>The daily summary e-mail (configuration section <c>Summary</c>); it is only sent when <c>Smtp:Host</c> is set.</summary>
public sealed class SummaryOptions
{
    public const string Section = "Summary";

    /// <summary>Branch-local time of day after which the previous day's summary is sent. Default 07:00.</summary>
    public TimeOnly SendAt { get; set; } = new(7, 0);

    /// <summary>Turns the automatic e-mail off while keeping SMTP for alerts. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Public address of the dashboard for the link in the e-mail, e.g. <c>https://helppoint.library.example/manager/</c>. Optional.</summary>
    public string? DashboardUrl { get; set; }

    /// <summary>How often the mailer looks whether a summary is due. Default 1 minute.</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(1);
}
