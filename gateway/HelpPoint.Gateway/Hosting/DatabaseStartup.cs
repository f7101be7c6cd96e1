using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Devices;
using HelpPoint.Domain.Staff;
using HelpPoint.Gateway.Demo;
using HelpPoint.Gateway.Storage;

namespace HelpPoint.Gateway.Hosting;

/// <summary>Runs first: brings the database schema up to date and, in demo mode, seeds the demo branch.</summary>
public sealed class DatabaseStartup(DbFactory db, IConfiguration configuration, IBranchStore branches, IDeviceStore devices, IStaffStore staff, ILogger<DatabaseStartup> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await db.MigrateAsync(cancellationToken);
        logger.LogInformation("Database ready ({Provider}, {Path})", db.Options.Provider, db.Options.Provider == "sqlite" ? db.Options.SqliteFile : "server");
        if (configuration.GetValue<bool>("Demo"))
        {
            await DemoSeeder.SeedAsync(branches, devices, staff, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
