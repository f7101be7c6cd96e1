#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using HelpPoint.Core;

namespace HelpPoint.Firmware.Tests
{
    /// <summary>Debounce, click, long press and stuck buttons from scripted GPIO edge sequences.</summary>
    [TestClass]
    public class ButtonInputTests
    {
        // Debounce 30 ms, long press 1500 ms, stuck after 15 s (the defaults).
        private static ButtonInput Panel()
        {
            return new ButtonInput(3);
        }

        private static string Drain(ButtonInput input, long nowMs)
        {
            string result = string.Empty;
            int button;
            ButtonGesture gesture;
            for (int guard = 0; guard < 64 && input.Poll(nowMs, out button, out gesture); guard++)
            {
                string name = gesture == ButtonGesture.Click ? "click" : gesture == ButtonGesture.LongPress ? "long" : "none";
                result = result + (result.Length == 0 ? string.Empty : ",") + name + button.ToString();
            }

            return result;
        }

        [TestMethod]
        public void Clean_press_and_release_is_one_click_on_release()
        {
            ButtonInput input = Panel();

            input.Edge(0, true, 1000);
            Assert.AreEqual(string.Empty, Drain(input, 1100));
            input.Edge(0, false, 1200);

            Assert.AreEqual("click0", Drain(input, 1300));
            Assert.AreEqual(string.Empty, Drain(input, 5000));
        }

        [TestMethod]
        public void Contact_bounce_on_press_and_release_is_one_click()
        {
            ButtonInput input = Panel();

            // A real switch: several edges within a few ms each way.
            input.Edge(0, true, 1000);
            input.Edge(0, false, 1002);
            input.Edge(0, true, 1003);
            input.Edge(0, false, 1007);
            input.Edge(0, true, 1009);
            Assert.AreEqual(string.Empty, Drain(input, 1100));
            input.Edge(0, false, 1300);
            input.Edge(0, true, 1301);
            input.Edge(0, false, 1304);

            Assert.AreEqual("click0", Drain(input, 1400));
        }

        [TestMethod]
        public void Glitch_shorter_than_the_debounce_time_is_no_press()
        {
            ButtonInput input = Panel();

            input.Edge(0, true, 1000);
            input.Edge(0, false, 1029);

            Assert.AreEqual(string.Empty, Drain(input, 2000));
            Assert.IsFalse(input.IsPressed(0));
        }

        [TestMethod]
        public void Press_that_settled_between_polls_still_counts()
        {
            ButtonInput input = Panel();

            // No poll runs between the edges (a slow app loop): the timestamps decide.
            input.Edge(0, true, 1000);
            input.Edge(0, false, 1040);

            Assert.AreEqual("click0", Drain(input, 1100));
        }

        [TestMethod]
        public void Repeated_edge_of_the_same_level_changes_nothing()
        {
            ButtonInput input = Panel();

            input.Edge(0, true, 1000);
            input.Edge(0, true, 1020);
            input.Edge(0, true, 1025);
            input.Edge(0, false, 1200);

            Assert.AreEqual("click0", Drain(input, 1300));
        }

        [TestMethod]
        public void Holding_for_the_long_press_time_reports_it_once_while_held_and_no_click_on_release()
        {
            ButtonInput input = Panel();

            input.Edge(1, true, 1000);
            Assert.AreEqual(string.Empty, Drain(input, 2499));
            Assert.AreEqual("long1", Drain(input, 2500));
            Assert.AreEqual(string.Empty, Drain(input, 4000));
            input.Edge(1, false, 4100);

            Assert.AreEqual(string.Empty, Drain(input, 4200));
        }

        [TestMethod]
        public void Long_press_is_timed_from_the_first_edge_not_from_the_poll()
        {
            ButtonInput input = Panel();

            input.Edge(0, true, 1000);

            // The first poll after the debounce comes late; the hold still started at 1000.
            Assert.AreEqual("long0", Drain(input, 2600));
        }

