namespace HelpPoint.Core
{
    /// <summary>
    /// Joining the network at start: one attempt when due, and after a failed one the next after 1 s,
    /// 2 s, 4 s … up to 60 s with jitter (<see cref="ReconnectBackoff"/>). Once joined, the radio keeps
    /// the link by itself and the MQTT session's backoff covers its gaps.
    /// </summary>
    /// <remarks>App loop only: <see cref="Tick"/> calls the blocking <see cref="INetworkLink.Join"/>.</remarks>
    public sealed class NetworkJoin
    {
        private readonly INetworkLink _link;
        private readonly ReconnectBackoff _backoff;
        private long _nextAttemptAtMs;

        /// <summary>A join that tries at once on its first <see cref="Tick"/>.</summary>
        public NetworkJoin(INetworkLink link, IRandomSource random)
        {
            if (link == null || random == null)
            {
                throw new System.ArgumentNullException();
            }

            _link = link;
            _backoff = new ReconnectBackoff(random);
        }

        /// <summary>True once an attempt succeeded.</summary>
        public bool Joined { get; private set; }

        /// <summary>How many attempts were made.</summary>
        public int Attempts { get; private set; }

        /// <summary>How many attempts failed since the start.</summary>
        public int Failures { get; private set; }

        /// <summary>When the next attempt is due (clock milliseconds).</summary>
        public long NextAttemptAtMs
        {
            get { return _nextAttemptAtMs; }
        }

        /// <summary>Tries to join when an attempt is due; true once joined.</summary>
        public bool Tick(long nowMs)
        {
            if (Joined)
            {
                return true;
            }

            if (nowMs < _nextAttemptAtMs)
            {
                return false;
            }

            Attempts++;
            bool ok;
            try
            {
                ok = _link.Join();
            }
            catch (System.Exception)
            {
                // A driver error is a failed attempt, not a crash: the next one may work.
                ok = false;
            }

            if (ok)
            {
                Joined = true;
                _backoff.Reset();
                return true;
            }

            Failures++;
            _nextAttemptAtMs = nowMs + _backoff.NextDelayMs();
            return false;
        }

        /// <summary>Whole seconds until the next attempt, rounded up; 0 when it is due or joined.</summary>
        public int RetryInS(long nowMs)
        {
            long left = Joined ? 0 : _nextAttemptAtMs - nowMs;
            return left <= 0 ? 0 : (int)((left + 999) / 1000);
        }
    }
}
