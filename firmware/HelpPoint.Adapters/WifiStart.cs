using System.Threading;
using HelpPoint.Core;

namespace HelpPoint.Device
{
    /// <summary>Draws the Wi-Fi state at start: failed attempts so far and seconds to the next one.</summary>
    public delegate void NetworkScreenHandler(int failures, int retryInS);

    /// <summary>
    /// Joins the network at start with Core's <see cref="NetworkJoin"/> (each result checked, retried
    /// with backoff), showing every attempt and the countdown to the next; after a few failed attempts
    /// it goes on joining on a background thread, so the app can run without a network meanwhile.
    /// </summary>
    public static class WifiStart
    {
        /// <summary>
        /// Blocks until joined or until <paramref name="startAttempts"/> attempts failed; in the second
        /// case a background thread keeps trying. True when the network is up on return.
        /// </summary>
        public static bool Run(NetworkJoin join, IClock clock, int startAttempts, int screenMs, NetworkScreenHandler show)
        {
            while (true)
            {
                // Before an attempt that is due this says "trying again"; between attempts it counts down.
                show(join.Failures, join.RetryInS(clock.NowMs));
                if (join.Tick(clock.NowMs))
                {
                    return true;
                }

                if (join.Failures >= startAttempts)
                {
                    break;
                }

                Thread.Sleep(screenMs);
            }

            // From here only this thread touches the join, so the app loop never waits for Wi-Fi.
            new Thread(delegate
            {
                while (!join.Tick(clock.NowMs))
                {
                    Thread.Sleep(screenMs);
                }
            }).Start();
            return false;
        }
    }
}
