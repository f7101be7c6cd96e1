namespace HelpPoint.Gateway.Mail;

/// <summary>An e-mail with a plain-text and an HTML part.</summary>
public sealed record MailMessage(IReadOnlyList<string> To, string Subject, string Text, string? Html);
