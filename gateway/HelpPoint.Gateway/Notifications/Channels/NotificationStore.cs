using HelpPoint.Gateway.Storage;
using Microsoft.EntityFrameworkCore;

namespace HelpPoint.Gateway.Notifications.Channels;

/// <summary>Push subscriptions, channel preferences, the delivery log and the gateway's notification keys, in the database.</summary>
public sealed class NotificationStore(DbFactory factory, TimeProvider time)
{
    public async Task<ChannelPreference> PreferenceAsync(string user, CancellationToken cancellationToken = default) =>
        await factory.ReadAsync(db => db.Set<ChannelPreference>().AsNoTracking().FirstOrDefaultAsync(p => p.UserName == user, cancellationToken)).ConfigureAwait(false)
        ?? new ChannelPreference { UserName = user };

    public Task SavePreferenceAsync(ChannelPreference preference, CancellationToken cancellationToken = default) =>
        factory.WriteAsync(async db =>
        {
            preference.UpdatedAt = time.GetUtcNow();
            var set = db.Set<ChannelPreference>();
            if (await set.AnyAsync(p => p.UserName == preference.UserName, cancellationToken).ConfigureAwait(false))
            {
                set.Update(preference);
            }
            else
            {
                set.Add(preference);
            }

            return await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public Task<List<PushSubscription>> SubscriptionsAsync(string user, CancellationToken cancellationToken = default) =>
        factory.ReadAsync(db => db.Set<PushSubscription>().AsNoTracking().Where(s => s.UserName == user).OrderBy(s => s.Id).ToListAsync(cancellationToken));

    /// <summary>Stores a browser's subscription for <paramref name="user"/>; an endpoint already known (a shared phone) moves to this user.</summary>
    public Task SubscribeAsync(string user, string endpoint, string p256dh, string auth, CancellationToken cancellationToken = default) =>
        factory.WriteAsync(async db =>
        {
            var set = db.Set<PushSubscription>();
            var existing = await set.FirstOrDefaultAsync(s => s.Endpoint == endpoint, cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                set.Add(new PushSubscription { UserName = user, Endpoint = endpoint, P256dh = p256dh, Auth = auth, CreatedAt = time.GetUtcNow() });
            }
            else
            {
                existing.UserName = user;
                existing.P256dh = p256dh;
                existing.Auth = auth;
            }

            return await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Removes one subscription (of <paramref name="user"/> when given); true when there was one.</summary>
    public async Task<bool> UnsubscribeAsync(string endpoint, string? user, CancellationToken cancellationToken = default) =>
        await factory.WriteAsync(db => db.Set<PushSubscription>().Where(s => s.Endpoint == endpoint && (user == null || s.UserName == user))
            .ExecuteDeleteAsync(cancellationToken), cancellationToken).ConfigureAwait(false) > 0;

    /// <summary>Forgets every way of reaching <paramref name="user"/>'s phones (a lost phone): push subscriptions, ntfy topic, SMS number.</summary>
    public Task<int> ForgetPhonesAsync(string user, CancellationToken cancellationToken = default) =>
        factory.WriteAsync(async db =>
        {
            var removed = await db.Set<PushSubscription>().Where(s => s.UserName == user).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await db.Set<ChannelPreference>().Where(p => p.UserName == user)
                .ExecuteUpdateAsync(p => p.SetProperty(x => x.NtfyTopic, (string?)null).SetProperty(x => x.SmsNumber, (string?)null), cancellationToken).ConfigureAwait(false);
            return removed;
        }, cancellationToken);

    public Task MarkSentAsync(long subscriptionId, CancellationToken cancellationToken = default) =>
        factory.WriteAsync(db => db.Set<PushSubscription>().Where(s => s.Id == subscriptionId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSentAt, time.GetUtcNow()), cancellationToken), cancellationToken);

    public Task RecordAsync(DeliveryAttempt attempt, CancellationToken cancellationToken = default) =>
        factory.WriteAsync(async db =>
        {
            db.Set<DeliveryAttempt>().Add(attempt);
            return await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>The latest attempts, newest first, optionally of one user or one request.</summary>
    public Task<List<DeliveryAttempt>> AttemptsAsync(string? user, string? requestId, int limit, CancellationToken cancellationToken = default) =>
        factory.ReadAsync(db => db.Set<DeliveryAttempt>().AsNoTracking()
            .Where(a => (user == null || a.UserName == user) && (requestId == null || a.RequestId == requestId))
            .OrderByDescending(a => a.Id).Take(limit).ToListAsync(cancellationToken));

    /// <summary>A stored key, made by <paramref name="create"/> and stored the first time. Two gateways racing agree on the first stored.</summary>
    public async Task<string> KeyAsync(string name, Func<string> create, CancellationToken cancellationToken = default)
    {
        var stored = await factory.ReadAsync(db => db.Set<NotificationKey>().AsNoTracking().FirstOrDefaultAsync(k => k.Name == name, cancellationToken)).ConfigureAwait(false);
        if (stored is not null)
        {
            return stored.Value;
        }

        try
        {
            await factory.WriteAsync(async db =>
            {
                db.Set<NotificationKey>().Add(new NotificationKey { Name = name, Value = create() });
                return await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Another gateway stored it first: use theirs.
        }

        return (await factory.ReadAsync(db => db.Set<NotificationKey>().AsNoTracking().FirstAsync(k => k.Name == name, cancellationToken)).ConfigureAwait(false)).Value;
    }
}
