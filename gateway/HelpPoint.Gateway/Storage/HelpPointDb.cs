using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Devices;
using HelpPoint.Domain.Duty;
using HelpPoint.Domain.Fleet;
using HelpPoint.Domain.Requests;
using HelpPoint.Domain.Staff;
using HelpPoint.Gateway.Auth;
using HelpPoint.Gateway.Devices;
using HelpPoint.Gateway.Mail;
using HelpPoint.Gateway.Stats;
using Microsoft.EntityFrameworkCore;

namespace HelpPoint.Gateway.Storage;

/// <summary>
/// The gateway's database. Provider-neutral: every instant is stored as Unix milliseconds (sortable on SQLite and PostgreSQL alike),
/// names are snake_case, and each provider has its own subclass with its own migrations.
/// </summary>
public abstract class HelpPointDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<HelpRequest> Requests => Set<HelpRequest>();

    public DbSet<RequestEvent> RequestEvents => Set<RequestEvent>();

    public DbSet<Branch> Branches => Set<Branch>();

    public DbSet<Device> Devices => Set<Device>();

    public DbSet<StaffUser> Staff => Set<StaffUser>();

    public DbSet<HostDuty> Duty => Set<HostDuty>();

    public DbSet<StaffSession> Sessions => Set<StaffSession>();

    public DbSet<RosterShift> Roster => Set<RosterShift>();

    public DbSet<TicketCounter> TicketCounters => Set<TicketCounter>();

    public DbSet<StoredDayAggregate> DailyAggregates => Set<StoredDayAggregate>();

    public DbSet<FleetAlert> FleetAlerts => Set<FleetAlert>();

    public DbSet<DeviceRegistration> DeviceRegistrations => Set<DeviceRegistration>();

    public DbSet<StaffContact> StaffContacts => Set<StaffContact>();

    public DbSet<SummaryMailLog> SummaryMailLog => Set<SummaryMailLog>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UnixMillisecondsConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HelpPointDb).Assembly, t => t.Namespace == typeof(HelpPointDb).Namespace);
}
