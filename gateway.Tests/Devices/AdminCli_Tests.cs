using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using HelpPoint.Gateway.Admin;
using HelpPoint.Gateway.Tests.Support;

namespace HelpPoint.Gateway.Tests.Devices;

/// <summary>The gateway binary's administration mode: the first admin, staff and branches outside demo mode.</summary>
[TestClass]
public sealed class AdminCli_Tests
{
    private static string NewDataPath() => Path.Combine(Path.GetTempPath(), "hp-cli-" + Guid.NewGuid().ToString("N"));

    private static async Task<(int Code, string Out, string Err)> RunAsync(string dataPath, string stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await AdminCli.RunAsync([.. args, $"--Data:Path={dataPath}"], new StringReader(stdin), output, error);
        return (code, output.ToString(), error.ToString());
    }

    [TestMethod]
    public async Task The_first_admin_and_a_branch_manager_created_outside_demo_mode_can_sign_in()
    {
        var data = NewDataPath();
        try
        {
            Assert.AreEqual(0, (await RunAsync(data, "", "branches", "add", "--id", "kista", "--name", "Kista bibliotek", "--opening-hours", "mon-fri 10:00-19:00")).Code);
            var admin = await RunAsync(data, "correct horse battery\n", "users", "add", "--user", "alice", "--name", "Alice", "--role", "admin");
            var manager = await RunAsync(data, "kista-manager-pw\n", "users", "add", "--user=bo", "--name=Bo", "--role=manager", "--branches=kista", "--email=bo@kista.test");
            var list = await RunAsync(data, "", "users", "list");

            Assert.AreEqual(0, admin.Code, admin.Err);
            Assert.AreEqual(0, manager.Code, manager.Err);
            StringAssert.Contains(list.Out, "alice\tadmin\tAlice\tall branches");
            StringAssert.Contains(list.Out, "bo\tmanager\tBo\tkista");

            await using var gw = await TestGateway.StartAsync(dataPath: data, demo: false);
            using var alice = await gw.SignInAsync("alice", "correct horse battery");
            using var bo = await gw.SignInAsync("bo", "kista-manager-pw");
            Assert.AreEqual(HttpStatusCode.OK, (await alice.GetAsync("/api/v1/admin/devices")).StatusCode);
            Assert.AreEqual(HttpStatusCode.Forbidden, (await bo.GetAsync("/api/v1/admin/devices")).StatusCode);
            Assert.AreEqual(HttpStatusCode.OK, (await bo.GetAsync("/api/v1/stats/daily?branch=kista")).StatusCode);
            Assert.IsNull(await gw.Get<HelpPoint.Domain.Staff.IStaffStore>().FindAsync("manager"), "nothing of the demo was seeded");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    [TestMethod]
    [DataRow("short\n", new[] { "users", "add", "--user", "x", "--name", "X", "--role", "manager" }, 1, "10 to 128 characters")]
    [DataRow("", new[] { "users", "add", "--user", "x", "--name", "X", "--role", "host" }, 1, "first line of standard input")]
    [DataRow("1234\n", new[] { "users", "add", "--user", "X Y", "--name", "X", "--role", "host" }, 1, "--user must match")]
    [DataRow("1234\n", new[] { "users", "add", "--user", "x", "--name", "X", "--role", "boss" }, 1, "--role must be")]
    [DataRow("1234\n", new[] { "users", "add", "--user", "x", "--name", "X", "--role", "host", "--branches", "nowhere" }, 2, "unknown branch")]
    [DataRow("", new[] { "branches", "add", "--id", "k", "--name", "K", "--time-zone", "Mars/Olympus" }, 1, "time zone")]
    [DataRow("", new[] { "branches", "add", "--id", "k", "--name", "K", "--opening-hours", "weekdays 9-5" }, 1, "--opening-hours")]
    [DataRow("", new[] { "users", "frobnicate" }, 1, "users add")]
    [DataRow("", new[] { "users", "add", "--user" }, 1, "needs a value")]
    public async Task Bad_input_is_refused_with_a_sentence_and_an_exit_code(string stdin, string[] args, int code, string message)
    {
        var data = NewDataPath();
        try
        {
            var result = await RunAsync(data, stdin, args);

            Assert.AreEqual(code, result.Code);
            StringAssert.Contains(result.Err, message);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    [TestMethod]
    public async Task The_real_binary_adds_a_user_from_stdin_and_exits_without_serving()
    {
        var data = NewDataPath();
        try
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "HelpPoint.Gateway.dll");
            var start = new ProcessStartInfo("dotnet", [dll, "users", "add", "--user", "root", "--name", "Root", "--role", "admin", $"--Data:Path={data}"])
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            await process.StandardInput.WriteLineAsync("a-long-admin-password");
            process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);

            Assert.AreEqual(0, process.ExitCode, await process.StandardError.ReadToEndAsync());
            StringAssert.Contains(await process.StandardOutput.ReadToEndAsync(), "added admin 'root' (Root)");
            await using var gw = await TestGateway.StartAsync(dataPath: data, demo: false);
            var response = await gw.Client().PostAsJsonAsync("/api/v1/session", new { user = "root", secret = "a-long-admin-password" });
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }
}
