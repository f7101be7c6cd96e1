namespace HelpPoint.Core
{
    /// <summary>
    /// Plays <see cref="SignalPatterns"/> on an <see cref="ISignalOutput"/>. A new pattern replaces
    /// the one playing. In silent mode the buzzer stays quiet and only the LED shows the pattern
    /// (quiet reading rooms). Call <see cref="Update"/> from the app loop; it allocates nothing and
    /// touches the outputs only when a level changes.
    /// </summary>
    public sealed class SignalPlayer
    {
        private readonly ISignalOutput _output;
        private int[] _steps = SignalPatterns.Steps(SignalKind.None);
        private SignalKind _playing = SignalKind.None;
        private long _startedAtMs;
        private bool _led;
        private int _tone;

        /// <summary>A player driving <paramref name="output"/>.</summary>
        public SignalPlayer(ISignalOutput output, bool silent)
        {
            _output = output ?? new NoSignalOutput();
            Silent = silent;
        }

        /// <summary>When true the buzzer never sounds.</summary>
        public bool Silent { get; set; }

        /// <summary>The pattern playing now, or <see cref="SignalKind.None"/>.</summary>
        public SignalKind Playing
        {
            get { return _playing; }
        }

        /// <summary>The LED level last set.</summary>
        public bool Led
        {
            get { return _led; }
        }

        /// <summary>The buzzer frequency last set (0 quiet).</summary>
        public int Tone
        {
            get { return _tone; }
        }

        /// <summary>Starts <paramref name="kind"/> now and applies its first step.</summary>
        public void Play(SignalKind kind, long nowMs)
        {
            _playing = kind;
            _steps = SignalPatterns.Steps(kind);
            _startedAtMs = nowMs;
            Update(nowMs);
        }

        /// <summary>Sets the outputs for the step due at <paramref name="nowMs"/>.</summary>
        public void Update(long nowMs)
        {
            bool led = false;
            int tone = 0;
            if (_playing != SignalKind.None)
            {
                long elapsed = nowMs - _startedAtMs;
                long stepEnd = 0;
                bool found = false;
                for (int i = 0; i < _steps.Length; i += 3)
                {
                    stepEnd += _steps[i];
                    if (elapsed < stepEnd)
                    {
                        led = _steps[i + 1] != 0;
                        tone = _steps[i + 2];
                        found = true;
                        break;
                    }
                }

                if (!found)
                {
                    _playing = SignalKind.None;
                }
            }

            if (Silent)
            {
                tone = 0;
            }

            if (led != _led)
            {
                _led = led;
                _output.SetLed(led);
            }

            if (tone != _tone)
            {
                _tone = tone;
                _output.SetTone(tone);
            }
        }
    }
}
