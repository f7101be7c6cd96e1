using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Devices;
using HelpPoint.Domain.Duty;
using HelpPoint.Domain.Requests;
using HelpPoint.Domain.Staff;
using HelpPoint.Gateway.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelpPoint.Gateway.Storage;

/// <summary>Table layout of help requests.</summary>
internal sealed class HelpRequestEntityTypeConfiguration : IEntityTypeConfiguration<HelpRequest>
{
    public void Configure(EntityTypeBuilder<HelpRequest> b)
    {
        b.ToTable("requests");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).HasColumnName("id").HasMaxLength(48);
        b.Property(r => r.Branch).HasColumnName("branch").HasMaxLength(32);
        b.Property(r => r.Device).HasColumnName("device").HasMaxLength(32);
        b.Property(r => r.Category).HasColumnName("category").HasMaxLength(16);
        b.Property(r => r.Lang).HasColumnName("lang").HasMaxLength(2);
        b.Property(r => r.Ticket).HasColumnName("ticket").HasMaxLength(8);
        b.Property(r => r.LocalDay).HasColumnName("local_day");
        b.Property(r => r.PressedAt).HasColumnName("pressed_at");
        b.Property(r => r.ReceivedAt).HasColumnName("received_at");
        b.Property(r => r.State).HasColumnName("state").HasConversion(s => s.ToWire(), s => ParseState(s)).HasMaxLength(16);
        b.Property(r => r.QueueKey).HasColumnName("queue_key");
        b.Property(r => r.HostUser).HasColumnName("host_user").HasMaxLength(64);
        b.Property(r => r.HostName).HasColumnName("host_name").HasMaxLength(64);
        b.Property(r => r.AssignedAt).HasColumnName("assigned_at");
        b.Property(r => r.FinishedAt).HasColumnName("finished_at");
        b.Property(r => r.Feedback).HasColumnName("feedback");
        b.Property(r => r.Escalated).HasColumnName("escalated");
        b.Property(r => r.OfferedTo).HasColumnName("offered_to").HasMaxLength(64);
        b.Property(r => r.OfferExpiresAt).HasColumnName("offer_expires_at");
        b.Property(r => r.RepeatAt).HasColumnName("repeat_at");
        b.Property(r => r.Tried).HasColumnName("tried").HasMaxLength(2000).HasConversion(ListConversion.Converter, ListConversion.Comparer);
        b.Property(r => r.Outcome).HasColumnName("outcome").HasMaxLength(16);
        b.Property(r => r.Version).HasColumnName("version").IsConcurrencyToken();
        b.HasIndex(r => new { r.Branch, r.State, r.QueueKey }).HasDatabaseName("ix_requests_branch_state_queue");
        b.HasIndex(r => new { r.Branch, r.LocalDay }).HasDatabaseName("ix_requests_branch_day");
        b.HasIndex(r => new { r.Device, r.ReceivedAt }).HasDatabaseName("ix_requests_device_received");
        b.HasIndex(r => new { r.HostUser, r.State }).HasDatabaseName("ix_requests_host_state");
        b.HasIndex(r => new { r.State, r.OfferExpiresAt }).HasDatabaseName("ix_requests_state_offer");
    }

    internal static RequestState ParseState(string s) => s switch
    {
        "queued" => RequestState.Queued,
        "assigned" => RequestState.Assigned,
        "done" => RequestState.Done,
        "cancelled" => RequestState.Cancelled,
        "expired" => RequestState.Expired,
        "unstaffed" => RequestState.Unstaffed,
        _ => throw new InvalidOperationException($"unknown stored request state '{s}'"),
    };
}

/// <summary>Table layout of the request event log.</summary>
internal sealed class RequestEventEntityTypeConfiguration : IEntityTypeConfiguration<RequestEvent>
{
    public void Configure(EntityTypeBuilder<RequestEvent> b)
    {
        b.ToTable("request_events");
        b.HasKey(e => e.Seq);
        b.Property(e => e.Seq).HasColumnName("seq").ValueGeneratedOnAdd();
        b.Property(e => e.RequestId).HasColumnName("request_id").HasMaxLength(48);
        b.Property(e => e.Branch).HasColumnName("branch").HasMaxLength(32);
        b.Property(e => e.At).HasColumnName("at");
        b.Property(e => e.Kind).HasColumnName("kind").HasMaxLength(16);
        b.Property(e => e.Actor).HasColumnName("actor").HasMaxLength(80);
        b.HasIndex(e => new { e.Branch, e.At }).HasDatabaseName("ix_request_events_branch_at");
        b.HasIndex(e => e.RequestId).HasDatabaseName("ix_request_events_request");
    }
}

