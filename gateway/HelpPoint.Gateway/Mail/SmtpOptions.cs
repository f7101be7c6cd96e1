namespace HelpPoint.Gateway.Mail;

/// <summary>Outgoing e-mail (configuration section <c>Smtp</c>). Without a host, the gateway sends no e-mail at all.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    /// <summary>SMTP server; empty means e-mail is off.</summary>
    public string? Host { get; set; }

    /// <summary>Default 587 (submission with STARTTLS); 465 for implicit TLS, 25 for a relay without TLS.</summary>
    public int Port { get; set; } = 587;

    /// <summary><c>starttls</c> (default), <c>tls</c> (implicit, port 465) or <c>none</c>.</summary>
    public string Security { get; set; } = "starttls";

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>Sender address, e.g. <c>helppoint@library.example</c>. Required with a host.</summary>
    public string? From { get; set; }

    /// <summary>Display name of the sender.</summary>
    public string FromName { get; set; } = "HelpPoint";

    /// <summary>Allow AUTH over a connection without TLS (only for a relay on a trusted network). Default false.</summary>
    public bool AllowInsecureAuth { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
