using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HelpPoint.Gateway.Storage.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteHelpPointDb</c> build the SQLite model without starting the gateway.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SqliteHelpPointDb>
{
    public SqliteHelpPointDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteHelpPointDb>().UseSqlite("Data Source=design-time.db").Options);
}
