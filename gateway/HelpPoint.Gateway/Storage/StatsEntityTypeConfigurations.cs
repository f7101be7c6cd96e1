using HelpPoint.Domain.Fleet;
using HelpPoint.Gateway.Devices;
using HelpPoint.Gateway.Mail;
using HelpPoint.Gateway.Stats;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelpPoint.Gateway.Storage;

/// <summary>Table layout of the kept daily aggregates (retention folds old days into them).</summary>
internal sealed class StoredDayAggregateEntityTypeConfiguration : IEntityTypeConfiguration<StoredDayAggregate>
{
    public void Configure(EntityTypeBuilder<StoredDayAggregate> b)
    {
        b.ToTable("daily_aggregates");
        b.HasKey(x => new { x.Branch, x.Day });
        b.Property(x => x.Branch).HasColumnName("branch").HasMaxLength(32);
        b.Property(x => x.Day).HasColumnName("day");
        b.Property(x => x.Total).HasColumnName("total");
        b.Property(x => x.Format).HasColumnName("format");
        b.Property(x => x.Payload).HasColumnName("payload");
        b.Property(x => x.FoldedAt).HasColumnName("folded_at");
    }
}

/// <summary>Table layout of fleet alerts.</summary>
internal sealed class FleetAlertEntityTypeConfiguration : IEntityTypeConfiguration<FleetAlert>
{
    public void Configure(EntityTypeBuilder<FleetAlert> b)
    {
        b.ToTable("fleet_alerts");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasColumnName("id").ValueGeneratedOnAdd();
        b.Property(x => x.Branch).HasColumnName("branch").HasMaxLength(32);
        b.Property(x => x.Device).HasColumnName("device").HasMaxLength(32);
        b.Property(x => x.Kind).HasColumnName("kind").HasMaxLength(32);
        b.Property(x => x.Since).HasColumnName("since");
        b.Property(x => x.RaisedAt).HasColumnName("raised_at");
        b.Property(x => x.ClearedAt).HasColumnName("cleared_at");
        b.Property(x => x.Message).HasColumnName("message").HasMaxLength(400);
        b.Ignore(x => x.IsOpen);
        b.HasIndex(x => x.ClearedAt).HasDatabaseName("ix_fleet_alerts_cleared");
        b.HasIndex(x => new { x.Branch, x.RaisedAt }).HasDatabaseName("ix_fleet_alerts_branch_raised");
    }
}

/// <summary>Table layout of device provisioning records.</summary>
internal sealed class DeviceRegistrationEntityTypeConfiguration : IEntityTypeConfiguration<DeviceRegistration>
{
    public void Configure(EntityTypeBuilder<DeviceRegistration> b)
    {
        b.ToTable("device_registrations");
        b.HasKey(x => x.DeviceId);
        b.Property(x => x.DeviceId).HasColumnName("device_id").HasMaxLength(32);
        b.Property(x => x.Branch).HasColumnName("branch").HasMaxLength(32);
        b.Property(x => x.Kind).HasColumnName("kind").HasMaxLength(16);
        b.Property(x => x.RegisteredAt).HasColumnName("registered_at");
        b.Property(x => x.RegisteredBy).HasColumnName("registered_by").HasMaxLength(64);
        b.Property(x => x.SecretIssuedAt).HasColumnName("secret_issued_at");
        b.Property(x => x.RevokedAt).HasColumnName("revoked_at");
        b.Property(x => x.RevokedBy).HasColumnName("revoked_by").HasMaxLength(64);
    }
}

/// <summary>Table layout of staff e-mail addresses.</summary>
internal sealed class StaffContactEntityTypeConfiguration : IEntityTypeConfiguration<StaffContact>
{
    public void Configure(EntityTypeBuilder<StaffContact> b)
    {
        b.ToTable("staff_contacts");
        b.HasKey(x => x.UserName);
        b.Property(x => x.UserName).HasColumnName("user_name").HasMaxLength(64);
        b.Property(x => x.Email).HasColumnName("email").HasMaxLength(254);
    }
}

/// <summary>Table layout of the sent daily summaries.</summary>
internal sealed class SummaryMailLogEntityTypeConfiguration : IEntityTypeConfiguration<SummaryMailLog>
{
    public void Configure(EntityTypeBuilder<SummaryMailLog> b)
    {
        b.ToTable("summary_mail_log");
        b.HasKey(x => new { x.Branch, x.Day });
        b.Property(x => x.Branch).HasColumnName("branch").HasMaxLength(32);
        b.Property(x => x.Day).HasColumnName("day");
        b.Property(x => x.SentAt).HasColumnName("sent_at");
        b.Property(x => x.Recipients).HasColumnName("recipients");
    }
}
