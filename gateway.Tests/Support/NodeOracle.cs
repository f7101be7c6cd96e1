using System.Diagnostics;
using System.Text.Json;

namespace HelpPoint.Gateway.Tests.Support;

/// <summary>
/// Independent implementations in Node (gateway.Tests/oracle: http_ece, web-push, Node's crypto, axe-core), called as a child
/// process. The first use installs the pinned packages with <c>npm ci</c> when node_modules is missing (a fresh machine).
/// </summary>
public static class NodeOracle
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private static bool _installed;

    public static string Directory => Path.Combine(Repo.Root, "gateway.Tests", "oracle");

    public static async Task EnsureInstalledAsync()
    {
        await InstallGate.WaitAsync();
        try
        {
            if (_installed || System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "http_ece")) && System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "axe-core")))
            {
                _installed = true;
                return;
            }

            var (code, output) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], null, TimeSpan.FromMinutes(3));
            Assert.AreEqual(0, code, "npm ci in gateway.Tests/oracle failed: " + output);
            _installed = true;
        }
        finally
        {
            InstallGate.Release();
        }
    }

    /// <summary>Runs one oracle command (see oracle.js) and returns its JSON answer.</summary>
    public static async Task<JsonElement> CallAsync(string command, object? args = null)
    {
        await EnsureInstalledAsync();
        var input = JsonSerializer.Serialize(new { command, args }, JsonSerializerOptions.Web);
        var (code, output) = await RunAsync("node", ["oracle.js"], input, TimeSpan.FromSeconds(30));
        Assert.AreEqual(0, code, $"oracle {command} failed: {output}");
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    /// <summary>The axe-core engine's source, to evaluate in a page.</summary>
    public static async Task<string> AxeSourceAsync()
    {
        await EnsureInstalledAsync();
        return await File.ReadAllTextAsync(Path.Combine(Directory, "node_modules", "axe-core", "axe.min.js"));
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, string[] args, string? stdin, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = Directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} took longer than {timeout}");
        }

        return (process.ExitCode, (await stdout) + (await stderr));
    }
}
