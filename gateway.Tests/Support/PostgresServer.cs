using System.Diagnostics;
using Npgsql;

namespace HelpPoint.Gateway.Tests.Support;

/// <summary>
/// A real PostgreSQL 15 server for this test run: initdb into a temp directory, listening on a free loopback port.
/// Each test gets its own database. Started on first use, stopped at the end of the run.
/// </summary>
public static class PostgresServer
{
    private const string BinDir = "/usr/lib/postgresql/15/bin";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Process? _server;
    private static string? _dataDir;
    private static int _port;

    public static bool IsInstalled => File.Exists(Path.Combine(BinDir, "initdb"));

    /// <summary>A new empty database on the shared server; returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        await EnsureStartedAsync();
        var name = "hp_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public static string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={_port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=50;Timeout=15;Command Timeout=30";

    private static async Task EnsureStartedAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_server is { HasExited: false })
            {
                return;
            }

            if (!IsInstalled)
            {
                throw new InvalidOperationException($"PostgreSQL 15 is not installed ({BinDir}); the README test command installs postgresql-15");
            }

            SweepLeftovers();

            // The directory names this process, so a later run can stop a server whose run was killed before it could.
            _dataDir = Path.Combine(Path.GetTempPath(), $"{Prefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
            Directory.CreateDirectory(_dataDir);
            var asRoot = Environment.UserName == "root";
            if (asRoot)
            {
                // initdb refuses to run as root; the server runs as the postgres user, in a directory it owns.
                await RunAsync("chown", "postgres:postgres", _dataDir);
            }

            await RunAsync(Command(asRoot, "initdb"), Args(asRoot, "initdb", "-D", _dataDir, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"));
            _port = Ports.FreeTcpPort();
            var start = new ProcessStartInfo(Command(asRoot, "postgres")) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in Args(asRoot, "postgres", "-D", _dataDir, "-p", _port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-k", _dataDir,
                         "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                         "-c", "max_connections=400", "-c", "shared_buffers=128MB"))
            {
                start.ArgumentList.Add(a);
            }

            _server = Process.Start(start)!;
            _server.OutputDataReceived += (_, _) => { };
            _server.ErrorDataReceived += (_, _) => { };
            _server.BeginOutputReadLine();
            _server.BeginErrorReadLine();

            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                try
                {
                    await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
                    await connection.OpenAsync();
                    return;
                }
                catch (Exception) when (DateTime.UtcNow < deadline && !_server.HasExited)
                {
                    await Task.Delay(200);
                }
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task StopAsync()
    {
        if (_server is { HasExited: false } server)
        {
            NpgsqlConnection.ClearAllPools();
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }

        _server = null;
        if (_dataDir is not null && Directory.Exists(_dataDir))
        {
            try
            {
                Directory.Delete(_dataDir, recursive: true);
            }
            catch (IOException)
            {
                // Left in /tmp: harmless.
            }
        }
    }

    private const string Prefix = "hp-pg-";

    /// <summary>Stops and removes servers of earlier runs whose process is gone (a run killed before its clean-up).</summary>
    private static void SweepLeftovers()
    {
        foreach (var dir in Directory.EnumerateDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            var name = Path.GetFileName(dir)[Prefix.Length..];
            var dash = name.IndexOf('-', StringComparison.Ordinal);
            if (dash <= 0 || !int.TryParse(name[..dash], System.Globalization.CultureInfo.InvariantCulture, out var owner) || IsAlive(owner))
            {
                continue;
            }

            var pidFile = Path.Combine(dir, "postmaster.pid");
            if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), System.Globalization.CultureInfo.InvariantCulture, out var postmaster) && IsAlive(postmaster))
            {
                try
                {
                    using var server = Process.GetProcessById(postmaster);
                    server.Kill(entireProcessTree: true);
                    server.WaitForExit(10_000);
                }
                catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
                {
                    // Gone meanwhile.
                }
            }

            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Left in the temp directory: harmless.
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string Command(bool asRoot, string tool) => asRoot ? "runuser" : Path.Combine(BinDir, tool);

    private static string[] Args(bool asRoot, string tool, params string[] args) =>
        asRoot ? ["-u", "postgres", "--", Path.Combine(BinDir, tool), .. args] : args;

    private static async Task RunAsync(string command, params string[] args)
    {
        var info = new ProcessStartInfo(command) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}{await stdout}");
        }
    }
}
