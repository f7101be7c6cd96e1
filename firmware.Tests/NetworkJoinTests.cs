#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using HelpPoint.Core;

namespace HelpPoint.Firmware.Tests
{
    [TestClass]
    public class NetworkJoinTests
    {
        [TestMethod]
        public void A_working_network_is_joined_on_the_first_tick()
        {
            var link = new FakeNetworkLink(0, false);
            var join = new NetworkJoin(link, FixedRandom.Highest());

            Assert.IsTrue(join.Tick(0));
            Assert.IsTrue(join.Joined);
            Assert.IsTrue(join.Tick(10));
            Assert.AreEqual(1, link.Calls, "no second attempt once joined");
        }

        [TestMethod]
        public void Failed_joins_are_retried_after_1_2_4_seconds()
        {
            var link = new FakeNetworkLink(3, false);
            var join = new NetworkJoin(link, FixedRandom.Lowest());

            Assert.IsFalse(join.Tick(0));
            Assert.AreEqual(1000, join.NextAttemptAtMs);
            Assert.AreEqual(1, join.RetryInS(1));
            Assert.IsFalse(join.Tick(999));
            Assert.AreEqual(1, link.Calls, "not before the delay");

            Assert.IsFalse(join.Tick(1000));
            Assert.AreEqual(3000, join.NextAttemptAtMs);
            Assert.IsFalse(join.Tick(3000));
            Assert.AreEqual(7000, join.NextAttemptAtMs);
            Assert.AreEqual(4, join.RetryInS(3001));
            Assert.AreEqual(3, join.Failures);

            Assert.IsTrue(join.Tick(7000));
            Assert.AreEqual(4, join.Attempts);
            Assert.AreEqual(0, join.RetryInS(7000));
        }

        [TestMethod]
        public void The_wait_between_attempts_stops_growing_at_a_minute()
        {
            var join = new NetworkJoin(new FakeNetworkLink(100, false), FixedRandom.Lowest());
            long now = 0;
            for (int i = 0; i < 10; i++)
            {
                join.Tick(now);
                now = join.NextAttemptAtMs;
            }

            long before = join.NextAttemptAtMs;
            join.Tick(before);
            Assert.AreEqual(60000, join.NextAttemptAtMs - before);
        }

        [TestMethod]
        public void A_driver_that_throws_counts_as_a_failed_attempt()
        {
            var join = new NetworkJoin(new FakeNetworkLink(1, true), FixedRandom.Lowest());

            Assert.IsFalse(join.Tick(0));
            Assert.AreEqual(1, join.Failures);
            Assert.IsTrue(join.Tick(join.NextAttemptAtMs));
        }

        [TestMethod]
        public void The_network_screen_says_what_is_joined_how_often_it_failed_and_when_it_tries_again()
        {
            Screen first = Screens.Network("Library-IoT", 0, 0, Languages.Swedish);
            Assert.AreEqual("Ansluter till Wi-Fi|Library-IoT", DeviceFixture.Joined(first));

            Screen failed = Screens.Network("Library-IoT", 3, 8, Languages.Swedish);
            Assert.AreEqual("Inget Wi-Fi|Library-IoT||Misslyckat försök: 3|Nytt försök om 8 s", DeviceFixture.Joined(failed));
            Assert.AreEqual(HelpPointState.Setup, failed.State);

            Screen english = Screens.Network("Library-IoT", 2, 0, Languages.English);
            Assert.AreEqual("No Wi-Fi|Library-IoT||Failed attempts: 2|Trying again ...", DeviceFixture.Joined(english));
            Assert.IsFalse(english.Truncated);
        }
    }
}
