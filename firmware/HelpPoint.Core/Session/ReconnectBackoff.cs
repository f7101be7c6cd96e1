using System;

namespace HelpPoint.Core
{
    /// <summary>
    /// Delays between reconnect attempts: 1 s doubling up to a 60 s cap, each shortened by a random
    /// part of up to a quarter, so that the help points of a branch do not all hit a restarted broker
    /// in the same instant. The cap is never exceeded.
    /// </summary>
    public sealed class ReconnectBackoff
    {
        /// <summary>The first delay.</summary>
        public const long DefaultInitialMs = 1000;

        /// <summary>The longest delay.</summary>
        public const long DefaultMaxMs = 60000;

        private readonly IRandomSource _random;
        private readonly long _initialMs;
        private readonly long _maxMs;
        private long _nominalMs;

        /// <summary>A backoff with the default 1 s start and 60 s cap.</summary>
        public ReconnectBackoff(IRandomSource random)
            : this(random, DefaultInitialMs, DefaultMaxMs)
        {
        }

        /// <summary>A backoff with its own start and cap.</summary>
        public ReconnectBackoff(IRandomSource random, long initialMs, long maxMs)
        {
            if (random == null)
            {
                throw new ArgumentNullException("random");
            }

            if (initialMs < 1 || maxMs < initialMs)
            {
                throw new ArgumentOutOfRangeException("initialMs");
            }

            _random = random;
            _initialMs = initialMs;
            _maxMs = maxMs;
            _nominalMs = initialMs;
        }

        /// <summary>How many delays were handed out since the last <see cref="Reset"/>.</summary>
        public int Attempts { get; private set; }

        /// <summary>The delay before the next attempt; each call doubles the next one, up to the cap.</summary>
        public long NextDelayMs()
        {
            long nominal = _nominalMs;
            long spread = nominal / 4;
            long jitter = spread > 0 ? _random.Next((int)spread + 1) : 0;
            if (jitter < 0 || jitter > spread)
            {
                // A misbehaving random source must not break the bounds.
                jitter = 0;
            }

            _nominalMs = nominal >= _maxMs / 2 ? _maxMs : nominal * 2;
            Attempts++;
            return nominal - jitter;
        }

        /// <summary>Starts over at the first delay, after a successful connection.</summary>
        public void Reset()
        {
            _nominalMs = _initialMs;
            Attempts = 0;
        }
    }
}
