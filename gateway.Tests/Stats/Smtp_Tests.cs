using HelpPoint.Gateway.Mail;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HelpPoint.Gateway.Tests.Stats;

/// <summary>The gateway's own SMTP client against the fake server on loopback.</summary>
[TestClass]
public sealed class Smtp_Tests
{
    private static SmtpMailer Mailer(FakeSmtpServer smtp, Action<SmtpOptions>? change = null)
    {
        var options = new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, Security = "none", From = "helppoint@library.test", Timeout = TimeSpan.FromSeconds(10) };
        change?.Invoke(options);
        return new SmtpMailer(Options.Create(options), NullLogger<SmtpMailer>.Instance);
    }

    [TestMethod]
    public async Task A_message_arrives_with_utf8_subject_and_both_parts_intact()
    {
        await using var smtp = new FakeSmtpServer();
        var text = "Förfrågningar: 12\n.a line that starts with a dot\nالعربية";

        await Mailer(smtp).SendAsync(new MailMessage(["kim@library.test", "lee@library.test"], "Sammanfattning för Kista", text, "<p>Hej</p>"), CancellationToken.None);

        Assert.IsTrue(await smtp.WaitForAsync(1, TimeSpan.FromSeconds(10)));
        var mail = smtp.Messages[0];
        CollectionAssert.AreEqual(new[] { "kim@library.test", "lee@library.test" }, mail.To.ToArray());
        Assert.AreEqual("Sammanfattning för Kista", mail.Subject);
        Assert.AreEqual(text, mail.Part("text/plain"));
        Assert.AreEqual("<p>Hej</p>", mail.Part("text/html"));
        Assert.IsNull(mail.Auth);
    }

    [TestMethod]
    public async Task A_line_break_in_the_subject_cannot_add_a_header()
    {
        await using var smtp = new FakeSmtpServer();

        await Mailer(smtp).SendAsync(new MailMessage(["kim@library.test"], "Hello\r\nBcc: evil@example.test", "x", null), CancellationToken.None);

        Assert.IsTrue(await smtp.WaitForAsync(1, TimeSpan.FromSeconds(10)));
        Assert.IsFalse(smtp.Messages[0].Data.Contains("\r\nBcc:", StringComparison.Ordinal));
        Assert.AreEqual("Hello Bcc: evil@example.test", smtp.Messages[0].Subject);
    }

    [TestMethod]
    public async Task The_password_is_not_sent_without_tls_unless_allowed()
    {
        await using var smtp = new FakeSmtpServer();
        var message = new MailMessage(["kim@library.test"], "s", "t", null);

        await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => Mailer(smtp, o => (o.User, o.Password) = ("relay", "pw")).SendAsync(message, CancellationToken.None));
        await Mailer(smtp, o => (o.User, o.Password, o.AllowInsecureAuth) = ("relay", "pw", true)).SendAsync(message, CancellationToken.None);

        Assert.IsTrue(await smtp.WaitForAsync(1, TimeSpan.FromSeconds(10)));
        Assert.AreEqual(1, smtp.Messages.Count);
        Assert.AreEqual("relay:pw", smtp.Messages[0].Auth);
    }

    [TestMethod]
    public async Task A_refused_recipient_or_missing_starttls_is_an_error_with_the_reason()
    {
        await using var smtp = new FakeSmtpServer();
        smtp.Refuse.Add("gone@library.test");

        var refused = await Assert.ThrowsExactlyAsync<SmtpException>(() =>
            Mailer(smtp).SendAsync(new MailMessage(["gone@library.test"], "s", "t", null), CancellationToken.None));
        var noTls = await Assert.ThrowsExactlyAsync<SmtpException>(() =>
            Mailer(smtp, o => o.Security = "starttls").SendAsync(new MailMessage(["kim@library.test"], "s", "t", null), CancellationToken.None));

        Assert.AreEqual(550, refused.Code);
        StringAssert.Contains(noTls.Message, "does not offer STARTTLS");
        Assert.AreEqual(0, smtp.Messages.Count);
    }

    [TestMethod]
    [DataRow("kim@library.test", true)]
    [DataRow("kim", false)]
    [DataRow("kim@library.test>\r\nRCPT TO:<x@y", false)]
    [DataRow("kim@library.test, lee@library.test", false)]
    public void Addresses_that_could_break_a_command_are_refused(string address, bool valid) =>
        Assert.AreEqual(valid, SmtpMailer.IsValidAddress(address));
}
