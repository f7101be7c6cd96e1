using Microsoft.Data.Sqlite;

namespace HelpPoint.Gateway.Storage.Sqlite;

/// <summary>
/// Looks at the SQLite file before the gateway starts on it, so that a damaged or empty file is reported in a sentence an
/// operator can act on (which file, what is wrong, how to restore it) instead of a stack trace, and so that an empty file —
/// a failed copy, a full disk — is not silently taken as a new, empty database.
/// </summary>
public static class SqliteFileCheck
{
    private static ReadOnlySpan<byte> Header => "SQLite format 3\0"u8;

    private const string Restore =
        "Restore helppoint.db from your latest backup into the data directory (and delete helppoint.db-wal and helppoint.db-shm " +
        "beside it), then start the gateway again; see docs/operations.md, \"Backup and restore\".";

    /// <summary>Why the gateway must not start on <paramref name="options"/>' SQLite file, or null when it may (also when there is none yet).</summary>
    public static string? Problem(StorageOptions options)
    {
        var file = new FileInfo(options.SqliteFile);
        if (!file.Exists)
        {
            return null;
        }

        if (file.Length == 0)
        {
            return options.InitializeEmpty
                ? null
                : $"The database file {file.FullName} is empty (0 bytes): starting on it would begin with no requests, staff or settings. {Restore} " +
                  "To start with a new, empty database in this file instead, start once with --Data:InitializeEmpty=true.";
        }

        try
        {
            Span<byte> start = stackalloc byte[Header.Length];
            using (var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            {
                if (stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false) < start.Length || !start.SequenceEqual(Header))
                {
                    return $"The database file {file.FullName} is not a SQLite database (it does not begin with the SQLite header; " +
                           $"{file.Length} bytes). {Restore}";
                }
            }

            var connection = new SqliteConnectionStringBuilder { DataSource = file.FullName, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString();
            using var db = new SqliteConnection(connection);
            db.Open();
            using var check = db.CreateCommand();
            check.CommandText = "PRAGMA quick_check(5)";
            using var reader = check.ExecuteReader();
            var findings = new List<string>();
            while (reader.Read())
            {
                findings.Add(reader.GetString(0));
            }

            return findings is ["ok"]
                ? null
                : $"The database file {file.FullName} is damaged (SQLite's check says: {string.Join("; ", findings)}). {Restore}";
        }
        catch (SqliteException e)
        {
            return $"The database file {file.FullName} cannot be read as a SQLite database ({e.Message}). {Restore}";
        }
        catch (IOException e)
        {
            return $"The database file {file.FullName} cannot be read ({e.Message}). Check the disk and the file's permissions.";
        }
        catch (UnauthorizedAccessException e)
        {
            return $"The database file {file.FullName} cannot be opened ({e.Message}). Check the file's owner and permissions.";
        }
    }
}
