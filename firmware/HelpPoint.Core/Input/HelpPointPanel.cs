using System;

namespace HelpPoint.Core
{
    /// <summary>
    /// The help point's buttons as the visitor uses them: buttons 0 … n-1 are the category buttons
    /// (in the order of <see cref="Categories"/> given), button n is the language button.
    /// </summary>
    /// <remarks>
    /// A click on a category button presses it (one request at a time: the device keeps showing the
    /// current one). A click on the language button picks the next of the branch's languages. A long
    /// press on any button cancels the visitor's request. While the done screen asks for feedback,
    /// the first three buttons answer it: 1 good (3), 2 okay (2), 3 bad (1); the panel is labelled
    /// with the digits for that (see hardware/pinout.md).
    /// </remarks>
    public sealed class HelpPointPanel
    {
        private readonly HelpPointDevice _device;
        private readonly ButtonInput _input;
        private readonly Category[] _categories;
        private readonly int _languageButton;

        /// <summary>Wires a panel of <paramref name="categories"/>.Length + 1 buttons to a device.</summary>
        public HelpPointPanel(HelpPointDevice device, ButtonInput input, Category[] categories)
        {
            if (device == null || input == null || categories == null)
            {
                throw new ArgumentNullException();
            }

            if (input.Count != categories.Length + 1)
            {
                throw new ArgumentException("the input needs one button per category plus the language button");
            }

            _device = device;
            _input = input;
            _categories = categories;
            _languageButton = categories.Length;
        }

        /// <summary>The index of the language button.</summary>
        public int LanguageButton
        {
            get { return _languageButton; }
        }

        /// <summary>How many gestures were acted on (for tests and diagnostics).</summary>
        public int Handled { get; private set; }

        /// <summary>Takes every pending gesture and acts on it; call it from the app loop before the device's tick.</summary>
        public void Poll(long nowMs)
        {
            int button;
            ButtonGesture gesture;

            // Bounded: the input queue holds at most a few gestures.
            for (int guard = 0; guard < 32 && _input.Poll(nowMs, out button, out gesture); guard++)
            {
                Handle(button, gesture);
                Handled++;
            }
        }

        private void Handle(int button, ButtonGesture gesture)
        {
            if (gesture == ButtonGesture.LongPress)
            {
                _device.Cancel();
                return;
            }

            if (gesture != ButtonGesture.Click)
            {
                return;
            }

            if (button == _languageButton)
            {
                _device.CycleLanguage();
                return;
            }

            HelpPointSnapshot now = _device.Snapshot;
            if (now.Feedback == FeedbackPrompt.Open && button < 3)
            {
                _device.Feedback(3 - button);
                return;
            }

            if (button >= 0 && button < _categories.Length)
            {
                _device.Press(_categories[button]);
            }
        }
    }
}
