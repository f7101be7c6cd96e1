using System.Device.Gpio;
using HelpPoint.Core;

namespace HelpPoint.Button
{
    /// <summary>Feeds the buttons' GPIO edges, with their time, into Core's <see cref="ButtonInput"/>. Buttons pull their pin to GND.</summary>
    public sealed class GpioButtons
    {
        private readonly int[] _pins;
        private readonly ButtonInput _input;
        private readonly IClock _clock;

        /// <summary>Opens the pins with pull-ups and starts listening for both edges.</summary>
        public GpioButtons(GpioController gpio, int[] pins, ButtonInput input, IClock clock)
        {
            _pins = pins;
            _input = input;
            _clock = clock;
            for (int i = 0; i < pins.Length; i++)
            {
                gpio.OpenPin(pins[i], PinMode.InputPullUp);
                gpio.RegisterCallbackForPinValueChangedEvent(pins[i], PinEventTypes.Falling | PinEventTypes.Rising, OnPinChanged);
            }
        }

        private void OnPinChanged(object sender, PinValueChangedEventArgs e)
        {
            // Runs on the GPIO event thread; ButtonInput takes its own lock and never blocks long.
            for (int i = 0; i < _pins.Length; i++)
            {
                if (_pins[i] == e.PinNumber)
                {
                    _input.Edge(i, e.ChangeType == PinEventTypes.Falling, _clock.NowMs);
                    return;
                }
            }
        }
    }
}