/// <summary>Table layout of branches.</summary>
internal sealed class BranchEntityTypeConfiguration : IEntityTypeConfiguration<Branch>
{
    public void Configure(EntityTypeBuilder<Branch> b)
    {
        b.ToTable("branches");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasColumnName("id").HasMaxLength(32);
        b.Property(x => x.Name).HasColumnName("name").HasMaxLength(100);
        b.Property(x => x.TimeZoneId).HasColumnName("time_zone").HasMaxLength(64);
        b.Property(x => x.Languages).HasColumnName("languages").HasMaxLength(200).HasConversion(ListConversion.Converter, ListConversion.Comparer);
        b.Property(x => x.DefaultHandlingS).HasColumnName("default_handling_s");
        b.Property(x => x.AcceptTimeoutS).HasColumnName("accept_timeout_s");
        b.Property(x => x.EscalationRepeatS).HasColumnName("escalation_repeat_s");
        b.Property(x => x.TargetAcceptS).HasColumnName("target_accept_s");
        b.Property(x => x.OpeningHours).HasColumnName("opening_hours").HasMaxLength(400);
        b.Ignore(x => x.TimeZone);
        b.Ignore(x => x.DefaultLanguage);
    }
}

/// <summary>Table layout of devices.</summary>
internal sealed class DeviceEntityTypeConfiguration : IEntityTypeConfiguration<Device>
{
    public void Configure(EntityTypeBuilder<Device> b)
    {
        b.ToTable("devices");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasColumnName("id").HasMaxLength(32);
        b.Property(x => x.Branch).HasColumnName("branch").HasMaxLength(32);
        b.Property(x => x.Kind).HasColumnName("kind").HasConversion(k => k == DeviceKind.Board ? "board" : "helppoint", s => s == "board" ? DeviceKind.Board : DeviceKind.HelpPoint).HasMaxLength(16);
        b.Property(x => x.SecretHash).HasColumnName("secret_hash").HasMaxLength(200);
        b.Property(x => x.Online).HasColumnName("online");
        b.Property(x => x.LastSeen).HasColumnName("last_seen");
        b.Property(x => x.Firmware).HasColumnName("firmware").HasMaxLength(32);
        b.Property(x => x.UptimeS).HasColumnName("uptime_s");
        b.Property(x => x.Rssi).HasColumnName("rssi");
        b.Property(x => x.FreeHeap).HasColumnName("free_heap");
        b.Property(x => x.Queued).HasColumnName("queued");
        b.HasIndex(x => x.Branch).HasDatabaseName("ix_devices_branch");
    }
}

/// <summary>Table layout of staff users.</summary>
internal sealed class StaffUserEntityTypeConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> b)
    {
        b.ToTable("staff");
        b.HasKey(x => x.UserName);
        b.Property(x => x.UserName).HasColumnName("user_name").HasMaxLength(64);
        b.Property(x => x.DisplayName).HasColumnName("display_name").HasMaxLength(64);
        b.Property(x => x.Role).HasColumnName("role").HasConversion(r => r.ToName(), s => ParseRole(s)).HasMaxLength(16);
        b.Property(x => x.SecretHash).HasColumnName("secret_hash").HasMaxLength(200);
        b.Property(x => x.Languages).HasColumnName("languages").HasMaxLength(200).HasConversion(ListConversion.Converter, ListConversion.Comparer);
        b.Property(x => x.Branches).HasColumnName("branches").HasMaxLength(2000).HasConversion(ListConversion.Converter, ListConversion.Comparer);
        b.Property(x => x.FailedSignIns).HasColumnName("failed_sign_ins");
        b.Property(x => x.LockedUntil).HasColumnName("locked_until");
    }

    private static StaffRole ParseRole(string s) => s switch
    {
        StaffRoles.Host => StaffRole.Host,
        StaffRoles.Desk => StaffRole.Desk,
        StaffRoles.Manager => StaffRole.Manager,
        StaffRoles.Admin => StaffRole.Admin,
        _ => throw new InvalidOperationException($"unknown stored role '{s}'"),
    };
}

