using System;

namespace HelpPoint.Firmware.Tests
{
    /// <summary>Thrown by <see cref="PowerCutStorage"/> when the simulated power goes.</summary>
    public sealed class PowerCutException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public PowerCutException()
            : base("power cut")
        {
        }
    }
}
