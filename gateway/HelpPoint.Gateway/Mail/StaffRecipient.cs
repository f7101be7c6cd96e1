namespace HelpPoint.Gateway.Mail;

/// <summary>A staff member who should hear about a branch: login, display name, e-mail address if known.</summary>
public sealed record StaffRecipient(string UserName, string DisplayName, string? Email);
