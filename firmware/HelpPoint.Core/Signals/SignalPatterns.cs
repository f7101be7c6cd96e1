namespace HelpPoint.Core
{
    /// <summary>
    /// The patterns as steps of three numbers: duration in ms, LED (1 on, 0 off), buzzer frequency
    /// in Hz (0 quiet). Kept short (under a second) so they never talk over the display.
    /// </summary>
    public static class SignalPatterns
    {
        private static readonly int[] ReceivedSteps = new int[] { 80, 1, 2000, 120, 1, 0 };
        private static readonly int[] AcceptedSteps = new int[] { 100, 1, 1500, 80, 0, 0, 120, 1, 2000, 200, 1, 0 };
        private static readonly int[] OnTheWaySteps = new int[] { 100, 1, 1500, 60, 0, 0, 100, 1, 2000, 60, 0, 0, 200, 1, 2500, 400, 1, 0 };
        private static readonly int[] ProblemSteps = new int[] { 450, 1, 400, 150, 0, 0 };
        private static readonly int[] TickSteps = new int[] { 40, 1, 3000 };
        private static readonly int[] NoSteps = new int[0];

        /// <summary>The steps of a pattern (shared arrays: do not modify).</summary>
        public static int[] Steps(SignalKind kind)
        {
            switch (kind)
            {
                case SignalKind.Received: return ReceivedSteps;
                case SignalKind.Accepted: return AcceptedSteps;
                case SignalKind.OnTheWay: return OnTheWaySteps;
                case SignalKind.Problem: return ProblemSteps;
                case SignalKind.Tick: return TickSteps;
                default: return NoSteps;
            }
        }

        /// <summary>Total length of a pattern in ms.</summary>
        public static int DurationMs(SignalKind kind)
        {
            int[] steps = Steps(kind);
            int total = 0;
            for (int i = 0; i < steps.Length; i += 3)
            {
                total += steps[i];
            }

            return total;
        }

        /// <summary>A lower-case name for logs and the simulator.</summary>
        public static string Name(SignalKind kind)
        {
            switch (kind)
            {
                case SignalKind.Received: return "received";
                case SignalKind.Accepted: return "accepted";
                case SignalKind.OnTheWay: return "on-the-way";
                case SignalKind.Problem: return "problem";
                case SignalKind.Tick: return "tick";
                default: return "none";
            }
        }
    }
}