        [TestMethod]
        public void Bounce_during_a_long_hold_does_not_restart_it()
        {
            ButtonInput input = Panel();

            input.Edge(0, true, 1000);
            Assert.AreEqual(string.Empty, Drain(input, 1800));
            input.Edge(0, false, 1900);
            input.Edge(0, true, 1905);

            Assert.AreEqual("long0", Drain(input, 2500));
        }

        [TestMethod]
        public void Stuck_button_is_ignored_until_released_and_does_not_block_the_others()
        {
            ButtonInput input = Panel();

            input.Edge(2, true, 1000);
            Assert.AreEqual("long2", Drain(input, 2500));
            Drain(input, 16000);
            Assert.IsTrue(input.IsStuck(2));
            Assert.AreEqual(1, input.StuckCount);

            // Another button still works while button 2 is jammed.
            input.Edge(0, true, 20000);
            input.Edge(0, false, 20100);
            Assert.AreEqual("click0", Drain(input, 20200));

            // Releasing the jammed button gives no click and clears the stuck mark.
            input.Edge(2, false, 30000);
            Assert.AreEqual(string.Empty, Drain(input, 30100));
            Assert.IsFalse(input.IsStuck(2));

            // And it works normally again.
            input.Edge(2, true, 31000);
            input.Edge(2, false, 31100);
            Assert.AreEqual("click2", Drain(input, 31200));
        }

        [TestMethod]
        public void Stuck_button_reports_its_long_press_only_once()
        {
            ButtonInput input = Panel();

            input.Edge(0, true, 1000);
            string all = string.Empty;
            for (long t = 1000; t <= 120000; t += 100)
            {
                all = all + Drain(input, t);
            }

            Assert.AreEqual("long0", all);
        }

        [TestMethod]
        public void Two_buttons_pressed_at_once_give_two_clicks_in_release_order()
        {
            ButtonInput input = Panel();

            input.Edge(0, true, 1000);
            input.Edge(1, true, 1001);
            input.Edge(1, false, 1200);
            input.Edge(0, false, 1250);

            Assert.AreEqual("click1,click0", Drain(input, 1300));
        }

        [TestMethod]
        public void Two_buttons_held_together_both_report_long_press()
        {
            ButtonInput input = Panel();

            input.Edge(0, true, 1000);
            input.Edge(2, true, 1010);

            Assert.AreEqual("long0,long2", Drain(input, 3000));
        }

        [TestMethod]
        public void Edges_for_buttons_outside_the_panel_are_ignored()
        {
            ButtonInput input = Panel();

            input.Edge(-1, true, 1000);
            input.Edge(3, true, 1000);
            input.Edge(3, false, 1100);

            Assert.AreEqual(string.Empty, Drain(input, 2000));
        }

        [TestMethod]
        public void Hammering_a_button_faster_than_the_loop_loses_no_state()
        {
            ButtonInput input = Panel();
            long t = 1000;
            for (int i = 0; i < 50; i++)
            {
                input.Edge(0, true, t);
                input.Edge(0, false, t + 60);
                t += 120;
            }

            // 50 clicks, more than the queue holds: the queue keeps what fits and stays consistent.
            string all = Drain(input, t);
            Assert.IsTrue(all.Length > 0);
            input.Edge(1, true, t + 10);
            input.Edge(1, false, t + 100);
            Assert.AreEqual("click1", Drain(input, t + 200));
        }

        [TestMethod]
        public void Timings_that_make_no_sense_are_refused()
        {
            Expect.Throws(typeof(System.ArgumentOutOfRangeException), delegate { new ButtonInput(0); });
            Expect.Throws(typeof(System.ArgumentOutOfRangeException), delegate { new ButtonInput(2, 50, 40, 100); });
            Expect.Throws(typeof(System.ArgumentOutOfRangeException), delegate { new ButtonInput(2, 30, 1500, 1500); });
        }
    }
}
