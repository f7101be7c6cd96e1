using HelpPoint.Gateway.Tests.Support;
using Microsoft.Data.Sqlite;

namespace HelpPoint.Gateway.Tests.Faults;

/// <summary>
/// The gateway process started on a damaged or empty SQLite file: it says which file, what is wrong and how to restore it,
/// logs that at Critical and exits with 1 — no stack trace, nothing started, nothing written to the file.
/// </summary>
[TestClass]
public sealed class Damaged_Database_File_Tests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    [TestMethod]
    public async Task A_file_that_is_not_sqlite_is_reported_with_its_path_and_how_to_restore_it()
    {
        var data = NewDataDirectory();
        var file = Path.Combine(data, "helppoint.db");
        var garbage = new byte[64 * 1024];
        new Random(7).NextBytes(garbage);
        await File.WriteAllBytesAsync(file, garbage);

        var (code, output) = await GatewayProcess.RunUntilExitAsync(data, Bound);

        AssertRefusedCleanly(code, output, file, "is not a SQLite database");
        CollectionAssert.AreEqual(garbage, await File.ReadAllBytesAsync(file), "the damaged file is left as it was, for whoever looks at it");
    }

    [TestMethod]
    public async Task A_sqlite_file_with_damaged_pages_is_reported_as_damaged()
    {
        var data = NewDataDirectory();
        var file = Path.Combine(data, "helppoint.db");
        await using (var db = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await db.OpenAsync();
            await using var create = db.CreateCommand();
            create.CommandText = "PRAGMA page_size=4096; CREATE TABLE t (x TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO t SELECT printf('%0100d', i) FROM n;";
            await create.ExecuteNonQueryAsync();
        }

        // Page 1 (the header and the schema) stays; every page after it is overwritten, as a bad disk or a torn copy would.
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.IsTrue(bytes.Length > 4 * 4096, "the table spans several pages");
        new Random(11).NextBytes(bytes.AsSpan(4096));
        await File.WriteAllBytesAsync(file, bytes);

        var (code, output) = await GatewayProcess.RunUntilExitAsync(data, Bound);

        AssertRefusedCleanly(code, output, file, "damaged");
    }

    [TestMethod]
    public async Task An_empty_file_is_refused_unless_the_gateway_is_told_to_initialise_it()
    {
        var data = NewDataDirectory();
        var file = Path.Combine(data, "helppoint.db");
        await File.WriteAllBytesAsync(file, []);

        var (code, output) = await GatewayProcess.RunUntilExitAsync(data, Bound);

        AssertRefusedCleanly(code, output, file, "is empty (0 bytes)");
        StringAssert.Contains(output, "--Data:InitializeEmpty=true");
        Assert.AreEqual(0, new FileInfo(file).Length, "nothing was written to it");

        await using var started = await GatewayProcess.StartAsync(data, Ports.FreeTcpPort(), Ports.FreeTcpPort(), "--Data:InitializeEmpty=true");
        using var http = new HttpClient { BaseAddress = started.Http };
        Assert.IsTrue((await http.GetAsync("/healthz")).IsSuccessStatusCode, "told to, it starts with a new database");
        Assert.IsTrue(new FileInfo(file).Length > 0);
    }

    private static void AssertRefusedCleanly(int code, string output, string file, string what)
    {
        Assert.AreEqual(1, code, output);
        StringAssert.Contains(output, "crit", "logged at Critical: " + output);
        StringAssert.Contains(output, file, "names the file");
        StringAssert.Contains(output, what);
        StringAssert.Contains(output, "Restore helppoint.db from your latest backup");
        Assert.IsFalse(output.Contains("Unhandled exception", StringComparison.Ordinal), output);
        Assert.IsFalse(output.Contains("   at ", StringComparison.Ordinal), "no stack trace: " + output);
        Assert.IsFalse(output.Contains("Exception:", StringComparison.Ordinal), output);
    }

    private static string NewDataDirectory() => Directory.CreateTempSubdirectory("hp-damaged-").FullName;
}
