using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HelpPoint.Gateway.Storage.Postgres;

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresHelpPointDb</c> build the PostgreSQL model without a server.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PostgresHelpPointDb>
{
    public PostgresHelpPointDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresHelpPointDb>().UseNpgsql("Host=127.0.0.1;Database=design_time").Options);
}
