using Microsoft.EntityFrameworkCore;

namespace HelpPoint.Gateway.Storage.Postgres;

/// <summary>The PostgreSQL flavour of <see cref="HelpPointDb"/> (same schema); its migrations live beside it.</summary>
public sealed class PostgresHelpPointDb(DbContextOptions<PostgresHelpPointDb> options) : HelpPointDb(options);
