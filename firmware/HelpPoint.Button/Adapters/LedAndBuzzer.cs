using System.Device.Gpio;
using System.Device.Pwm;
using HelpPoint.Core;
using nanoFramework.Hardware.Esp32;

namespace HelpPoint.Button
{
    /// <summary>Core's <see cref="ISignalOutput"/>: a GPIO LED and a passive buzzer on a PWM channel.</summary>
    public sealed class LedAndBuzzer : ISignalOutput
    {
        private readonly GpioPin _led;
        private readonly PwmChannel _buzzer;
        private bool _sounding;

        /// <summary>Opens the LED pin and routes the buzzer pin to the PWM peripheral.</summary>
        public LedAndBuzzer(GpioController gpio, int ledPin, int buzzerPin)
        {
            _led = gpio.OpenPin(ledPin, PinMode.Output);
            _led.Write(PinValue.Low);
            Configuration.SetPinFunction(buzzerPin, DeviceFunction.PWM1);
            _buzzer = PwmChannel.CreateFromPin(buzzerPin, 2000, 0.5);
        }

        /// <inheritdoc/>
        public void SetLed(bool on)
        {
            _led.Write(on ? PinValue.High : PinValue.Low);
        }

        /// <inheritdoc/>
        public void SetTone(int frequencyHz)
        {
            if (frequencyHz <= 0)
            {
                if (_sounding)
                {
                    _buzzer.Stop();
                    _sounding = false;
                }

                return;
            }

            _buzzer.Frequency = frequencyHz;
            if (!_sounding)
            {
                _buzzer.Start();
                _sounding = true;
            }
        }
    }
}
