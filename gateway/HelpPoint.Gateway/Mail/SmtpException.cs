namespace HelpPoint.Gateway.Mail;

/// <summary>The SMTP server refused a step, or the conversation broke off.</summary>
public sealed class SmtpException(string message, int? code = null, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The server's reply code, when there was one.</summary>
    public int? Code { get; } = code;
}
