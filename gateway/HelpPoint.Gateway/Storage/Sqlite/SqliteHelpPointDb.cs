using Microsoft.EntityFrameworkCore;

namespace HelpPoint.Gateway.Storage.Sqlite;

/// <summary>The SQLite flavour of <see cref="HelpPointDb"/>; its migrations live beside it.</summary>
public sealed class SqliteHelpPointDb(DbContextOptions<SqliteHelpPointDb> options) : HelpPointDb(options);
