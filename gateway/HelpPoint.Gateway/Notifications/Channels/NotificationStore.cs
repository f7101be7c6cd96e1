using HelpPoint.Gateway.Storage;
using Microsoft.EntityFrameworkCore;

namespace HelpPoint.Gateway.Notifications.Channels;

/// <summary>Push subscriptions, channel preferences, the delivery log and the gateway's notification keys, in the database.</summary>
/// <remarks>
/// Every offer reads its host's preference and push subscriptions: they are kept for <see cref="CacheFor"/> and forgotten
/// at once when this gateway changes them (another gateway's change is seen within that time).
/// </remarks>
public sealed class NotificationStore(DbFactory factory, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (ChannelPreference Value, DateTimeOffset Until)> _preferences = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (List<PushSubscription> Value, DateTimeOffset Until)> _subscriptions = new(StringComparer.Ordinal);

    public async Task<ChannelPreference> PreferenceAsync(string user, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (_preferences.TryGetValue(user, out var cached) && cached.Until > now)
        {
            return Copy(cached.Value);
        }

        var read = await factory.ReadAsync(db => db.Set<ChannelPreference>().AsNoTracking().FirstOrDefaultAsync(p => p.UserName == user, cancellationToken)).ConfigureAwait(false)
            ?? new ChannelPreference { UserName = user };
        _preferences[user] = (Copy(read), now + CacheFor);
        return read;
    }

    private void Forget(string? user = null)
    {
        if (user is null)
        {
            _preferences.Clear();
            _subscriptions.Clear();
        }
        else
        {
            _preferences.TryRemove(user, out _);
            _subscriptions.TryRemove(user, out _);
        }
    }

    private static ChannelPreference Copy(ChannelPreference p) =>
        new() { UserName = p.UserName, WebPush = p.WebPush, NtfyTopic = p.NtfyTopic, SmsNumber = p.SmsNumber, UiLang = p.UiLang, UpdatedAt = p.UpdatedAt };

    public async Task SavePreferenceAsync(ChannelPreference preference, CancellationToken cancellationToken = default)
    {
        Forget(preference.UserName);
        await factory.WriteAsync(async db =>
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
        }, cancellationToken).ConfigureAwait(false);
        Forget(preference.UserName);
    }

    public async Task<List<PushSubscription>> SubscriptionsAsync(string user, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (_subscriptions.TryGetValue(user, out var cached) && cached.Until > now)
        {
            return [.. cached.Value];
        }

        var read = await factory.ReadAsync(db => db.Set<PushSubscription>().AsNoTracking().Where(s => s.UserName == user).OrderBy(s => s.Id).ToListAsync(cancellationToken)).ConfigureAwait(false);
        _subscriptions[user] = ([.. read], now + CacheFor);
        return read;
    }

    /// <summary>Stores a browser's subscription for <paramref name="user"/>; an endpoint already known (a shared phone) moves to this user.</summary>
    public async Task SubscribeAsync(string user, string endpoint, string p256dh, string auth, CancellationToken cancellationToken = default)
    {
        await factory.WriteAsync(async db =>
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
        }, cancellationToken).ConfigureAwait(false);

        // The endpoint may have moved from another user.
        Forget();
    }

    /// <summary>Removes one subscription (of <paramref name="user"/> when given); true when there was one.</summary>
    public async Task<bool> UnsubscribeAsync(string endpoint, string? user, CancellationToken cancellationToken = default)
    {
        var removed = await factory.WriteAsync(db => db.Set<PushSubscription>().Where(s => s.Endpoint == endpoint && (user == null || s.UserName == user))
            .ExecuteDeleteAsync(cancellationToken), cancellationToken).ConfigureAwait(false) > 0;
        Forget();
        return removed;
    }

    /// <summary>Forgets every way of reaching <paramref name="user"/>'s phones (a lost phone): push subscriptions, ntfy topic, SMS number.</summary>
    public async Task<int> ForgetPhonesAsync(string user, CancellationToken cancellationToken = default)
    {
        var removed = await factory.WriteAsync(async db =>
        {
            var removed = await db.Set<PushSubscription>().Where(s => s.UserName == user).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await db.Set<ChannelPreference>().Where(p => p.UserName == user)
                .ExecuteUpdateAsync(p => p.SetProperty(x => x.NtfyTopic, (string?)null).SetProperty(x => x.SmsNumber, (string?)null), cancellationToken).ConfigureAwait(false);
            return removed;
        }, cancellationToken).ConfigureAwait(false);
        Forget(user);
        return removed;
    }

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
