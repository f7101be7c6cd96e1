using System;

namespace HelpPoint.Core
{
    /// <summary>
    /// Debounce, click and long-press for a panel of buttons, driven by raw GPIO edges and a clock.
    /// </summary>
    /// <remarks>
    /// A raw level counts only after it held for <see cref="DebounceMs"/>: contact bounce shorter than
    /// that never reaches the visitor's request. A click is reported on release; a long press as soon
    /// as the button was held for <see cref="LongPressMs"/> (and its release then is not a click). A
    /// button held longer than <see cref="StuckMs"/> is taken for stuck (a jammed key, a leaning
    /// shopping bag) and ignored until it is released, so it cannot block the other buttons or keep
    /// cancelling requests. Each button is independent: two pressed at once give two gestures.
    /// Threads: <see cref="Edge"/> may be called from the GPIO callback thread, <see cref="Poll"/>
    /// from the app loop; one lock guards the state. Nothing allocates after construction.
    /// </remarks>
    public sealed class ButtonInput
    {
        /// <summary>Default time a level must hold before it counts.</summary>
        public const int DefaultDebounceMs = 30;

        /// <summary>Default hold time for a long press (cancel).</summary>
        public const int DefaultLongPressMs = 1500;

        /// <summary>Default hold time after which a button counts as stuck.</summary>
        public const int DefaultStuckMs = 15000;

        private const int QueueSize = 16;

        private readonly object _lock = new object();
        private readonly bool[] _raw;
        private readonly long[] _rawSinceMs;
        private readonly bool[] _stable;
        private readonly long[] _pressedAtMs;
        private readonly bool[] _longReported;
        private readonly bool[] _stuck;
        private readonly int[] _queueButton = new int[QueueSize];
        private readonly int[] _queueGesture = new int[QueueSize];
        private int _queueHead;
        private int _queueCount;

        /// <summary>A panel of <paramref name="count"/> buttons with the default timings.</summary>
        public ButtonInput(int count)
            : this(count, DefaultDebounceMs, DefaultLongPressMs, DefaultStuckMs)
        {
        }

        /// <summary>A panel of <paramref name="count"/> buttons with its own timings.</summary>
        public ButtonInput(int count, int debounceMs, int longPressMs, int stuckMs)
        {
            if (count < 1 || debounceMs < 0 || longPressMs <= debounceMs || stuckMs <= longPressMs)
            {
                throw new ArgumentOutOfRangeException("count");
            }

            Count = count;
            DebounceMs = debounceMs;
            LongPressMs = longPressMs;
            StuckMs = stuckMs;
            _raw = new bool[count];
            _rawSinceMs = new long[count];
            _stable = new bool[count];
            _pressedAtMs = new long[count];
            _longReported = new bool[count];
            _stuck = new bool[count];
        }

        /// <summary>How many buttons.</summary>
        public int Count { get; private set; }

        /// <summary>How long a level must hold before it counts.</summary>
        public int DebounceMs { get; private set; }

        /// <summary>Hold time of a long press.</summary>
        public int LongPressMs { get; private set; }

        /// <summary>Hold time after which a button counts as stuck.</summary>
        public int StuckMs { get; private set; }

        /// <summary>A raw edge: <paramref name="pressed"/> is the new electrical level, read at <paramref name="nowMs"/>.</summary>
        public void Edge(int button, bool pressed, long nowMs)
        {
            if (button < 0 || button >= Count)
            {
                return;
            }

            lock (_lock)
            {
                if (_raw[button] == pressed)
                {
                    // A repeated edge (two callbacks for one change) changes nothing.
                    return;
                }

                // A level that held long enough before this edge counted, even if no poll saw it.
                Settle(button, nowMs);
                _raw[button] = pressed;
                _rawSinceMs[button] = nowMs;
            }
        }

        /// <summary>
        /// Brings every button up to <paramref name="nowMs"/> and hands out the oldest gesture, if any.
        /// Call it from the app loop until it returns false.
        /// </summary>
        public bool Poll(long nowMs, out int button, out ButtonGesture gesture)
        {
            lock (_lock)
            {
                // Settle in the order the levels changed, so that of two buttons released between two
                // polls the earlier release is reported first.
                for (int round = 0; round < Count; round++)
                {
                    int earliest = -1;
                    for (int i = 0; i < Count; i++)
                    {
                        if (_raw[i] != _stable[i] && nowMs - _rawSinceMs[i] >= DebounceMs
                            && (earliest < 0 || _rawSinceMs[i] < _rawSinceMs[earliest]))
                        {
                            earliest = i;
                        }
                    }

                    if (earliest < 0)
                    {
                        break;
                    }

                    Settle(earliest, nowMs);
                }

                for (int i = 0; i < Count; i++)
                {
                    Settle(i, nowMs);
                }

                if (_queueCount == 0)
                {
                    button = -1;
                    gesture = ButtonGesture.None;
                    return false;
                }

                button = _queueButton[_queueHead];
                gesture = (ButtonGesture)_queueGesture[_queueHead];
                _queueHead = (_queueHead + 1) % QueueSize;
                _queueCount--;
                return true;
            }
        }

        /// <summary>True while the button is debounced-down.</summary>
        public bool IsPressed(int button)
        {
            lock (_lock)
            {
                return button >= 0 && button < Count && _stable[button];
            }
        }

        /// <summary>True while the button is held past <see cref="StuckMs"/> (and so ignored).</summary>
        public bool IsStuck(int button)
        {
            lock (_lock)
            {
                return button >= 0 && button < Count && _stuck[button];
            }
        }

        /// <summary>How many buttons are stuck right now.</summary>
        public int StuckCount
        {
            get
            {
                lock (_lock)
                {
                    int n = 0;
                    for (int i = 0; i < Count; i++)
                    {
                        if (_stuck[i])
                        {
                            n++;
                        }
                    }

                    return n;
                }
            }
        }

        // Callers hold _lock.
        private void Settle(int i, long nowMs)
        {
            if (_raw[i] != _stable[i] && nowMs - _rawSinceMs[i] >= DebounceMs)
            {
                _stable[i] = _raw[i];
                if (_stable[i])
                {
                    // Timed from the edge, not from when the debounce was noticed.
                    _pressedAtMs[i] = _rawSinceMs[i];
                    _longReported[i] = false;
                }
                else
                {
                    if (!_longReported[i] && !_stuck[i])
                    {
                        Enqueue(i, ButtonGesture.Click);
                    }

                    _stuck[i] = false;
                }
            }

            if (!_stable[i] || _stuck[i])
            {
                return;
            }

            // While the level has not settled the button counts as held since its last stable press.
            long held = nowMs - _pressedAtMs[i];
            if (held >= StuckMs)
            {
                _stuck[i] = true;
            }
            else if (!_longReported[i] && held >= LongPressMs)
            {
                _longReported[i] = true;
                Enqueue(i, ButtonGesture.LongPress);
            }
        }

        // Callers hold _lock. A full queue drops the newest gesture: a visitor hammering buttons
        // faster than the app loop runs loses nothing that matters (one request rule).
        private void Enqueue(int button, ButtonGesture gesture)
        {
            if (_queueCount == QueueSize)
            {
                return;
            }

            int tail = (_queueHead + _queueCount) % QueueSize;
            _queueButton[tail] = button;
            _queueGesture[tail] = (int)gesture;
            _queueCount++;
        }
    }
}
