using System.Collections.Concurrent;
using HelpPoint.Domain.Staff;
using HelpPoint.Gateway.Storage;
using Microsoft.EntityFrameworkCore;

namespace HelpPoint.Gateway.Auth;

/// <summary>Signs staff in and out, and resolves session tokens to users (with a short in-memory cache).</summary>
public sealed class SessionService(DbFactory factory, IStaffStore staff, SignInThrottle throttle, TimeProvider time, ILogger<SessionService> logger)
{
    /// <summary>A shift is long; a session lasts a day.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(16);

    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<string, (Actor Actor, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    /// <summary>Signs in <paramref name="userName"/> from <paramref name="address"/>; guessing is slowed per account and per address.</summary>
    public async Task<SignInResult> SignInAsync(string userName, string secret, string address, CancellationToken cancellationToken)
    {
        if (throttle.TryBegin(userName, address) is { } wait)
        {
            return SignInResult.Failed($"too many attempts; try again in {Math.Ceiling(wait.TotalSeconds):0} s", locked: true, retryAfter: wait);
        }

        bool? succeeded = false;
        try
        {
            var user = await staff.FindAsync(userName, cancellationToken).ConfigureAwait(false);

            // Same work for an unknown user as for a real one, so response time does not reveal which names exist.
            var verified = await throttle.HashAsync(() => SecretHasher.Verify(secret, user?.SecretHash ?? DummyHash), cancellationToken).ConfigureAwait(false);
            if (verified is null)
            {
                succeeded = null;
                return SignInResult.Failed("the server is busy; try again in a moment", locked: true, retryAfter: TimeSpan.FromSeconds(5));
            }

            if (user is null || verified != true)
            {
                logger.LogWarning("Failed sign-in for staff user {User} from {Address}", userName, address);
                return SignInResult.Failed("wrong user or secret");
            }

            succeeded = true;
            return await StartSessionAsync(user, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            throttle.Complete(userName, address, succeeded);
        }
    }

    private async Task<SignInResult> StartSessionAsync(StaffUser user, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var token = SecretHasher.NewToken(32);
        var session = new StaffSession { TokenHash = SecretHasher.TokenHash(token), UserName = user.UserName, CreatedAt = now, ExpiresAt = now + Lifetime };
        await factory.WriteAsync(async db =>
        {
            db.Sessions.Add(session);
            return await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Staff user {User} signed in", user.UserName);
        return SignInResult.Success(token, new Actor(user.UserName, user.DisplayName, user.Role), session.ExpiresAt);
    }

    public async Task SignOutAsync(string token, CancellationToken cancellationToken)
    {
        var hash = SecretHasher.TokenHash(token);
        _cache.TryRemove(hash, out _);
        await factory.WriteAsync(db => db.Sessions.Where(s => s.TokenHash == hash)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Revoked, true), cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Ends every session of <paramref name="userName"/> (a lost phone): their tokens stop working at once on this gateway and
    /// within the cache time (15 s) on others. Returns how many sessions were open.
    /// </summary>
    public async Task<int> RevokeAllAsync(string userName, CancellationToken cancellationToken)
    {
        var revoked = await factory.WriteAsync(db => db.Sessions.Where(s => s.UserName == userName && !s.Revoked)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Revoked, true), cancellationToken), cancellationToken).ConfigureAwait(false);
        foreach (var (hash, entry) in _cache)
        {
            if (entry.Actor.UserName == userName)
            {
                _cache.TryRemove(hash, out _);
            }
        }

        logger.LogWarning("All {Count} sessions of staff user {User} were revoked", revoked, userName);
        return revoked;
    }

    /// <summary>The user a token belongs to, or null when it is unknown, expired or revoked.</summary>
    public async Task<Actor?> ResolveAsync(string token, CancellationToken cancellationToken)
    {
        var hash = SecretHasher.TokenHash(token);
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(hash, out var cached) && cached.Until > now)
        {
            return cached.Actor;
        }

        var found = await factory.ReadAsync(db =>
            (from s in db.Sessions.AsNoTracking()
             join u in db.Staff.AsNoTracking() on s.UserName equals u.UserName
             where s.TokenHash == hash && !s.Revoked
             select new { s.ExpiresAt, u.UserName, u.DisplayName, u.Role }).FirstOrDefaultAsync(cancellationToken)).ConfigureAwait(false);
        if (found is null || found.ExpiresAt <= now)
        {
            _cache.TryRemove(hash, out _);
            return null;
        }

        var actor = new Actor(found.UserName, found.DisplayName, found.Role);
        _cache[hash] = (actor, Min(now + CacheFor, found.ExpiresAt));
        return actor;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static readonly string DummyHash = SecretHasher.HashStaffSecret("not-a-user");
}

/// <summary>The outcome of a sign-in attempt.</summary>
public sealed record SignInResult(bool Succeeded, string? Token, Actor? Actor, DateTimeOffset ExpiresAt, string? Error, bool Locked, TimeSpan? RetryAfter = null)
{
    public static SignInResult Success(string token, Actor actor, DateTimeOffset expiresAt) => new(true, token, actor, expiresAt, null, false);

    public static SignInResult Failed(string error, bool locked = false, TimeSpan? retryAfter = null) => new(false, null, null, default, error, locked, retryAfter);
}
