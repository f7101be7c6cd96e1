using System.Diagnostics;
using System.Text;

namespace HelpPoint.Gateway.Tests.Support;

/// <summary>
/// The gateway as a separate operating-system process (the build output of gateway/HelpPoint.Gateway), for tests that kill it
/// hard and start it again. Output is kept for the failure message.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private GatewayProcess(Process process, Uri http)
    {
        _process = process;
        Http = http;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri Http { get; }

    /// <summary>The operating-system process id (for memory and CPU readings).</summary>
    public int Pid => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The gateway's build output beside this test run's configuration (Debug or Release).</summary>
    public static string GatewayDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            var dll = Path.Combine(Repo.Root, "gateway", "HelpPoint.Gateway", "bin", configuration, "net10.0", "HelpPoint.Gateway.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("build the gateway first", dll);
        }
    }

    public static async Task<GatewayProcess> StartAsync(string dataPath, int mqttPort, int httpPort, params string[] extra)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            GatewayDll, "--demo", "--urls", $"http://127.0.0.1:{httpPort}", $"--Mqtt:Port={mqttPort}", "--Mqtt:BindAddress=127.0.0.1",
            $"--Data:Path={dataPath}", "--Logging:LogLevel:Default=Warning",
        }.Concat(extra))
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the gateway");
        var gateway = new GatewayProcess(process, new Uri($"http://127.0.0.1:{httpPort}"));
        using var http = new HttpClient { BaseAddress = gateway.Http, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("the gateway exited:\n" + gateway.Output);
            }

            try
            {
                if ((await http.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return gateway;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(200);
        }

        await gateway.DisposeAsync();
        throw new TimeoutException("the gateway did not become healthy in 60 s:\n" + gateway.Output);
    }

    /// <summary>
    /// Runs the gateway (demo mode, as <see cref="StartAsync"/>) expecting it to refuse to start: waits until it exits and
    /// returns its exit code and everything it wrote. Fails if it is still running after <paramref name="timeout"/>.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunUntilExitAsync(string dataPath, TimeSpan timeout, params string[] extra)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            GatewayDll, "--demo", "--urls", $"http://127.0.0.1:{Ports.FreeTcpPort()}", $"--Mqtt:Port={Ports.FreeTcpPort()}", "--Mqtt:BindAddress=127.0.0.1",
            $"--Data:Path={dataPath}", "--Logging:LogLevel:Default=Warning",
        }.Concat(extra))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the gateway");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the gateway was still running after {timeout}:\n{await stdout}{await stderr}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Kills the process at once (SIGKILL): no shutdown code runs, exactly like a power cut of the gateway.</summary>
    public async Task KillHardAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (!_process.HasExited)
        {
            await KillHardAsync();
        }

        _process.Dispose();
    }

    private int _disposed;

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
