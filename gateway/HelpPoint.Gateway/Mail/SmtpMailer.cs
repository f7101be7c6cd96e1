using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;

namespace HelpPoint.Gateway.Mail;

/// <summary>
/// A small SMTP client (RFC 5321) — EHLO, STARTTLS or implicit TLS, AUTH PLAIN, one message per connection — written out here
/// because <c>System.Net.Mail.SmtpClient</c> is frozen and lacks implicit TLS. Bodies go as base64 UTF-8, so no line ever starts
/// with a dot and any language survives any relay.
/// </summary>
public sealed class SmtpMailer(IOptions<SmtpOptions> options, ILogger<SmtpMailer> logger)
{
    public bool IsConfigured => options.Value.IsConfigured;

    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.IsConfigured || string.IsNullOrWhiteSpace(o.From))
        {
            throw new InvalidOperationException("e-mail is not configured (Smtp:Host and Smtp:From)");
        }

        if (message.To.Count == 0)
        {
            throw new ArgumentException("a message needs at least one recipient", nameof(message));
        }

        foreach (var address in message.To.Append(o.From))
        {
            if (!IsValidAddress(address))
            {
                throw new ArgumentException($"'{address}' is not a usable e-mail address", nameof(message));
            }
        }

        var security = o.Security.ToLowerInvariant();
        if (security is not ("starttls" or "tls" or "none"))
        {
            throw new InvalidOperationException($"Smtp:Security must be starttls, tls or none, not '{o.Security}'");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(o.Timeout);
        var ct = timeout.Token;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(o.Host!, o.Port, ct).ConfigureAwait(false);
        Stream stream = tcp.GetStream();
        if (security == "tls")
        {
            stream = await StartTlsAsync(stream, o.Host!, ct).ConfigureAwait(false);
        }

        var session = new Session(stream);
        await session.ExpectAsync(220, ct).ConfigureAwait(false);
        var extensions = await session.HelloAsync(ct).ConfigureAwait(false);
        if (security == "starttls")
        {
            if (!extensions.Contains("STARTTLS"))
            {
                throw new SmtpException($"{o.Host} does not offer STARTTLS; set Smtp:Security=none only for a trusted relay");
            }

            await session.CommandAsync("STARTTLS", 220, ct).ConfigureAwait(false);
            session = new Session(await StartTlsAsync(stream, o.Host!, ct).ConfigureAwait(false));
            extensions = await session.HelloAsync(ct).ConfigureAwait(false);
        }

        if (!string.IsNullOrEmpty(o.User))
        {
            if (security == "none" && !o.AllowInsecureAuth)
            {
                throw new InvalidOperationException("refusing to send the SMTP password without TLS (set Smtp:AllowInsecureAuth=true for a trusted relay)");
            }

            var plain = Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{o.User}\0{o.Password}"));
            await session.CommandAsync("AUTH PLAIN " + plain, 235, ct, logAs: "AUTH PLAIN ***").ConfigureAwait(false);
        }

        await session.CommandAsync($"MAIL FROM:<{o.From}>", 250, ct).ConfigureAwait(false);
        foreach (var to in message.To)
        {
            await session.CommandAsync($"RCPT TO:<{to}>", 250, ct).ConfigureAwait(false);
        }

        await session.CommandAsync("DATA", 354, ct).ConfigureAwait(false);
        await session.WriteDataAsync(Compose(message, o), ct).ConfigureAwait(false);
        await session.ExpectAsync(250, ct).ConfigureAwait(false);
        try
        {
            await session.CommandAsync("QUIT", 221, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SmtpException or IOException)
        {
            // The message was accepted at "250" after DATA; a rude goodbye changes nothing.
        }

        logger.LogInformation("E-mail \"{Subject}\" sent to {Count} recipient(s) via {Host}", message.Subject, message.To.Count, o.Host);
    }

    /// <summary>The message in RFC 5322 form: headers, then a multipart/alternative body of base64 parts.</summary>
    internal static string Compose(MailMessage message, SmtpOptions o)
    {
        var boundary = "hp-" + Guid.NewGuid().ToString("N");
        var text = new StringBuilder();
        text.Append("From: ").Append(EncodeWord(o.FromName)).Append(" <").Append(o.From).Append(">\r\n");
        text.Append("To: ").Append(string.Join(", ", message.To)).Append("\r\n");
        text.Append("Subject: ").Append(EncodeWord(message.Subject)).Append("\r\n");
        text.Append("Date: ").Append(DateTimeOffset.UtcNow.ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture)).Append("\r\n");
        text.Append("Message-ID: <").Append(Guid.NewGuid().ToString("N")).Append("@helppoint>\r\n");
        text.Append("MIME-Version: 1.0\r\n");
        text.Append("Auto-Submitted: auto-generated\r\n");
        text.Append("Content-Type: multipart/alternative; boundary=\"").Append(boundary).Append("\"\r\n\r\n");
        Part(text, boundary, "text/plain", message.Text);
        if (message.Html is not null)
        {
            Part(text, boundary, "text/html", message.Html);
        }

        text.Append("--").Append(boundary).Append("--\r\n");
        return text.ToString();
    }

    /// <summary>An address without anything that could break out of a header or command (CR, LF, angle brackets, spaces).</summary>
    public static bool IsValidAddress(string? address) =>
        address is { Length: > 2 and <= 254 } && address.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < address.Length - 1
        && !address.Any(c => c is '\r' or '\n' or '<' or '>' or ' ' or ',' or ';' or '"' || char.IsControl(c));

    private static void Part(StringBuilder text, string boundary, string type, string body)
    {
        text.Append("--").Append(boundary).Append("\r\n");
        text.Append("Content-Type: ").Append(type).Append("; charset=utf-8\r\n");
        text.Append("Content-Transfer-Encoding: base64\r\n\r\n");
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(body));
        for (var i = 0; i < base64.Length; i += 76)
        {
            text.Append(base64, i, Math.Min(76, base64.Length - i)).Append("\r\n");
        }
    }

    /// <summary>RFC 2047 encoded word for non-ASCII header text; CR and LF are dropped so a header can never be injected.</summary>
    private static string EncodeWord(string value)
    {
        value = value.Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
        return value.All(c => c is >= ' ' and <= '~') ? value : "=?utf-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(value)) + "?=";
    }

    private static async Task<Stream> StartTlsAsync(Stream stream, string host, CancellationToken cancellationToken)
    {
        var tls = new SslStream(stream, leaveInnerStreamOpen: false);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = host }, cancellationToken).ConfigureAwait(false);
        return tls;
    }

    /// <summary>One direction of talk over the current stream (replaced after STARTTLS, when nothing is buffered).</summary>
    private sealed class Session(Stream stream)
    {
        private readonly StreamReader _reader = new(stream, Encoding.ASCII, false, 1024, leaveOpen: true);

        public async Task<HashSet<string>> HelloAsync(CancellationToken cancellationToken)
        {
            await WriteLineAsync("EHLO " + HeloName(), cancellationToken).ConfigureAwait(false);
            var (code, lines) = await ReadReplyAsync(cancellationToken).ConfigureAwait(false);
            if (code != 250)
            {
                throw new SmtpException($"EHLO refused: {code} {string.Join(" ", lines)}", code);
            }

            return lines.Skip(1).Select(l => l.Split(' ')[0].ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        }

        public async Task CommandAsync(string command, int expected, CancellationToken cancellationToken, string? logAs = null)
        {
            await WriteLineAsync(command, cancellationToken).ConfigureAwait(false);
            var (code, lines) = await ReadReplyAsync(cancellationToken).ConfigureAwait(false);
            if (code != expected && !(expected == 250 && code == 251))
            {
                throw new SmtpException($"{logAs ?? command.Split(':')[0]} refused: {code} {string.Join(" ", lines)}", code);
            }
        }

        public async Task ExpectAsync(int expected, CancellationToken cancellationToken)
        {
            var (code, lines) = await ReadReplyAsync(cancellationToken).ConfigureAwait(false);
            if (code != expected)
            {
                throw new SmtpException($"expected {expected}, got {code} {string.Join(" ", lines)}", code);
            }
        }

        /// <summary>Sends the message and the terminating dot; a line starting with a dot gets a second one (RFC 5321 4.5.2).</summary>
        public async Task WriteDataAsync(string data, CancellationToken cancellationToken)
        {
            if (!data.EndsWith("\r\n", StringComparison.Ordinal))
            {
                data += "\r\n";
            }

            var body = new StringBuilder(data.Length + 64);
            foreach (var line in data.Split("\r\n"))
            {
                body.Append(line.StartsWith('.') ? "." + line : line).Append("\r\n");
            }

            // Split leaves one empty piece after the final CRLF; drop its CRLF again before the terminator.
            body.Length -= 2;
            body.Append(".\r\n");
            await stream.WriteAsync(Encoding.UTF8.GetBytes(body.ToString()), cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        private async Task WriteLineAsync(string line, CancellationToken cancellationToken)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(line + "\r\n"), cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        private async Task<(int Code, List<string> Lines)> ReadReplyAsync(CancellationToken cancellationToken)
        {
            var lines = new List<string>();
            while (true)
            {
                var line = await _reader.ReadLineAsync(cancellationToken).ConfigureAwait(false)
                    ?? throw new SmtpException("the SMTP server closed the connection");
                if (line.Length < 3 || !int.TryParse(line.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var code))
                {
                    throw new SmtpException($"not an SMTP reply: '{line}'");
                }

                lines.Add(line.Length > 4 ? line[4..] : "");
                if (line.Length == 3 || line[3] != '-')
                {
                    return (code, lines);
                }
            }
        }

        private static string HeloName()
        {
            var name = System.Net.Dns.GetHostName();
            return string.IsNullOrEmpty(name) || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '.')) ? "helppoint-gateway" : name;
        }
    }
}
