using HelpPoint.Gateway.Notifications.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelpPoint.Gateway.Storage;

/// <summary>Table layout of Web Push subscriptions.</summary>
internal sealed class PushSubscriptionEntityTypeConfiguration : IEntityTypeConfiguration<PushSubscription>
{
    public void Configure(EntityTypeBuilder<PushSubscription> b)
    {
        b.ToTable("push_subscriptions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasColumnName("id").ValueGeneratedOnAdd();
        b.Property(x => x.UserName).HasColumnName("user_name").HasMaxLength(64);
        b.Property(x => x.Endpoint).HasColumnName("endpoint").HasMaxLength(1024);
        b.Property(x => x.P256dh).HasColumnName("p256dh").HasMaxLength(100);
        b.Property(x => x.Auth).HasColumnName("auth").HasMaxLength(40);
        b.Property(x => x.CreatedAt).HasColumnName("created_at");
        b.Property(x => x.LastSentAt).HasColumnName("last_sent_at");
        b.HasIndex(x => x.Endpoint).IsUnique().HasDatabaseName("ix_push_subscriptions_endpoint");
        b.HasIndex(x => x.UserName).HasDatabaseName("ix_push_subscriptions_user");
    }
}

/// <summary>Table layout of the delivery log.</summary>
internal sealed class DeliveryAttemptEntityTypeConfiguration : IEntityTypeConfiguration<DeliveryAttempt>
{
    public void Configure(EntityTypeBuilder<DeliveryAttempt> b)
    {
        b.ToTable("delivery_attempts");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasColumnName("id").ValueGeneratedOnAdd();
        b.Property(x => x.At).HasColumnName("at");
        b.Property(x => x.UserName).HasColumnName("user_name").HasMaxLength(64);
        b.Property(x => x.Channel).HasColumnName("channel").HasMaxLength(16);
        b.Property(x => x.Kind).HasColumnName("kind").HasMaxLength(24);
        b.Property(x => x.RequestId).HasColumnName("request_id").HasMaxLength(48);
        b.Property(x => x.Target).HasColumnName("target").HasMaxLength(200);
        b.Property(x => x.Attempt).HasColumnName("attempt");
        b.Property(x => x.Outcome).HasColumnName("outcome").HasMaxLength(16);
        b.Property(x => x.Status).HasColumnName("status");
        b.Property(x => x.Detail).HasColumnName("detail").HasMaxLength(300);
        b.Property(x => x.DurationMs).HasColumnName("duration_ms");
        b.HasIndex(x => new { x.UserName, x.At }).HasDatabaseName("ix_delivery_attempts_user_at");
        b.HasIndex(x => x.RequestId).HasDatabaseName("ix_delivery_attempts_request");
    }
}

/// <summary>Table layout of hosts' channel preferences.</summary>
internal sealed class ChannelPreferenceEntityTypeConfiguration : IEntityTypeConfiguration<ChannelPreference>
{
    public void Configure(EntityTypeBuilder<ChannelPreference> b)
    {
        b.ToTable("channel_preferences");
        b.HasKey(x => x.UserName);
        b.Property(x => x.UserName).HasColumnName("user_name").HasMaxLength(64);
        b.Property(x => x.WebPush).HasColumnName("web_push");
        b.Property(x => x.NtfyTopic).HasColumnName("ntfy_topic").HasMaxLength(64);
        b.Property(x => x.SmsNumber).HasColumnName("sms_number").HasMaxLength(16);
        b.Property(x => x.UiLang).HasColumnName("ui_lang").HasMaxLength(8);
        b.Property(x => x.UpdatedAt).HasColumnName("updated_at");
    }
}

/// <summary>Table layout of the gateway's own notification keys.</summary>
internal sealed class NotificationKeyEntityTypeConfiguration : IEntityTypeConfiguration<NotificationKey>
{
    public void Configure(EntityTypeBuilder<NotificationKey> b)
    {
        b.ToTable("notification_keys");
        b.HasKey(x => x.Name);
        b.Property(x => x.Name).HasColumnName("name").HasMaxLength(32);
        b.Property(x => x.Value).HasColumnName("value").HasMaxLength(200);
    }
}