/// <summary>Table layout of hosts' duty.</summary>
internal sealed class HostDutyEntityTypeConfiguration : IEntityTypeConfiguration<HostDuty>
{
    public void Configure(EntityTypeBuilder<HostDuty> b)
    {
        b.ToTable("duty");
        b.HasKey(x => x.UserName);
        b.Property(x => x.UserName).HasColumnName("user_name").HasMaxLength(64);
        b.Property(x => x.Branch).HasColumnName("branch").HasMaxLength(32);
        b.Property(x => x.OnDuty).HasColumnName("on_duty");
        b.Property(x => x.Languages).HasColumnName("languages").HasMaxLength(200).HasConversion(ListConversion.Converter, ListConversion.Comparer);
        b.Property(x => x.Since).HasColumnName("since");
        b.Property(x => x.LastAssignedAt).HasColumnName("last_assigned_at");
        b.Property(x => x.IsDesk).HasColumnName("is_desk");
        b.Property(x => x.LastActivityAt).HasColumnName("last_activity_at");
        b.Property(x => x.PromptedAt).HasColumnName("prompted_at");
        b.Property(x => x.PausedAt).HasColumnName("paused_at");
        b.HasIndex(x => new { x.Branch, x.OnDuty }).HasDatabaseName("ix_duty_branch_on");
    }
}

/// <summary>Table layout of the weekly roster.</summary>
internal sealed class RosterShiftEntityTypeConfiguration : IEntityTypeConfiguration<RosterShift>
{
    public void Configure(EntityTypeBuilder<RosterShift> b)
    {
        b.ToTable("roster");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasColumnName("id").ValueGeneratedOnAdd();
        b.Property(x => x.UserName).HasColumnName("user_name").HasMaxLength(64);
        b.Property(x => x.Branch).HasColumnName("branch").HasMaxLength(32);
        b.Property(x => x.Day).HasColumnName("day").HasConversion<int>();
        b.Property(x => x.Start).HasColumnName("start_time");
        b.Property(x => x.End).HasColumnName("end_time");
        b.HasIndex(x => new { x.Branch, x.Day }).HasDatabaseName("ix_roster_branch_day");
    }
}

/// <summary>Table layout of sign-in sessions.</summary>
internal sealed class StaffSessionEntityTypeConfiguration : IEntityTypeConfiguration<StaffSession>
{
    public void Configure(EntityTypeBuilder<StaffSession> b)
    {
        b.ToTable("sessions");
        b.HasKey(x => x.TokenHash);
        b.Property(x => x.TokenHash).HasColumnName("token_hash").HasMaxLength(64);
        b.Property(x => x.UserName).HasColumnName("user_name").HasMaxLength(64);
        b.Property(x => x.CreatedAt).HasColumnName("created_at");
        b.Property(x => x.ExpiresAt).HasColumnName("expires_at");
        b.Property(x => x.Revoked).HasColumnName("revoked");
        b.HasIndex(x => x.UserName).HasDatabaseName("ix_sessions_user");
    }
}

/// <summary>Table layout of daily ticket counters.</summary>
internal sealed class TicketCounterEntityTypeConfiguration : IEntityTypeConfiguration<TicketCounter>
{
    public void Configure(EntityTypeBuilder<TicketCounter> b)
    {
        b.ToTable("ticket_counters");
        b.HasKey(x => new { x.Branch, x.Day });
        b.Property(x => x.Branch).HasColumnName("branch").HasMaxLength(32);
        b.Property(x => x.Day).HasColumnName("day");
        b.Property(x => x.Last).HasColumnName("last");
    }
}

/// <summary>Stores short lists of codes (languages) as one comma-separated column.</summary>
internal static class ListConversion
{
    public static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<List<string>, string> Converter = new(
        v => string.Join(',', v),
        v => v.Length == 0 ? new List<string>() : v.Split(',', StringSplitOptions.None).ToList());

    public static readonly ValueComparer<List<string>> Comparer = new(
        (a, b) => a!.SequenceEqual(b!),
        v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode(StringComparison.Ordinal))),
        v => v.ToList());
}
