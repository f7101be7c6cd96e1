using System;
using HelpPoint.Core;

namespace HelpPoint.Firmware.Tests
{
    /// <summary>A network that fails the first <c>failures</c> joins (or throws instead), then works.</summary>
    public sealed class FakeNetworkLink : INetworkLink
    {
        private readonly int _failures;
        private readonly bool _throws;

        /// <summary>A link whose first <paramref name="failures"/> joins fail; with <paramref name="throws"/> they throw.</summary>
        public FakeNetworkLink(int failures, bool throws)
        {
            _failures = failures;
            _throws = throws;
        }

        /// <summary>How many times <see cref="Join"/> was called.</summary>
        public int Calls { get; private set; }

        /// <inheritdoc/>
        public bool Join()
        {
            Calls++;
            if (Calls > _failures)
            {
                return true;
            }

            if (_throws)
            {
                throw new InvalidOperationException("driver error");
            }

            return false;
        }
    }
}
