using System;

namespace HelpPoint.Core
{
    /// <summary>
    /// A ticket display: keeps an MQTT session (last will, retained status heartbeat, reconnect with
    /// backoff and jitter), follows its branch's retained <c>board</c> topic, and shows the queue,
    /// with an offline indicator once the broker has been unreachable for more than
    /// <see cref="TicketBoardSettings.OfflineAfterMs"/> (also right after boot).
    /// </summary>
    /// <remarks>
    /// Threads as for <see cref="HelpPointDevice"/>: <see cref="Tick"/> on the app loop is the only
    /// caller of the connection's blocking methods and of the display; messages arrive on the MQTT
    /// library's thread and only swap in the decoded board under the lock.
    /// </remarks>
    public sealed class TicketBoard
    {
        private readonly object _lock = new object();
        private readonly TicketBoardSettings _settings;
        private readonly IClock _clock;
        private readonly IBoardDisplay _display;
        private readonly IMqttConnection _connection;
        private readonly IDeviceMetrics _metrics;
        private readonly ReconnectBackoff _backoff;
        private readonly string _boardTopic;
        private readonly string _statusTopic;
        private readonly string[] _subscriptions;
        private readonly byte[] _offlinePayload;

        // Guarded by _lock.
        private BoardMessage _message;
        private bool _sessionUp;
        private bool _stopped;
        private long _nextConnectAtMs;
        private long _lastStatusAtMs;
        private long _offlineSinceMs;
        private bool _dirty = true;

        // App loop only.
        private BoardScreen _shown;
        private bool _shownOffline;

        /// <summary>Creates a board (not yet connected: the first <see cref="Tick"/> connects).</summary>
        public TicketBoard(
            TicketBoardSettings settings,
            IClock clock,
            IBoardDisplay display,
            IMqttConnection connection,
            IRandomSource random,
            IDeviceMetrics metrics)
        {
            if (settings == null || clock == null || display == null || connection == null || random == null || metrics == null)
            {
                throw new ArgumentNullException();
            }

            if (!Topics.IsValidName(settings.Branch) || !Topics.IsValidName(settings.DeviceId) || settings.Secret == null)
            {
                throw new ArgumentException("branch and device id must match [a-z0-9-]{1,32}, and a secret is needed");
            }

            _settings = settings;
            _clock = clock;
            _display = display;
            _connection = connection;
            _metrics = metrics;
            _backoff = new ReconnectBackoff(random);
            _boardTopic = Topics.ForBoard(settings.Branch);
            _statusTopic = Topics.ForDevice(settings.Branch, settings.DeviceId, "status");
            _subscriptions = new string[] { _boardTopic };
            _offlinePayload = ProtocolCodec.EncodeOffline();
            _offlineSinceMs = clock.NowMs;
            _connection.MessageReceived += OnMessageReceived;
            _connection.ConnectionLost += OnConnectionLost;
        }

        /// <summary>True while the session is up.</summary>
        public bool Connected
        {
            get
            {
                lock (_lock)
                {
                    return _sessionUp;
                }
            }
        }

        /// <summary>The latest board message, or null before the first.</summary>
        public BoardMessage Message
        {
            get
            {
                lock (_lock)
                {
                    return _message;
                }
            }
        }

        /// <summary>The screen last shown, or null before the first tick.</summary>
        public BoardScreen Screen
        {
            get { return _shown; }
        }

        /// <summary>Runs the board: (re)connect with backoff, heartbeat, offline indicator, display. Call about every 100 ms.</summary>
        public void Tick()
        {
            bool connectDue;
            lock (_lock)
            {
                if (_stopped)
                {
                    return;
                }

                long now = _clock.NowMs;
                if (_sessionUp && !_connection.IsConnected)
                {
                    LoseSession(now);
                }

                connectDue = !_sessionUp && now >= _nextConnectAtMs;
            }

            if (connectDue)
            {
                OpenSession();
            }

            SendHeartbeatIfDue();
            Render();
        }

        /// <summary>Stops for good: retained <c>{"online":false}</c>, then disconnect.</summary>
        public void Shutdown()
        {
            bool wasUp;
            lock (_lock)
            {
                if (_stopped)
                {
                    return;
                }

                _stopped = true;
                wasUp = _sessionUp;
                _sessionUp = false;
            }

            if (wasUp && _connection.IsConnected)
            {
                _connection.Publish(_statusTopic, _offlinePayload, true);
            }

            _connection.Disconnect();
        }

        private void OpenSession()
        {
            bool ok = _connection.Connect(_settings.DeviceId, _settings.DeviceId, _settings.Secret, _statusTopic, _offlinePayload, true);
            if (ok)
            {
                ok = _connection.Subscribe(_subscriptions);
            }

            long now = _clock.NowMs;
            if (!ok)
            {
                _connection.Disconnect();
                lock (_lock)
                {
                    _nextConnectAtMs = now + _backoff.NextDelayMs();
                }

                return;
            }

            lock (_lock)
            {
                _sessionUp = true;
                _backoff.Reset();
                _dirty = true;
            }

            PublishStatus(now);
        }

        private void SendHeartbeatIfDue()
        {
            long now = _clock.NowMs;
            lock (_lock)
            {
                if (!_sessionUp || now - _lastStatusAtMs < _settings.StatusIntervalMs)
                {
                    return;
                }
            }

            PublishStatus(now);
        }

        private void PublishStatus(long now)
        {
            lock (_lock)
            {
                _lastStatusAtMs = now;
            }

            byte[] payload = ProtocolCodec.EncodeStatus(_settings.FirmwareVersion, now / 1000, _metrics.Rssi, _metrics.FreeHeapBytes, 0);
            _connection.Publish(_statusTopic, payload, true);
        }

        private void Render()
        {
            BoardMessage message;
            bool offline;
            bool dirty;
            lock (_lock)
            {
                offline = !_sessionUp && _clock.NowMs - _offlineSinceMs > _settings.OfflineAfterMs;
                dirty = _dirty;
                _dirty = false;
                message = _message;
            }

            if (!dirty && _shown != null && offline == _shownOffline)
            {
                return;
            }

            _shownOffline = offline;
            _shown = BoardLayout.Build(message, offline, _settings.Language, _settings.Columns, _settings.Rows);
            _display.Show(_shown);
        }

        private void OnConnectionLost()
        {
            lock (_lock)
            {
                if (_sessionUp)
                {
                    LoseSession(_clock.NowMs);
                }
            }
        }

        private void OnMessageReceived(string topic, byte[] payload, bool retained)
        {
            if (topic != _boardTopic)
            {
                return;
            }

            BoardMessage message = ProtocolCodec.DecodeBoard(payload);
            if (message == null)
            {
                return;
            }

            lock (_lock)
            {
                _message = message;
                _dirty = true;
            }
        }

        // Callers hold _lock.
        private void LoseSession(long now)
        {
            _sessionUp = false;
            _offlineSinceMs = now;
            _nextConnectAtMs = now + _backoff.NextDelayMs();
            _dirty = true;
        }
    }
}
