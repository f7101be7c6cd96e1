using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace HelpPoint.Gateway.Tests.Stats;

/// <summary>
/// A small SMTP server on 127.0.0.1 for tests: speaks enough of RFC 5321 (EHLO, AUTH PLAIN, MAIL, RCPT, DATA, RSET, QUIT) to take
/// messages, records them, and can refuse chosen recipients. It offers no STARTTLS.
/// </summary>
public sealed partial class FakeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<ReceivedMail> _messages = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly Task _accepting;

    public FakeSmtpServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Recipients answered with 550.</summary>
    public HashSet<string> Refuse { get; } = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<ReceivedMail> Messages => [.. _messages];

    /// <summary>Waits until at least <paramref name="count"/> messages arrived; false on timeout.</summary>
    public async Task<bool> WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (_messages.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
            {
                return _messages.Count >= count;
            }
        }

        return true;
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = Task.Run(() => ServeAsync(client));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped.
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        string? from = null;
        string? user = null;
        var to = new List<string>();
        try
        {
            await writer.WriteLineAsync("220 fake.test ESMTP ready");
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteAsync("250-fake.test\r\n250-8BITMIME\r\n250 AUTH PLAIN\r\n");
                        break;
                    case "AUTH":
                        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(line.Split(' ')[2])).Split('\0');
                        user = decoded[1] + ":" + decoded[2];
                        await writer.WriteLineAsync("235 2.7.0 accepted");
                        break;
                    case "MAIL":
                        from = Address(line);
                        to.Clear();
                        await writer.WriteLineAsync("250 ok");
                        break;
                    case "RCPT":
                        var rcpt = Address(line);
                        if (Refuse.Contains(rcpt))
                        {
                            await writer.WriteLineAsync("550 5.1.1 no such user");
                        }
                        else
                        {
                            to.Add(rcpt);
                            await writer.WriteLineAsync("250 ok");
                        }

                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }

                        _messages.Enqueue(new ReceivedMail(from ?? "", [.. to], user, data.ToString()));
                        _arrived.Release();
                        await writer.WriteLineAsync("250 2.0.0 queued");
                        break;
                    case "RSET":
                        await writer.WriteLineAsync("250 ok");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 not implemented");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away.
        }
    }

    private static string Address(string line) => AddressPattern().Match(line).Groups[1].Value;

    [GeneratedRegex("<([^>]*)>")]
    private static partial Regex AddressPattern();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}

/// <summary>A message the fake server took, with helpers that undo the MIME encoding.</summary>
public sealed partial record ReceivedMail(string From, IReadOnlyList<string> To, string? Auth, string Data)
{
    public string Header(string name) =>
        Data.Split("\r\n").First(l => l.StartsWith(name + ": ", StringComparison.OrdinalIgnoreCase))[(name.Length + 2)..];

    /// <summary>The Subject header with RFC 2047 encoded words decoded.</summary>
    public string Subject => EncodedWord().Replace(Header("Subject"), m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[1].Value)));

    public string? Part(string contentType)
    {
        var boundary = BoundaryPattern().Match(Data).Groups[1].Value;
        foreach (var part in Data.Split("--" + boundary))
        {
            var split = part.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (split > 0 && part[..split].Contains("Content-Type: " + contentType, StringComparison.OrdinalIgnoreCase))
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(part[(split + 4)..].Replace("\r\n", "", StringComparison.Ordinal)));
            }
        }

        return null;
    }

    [GeneratedRegex(@"=\?utf-8\?B\?([^?]*)\?=")]
    private static partial Regex EncodedWord();

    [GeneratedRegex("boundary=\"([^\"]+)\"")]
    private static partial Regex BoundaryPattern();
}
