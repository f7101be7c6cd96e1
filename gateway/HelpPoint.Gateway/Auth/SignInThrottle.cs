using System.Collections.Concurrent;

namespace HelpPoint.Gateway.Auth;

/// <summary>
/// Slows PIN and password guessing per account and per client address: after a few failures each further attempt must
/// wait twice as long as the one before (capped), and an account or address has at most a few attempts being checked at
/// once, so concurrent guesses are counted one by one instead of all evaluated against a stale count. A delay is not a
/// lock: the real user gets in after at most <see cref="AccountMaxDelay"/>, however long an attacker keeps guessing, while
/// the attacker's address is slowed far more. Concurrent password hashing is capped so bogus sign-ins cannot starve the CPU.
/// </summary>
public sealed class SignInThrottle(TimeProvider time)
{
    public const int AccountFreeFailures = 3;
    public const int AddressFreeFailures = 10;
    public static readonly TimeSpan AccountMaxDelay = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan AddressMaxDelay = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Forget = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, Entry> _accounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Entry> _addresses = new(StringComparer.Ordinal);

    /// <summary>PBKDF2 runs at most this many at once (half the cores, at least one), so health checks and the API keep a core.</summary>
    private readonly SemaphoreSlim _hashing = new(Math.Max(1, Environment.ProcessorCount / 2));

    /// <summary>
    /// Reserves an attempt for <paramref name="account"/> from <paramref name="address"/>; null when it may go ahead (then
    /// call <see cref="Complete"/>), otherwise how long to wait.
    /// </summary>
    public TimeSpan? TryBegin(string account, string address)
    {
        var now = time.GetUtcNow();
        var a = _accounts.GetOrAdd(account, _ => new Entry());
        var d = _addresses.GetOrAdd(address, _ => new Entry());
        lock (a)
        {
            lock (d)
            {
                var wait = Max(a.Wait(now, maxInFlight: 1), d.Wait(now, maxInFlight: 8));
                if (wait is not null)
                {
                    return wait;
                }

                a.InFlight++;
                d.InFlight++;
                return null;
            }
        }
    }

    /// <summary>Ends an attempt begun with <see cref="TryBegin"/>: a success clears the account's failures; null: not checked (busy).</summary>
    public void Complete(string account, string address, bool? succeeded)
    {
        var now = time.GetUtcNow();
        var a = _accounts.GetOrAdd(account, _ => new Entry());
        var d = _addresses.GetOrAdd(address, _ => new Entry());
        lock (a)
        {
            a.InFlight = Math.Max(0, a.InFlight - 1);
            if (succeeded == true)
            {
                a.Failures = 0;
                a.NextAt = now;
            }
            else if (succeeded == false)
            {
                a.Fail(now, AccountFreeFailures, AccountMaxDelay);
            }
        }

        lock (d)
        {
            d.InFlight = Math.Max(0, d.InFlight - 1);
            if (succeeded == false)
            {
                d.Fail(now, AddressFreeFailures, AddressMaxDelay);
            }
        }

        if (_accounts.Count + _addresses.Count > 100_000)
        {
            Prune(now);
        }
    }

    /// <summary>Runs a slow hash check with the number of concurrent ones capped; false when the server is too busy (then refuse).</summary>
    public async Task<bool?> HashAsync(Func<bool> verify, CancellationToken cancellationToken)
    {
        if (!await _hashing.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        try
        {
            return verify();
        }
        finally
        {
            _hashing.Release();
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var map in new[] { _accounts, _addresses })
        {
            foreach (var (key, entry) in map)
            {
                lock (entry)
                {
                    if (entry.InFlight == 0 && now - entry.LastFailure > Forget)
                    {
                        map.TryRemove(key, out _);
                    }
                }
            }
        }
    }

    private static TimeSpan? Max(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : (a > b ? a : b);

    private sealed class Entry
    {
        public int Failures;
        public int InFlight;
        public DateTimeOffset NextAt;
        public DateTimeOffset LastFailure;

        public TimeSpan? Wait(DateTimeOffset now, int maxInFlight)
        {
            if (Failures > 0 && now - LastFailure > Forget)
            {
                Failures = 0;
            }

            if (NextAt > now)
            {
                return NextAt - now;
            }

            return InFlight >= maxInFlight ? TimeSpan.FromSeconds(1) : null;
        }

        public void Fail(DateTimeOffset now, int free, TimeSpan max)
        {
            Failures++;
            LastFailure = now;
            if (Failures >= free)
            {
                var seconds = Math.Min(max.TotalSeconds, Math.Pow(2, Math.Min(30, Failures - free)));
                NextAt = now + TimeSpan.FromSeconds(seconds);
            }
        }
    }
}
