using System;

namespace HelpPoint.Core
{
    /// <summary>
    /// A help point: the life of a visitor's request (press, send, ticket, end, back to idle) and
    /// the MQTT session that carries it (reconnect with backoff, subscriptions, heartbeat, last will).
    /// </summary>
    /// <remarks>
    /// Threads: <see cref="Tick"/> runs on the app loop and is the only caller of the connection's
    /// blocking methods and of the display. <see cref="Press"/> and <see cref="Cancel"/> only change
    /// state, so a button handler never waits for the network. Message and connection-lost events
    /// arrive on the MQTT library's thread. One lock guards the state; it is never held across a
    /// network call, so a callback can always get in while a publish waits for its PUBACK.
    /// </remarks>
    public sealed class HelpPointDevice
    {
        /// <summary>The largest <c>ageMs</c> the gateway accepts (7 days); older requests are dropped.</summary>
        public const long MaxAgeMs = 604800000;

        private const int DefaultOutboxCapacity = 8;
        private const int MaxSendsPerTick = 4;
        private const int SendRetryMs = 1000;

        private readonly object _lock = new object();
        private readonly HelpPointSettings _settings;
        private readonly IClock _clock;
        private readonly IDisplay _display;
        private readonly IMqttConnection _connection;
        private readonly IDeviceMetrics _metrics;
        private readonly IOutbox _outbox;
        private readonly RequestSequence _sequence;
        private readonly ReconnectBackoff _backoff;
        private readonly string _requestTopic;
        private readonly string _cancelTopic;
        private readonly string _statusTopic;
        private readonly string _ticketTopic;
        private readonly string _configTopic;
        private readonly string _feedbackTopic;
        private readonly string[] _subscriptions;
        private readonly byte[] _offlinePayload;
        private readonly SignalPlayer _signals;

        // The current request (guarded by _lock). _requestId is null when idle.
        private string _requestId;
        private Category _category;
        private string _lang;
        private long _pressedAtMs;
        private HelpPointState _state = HelpPointState.Idle;
        private bool _requestMaybeSent;
        private bool _requestSent;
        private long _sentAtMs;
        private bool _cancelledLocally;
        private string _ticket;
        private int _position = TicketMessage.None;
        private int _waitS = TicketMessage.None;
        private string _host;
        private string _reason;
        private long _endStateAtMs;
        private FeedbackPrompt _feedback = FeedbackPrompt.None;

        // The language the visitor picked with the language button, or null (guarded by _lock).
        private string _selectedLanguage;
        private long _languageChosenAtMs;

        // A signal to play on the next tick, so that LED and buzzer are only driven from the app loop.
        private SignalKind _pendingSignal = SignalKind.None;

        // After a reboot the retained ticket of the last request may bring it back (guarded by _lock).
        private bool _mayRestore = true;

        // The display's language when the visitor picked none (guarded by _lock).
        private string _defaultLanguage;

        private string[] _languages = new string[] { Languages.Swedish, Languages.English };
        private Category[] _categories = Categories.All;

        // The session (guarded by _lock).
        private bool _sessionUp;
        private bool _stopped;
        private long _nextConnectAtMs;
        private long _nextSendAtMs;
        private long _lastStatusAtMs;

        private HelpPointSnapshot _snapshot;

        // What the current screen was built from (guarded by _lock); a new one is built only on change.
        private HelpPointState _screenState = HelpPointState.Setup;
        private string _screenLanguage;
        private string _screenDefault;
        private string _screenTicket;
        private int _screenPosition;
        private int _screenWaitS;
        private string _screenHost;
        private bool _screenOnline;
        private string _screenSelected;
        private FeedbackPrompt _screenFeedback;
        private Screen _screen;

        // App loop only.
        private Screen _shown;

        /// <summary>A help point with an in-RAM outbox.</summary>
        public HelpPointDevice(
            HelpPointSettings settings,
            IClock clock,
            IStorage storage,
            IDisplay display,
            IMqttConnection connection,
            IRandomSource random,
            IDeviceMetrics metrics)
            : this(settings, clock, storage, display, connection, random, metrics, new MemoryOutbox(DefaultOutboxCapacity))
        {
        }

        /// <summary>A help point with the given outbox (<see cref="FileOutbox"/> on a real device) and no LED or buzzer.</summary>
        public HelpPointDevice(
            HelpPointSettings settings,
            IClock clock,
            IStorage storage,
            IDisplay display,
            IMqttConnection connection,
            IRandomSource random,
            IDeviceMetrics metrics,
            IOutbox outbox)
            : this(settings, clock, storage, display, connection, random, metrics, outbox, new NoSignalOutput())
        {
        }

        /// <summary>A help point with the given outbox, LED and buzzer.</summary>
        public HelpPointDevice(
            HelpPointSettings settings,
            IClock clock,
            IStorage storage,
            IDisplay display,
            IMqttConnection connection,
            IRandomSource random,
            IDeviceMetrics metrics,
            IOutbox outbox,
            ISignalOutput signals)
        {
            if (settings == null || clock == null || storage == null || display == null
                || connection == null || random == null || metrics == null || outbox == null || signals == null)
            {
                throw new ArgumentNullException();
            }

            if (!Topics.IsValidName(settings.Branch) || !Topics.IsValidName(settings.DeviceId))
            {
                throw new ArgumentException("branch and device id must match [a-z0-9-]{1,32}");
            }

            if (settings.Secret == null)
            {
                throw new ArgumentException("a device needs its secret");
            }

            _settings = settings;
            _defaultLanguage = settings.DefaultLanguage;
            _clock = clock;
            _display = display;
            _connection = connection;
            _metrics = metrics;
            _outbox = outbox;
            _sequence = new RequestSequence(storage, settings.DeviceId);
            _backoff = new ReconnectBackoff(random);

            _requestTopic = Topics.ForDevice(settings.Branch, settings.DeviceId, "request");
            _cancelTopic = Topics.ForDevice(settings.Branch, settings.DeviceId, "cancel");
            _statusTopic = Topics.ForDevice(settings.Branch, settings.DeviceId, "status");
            _ticketTopic = Topics.ForDevice(settings.Branch, settings.DeviceId, "ticket");
            _configTopic = Topics.ForDevice(settings.Branch, settings.DeviceId, "config");
            _feedbackTopic = Topics.ForDevice(settings.Branch, settings.DeviceId, "feedback");
            _signals = new SignalPlayer(signals, settings.Silent);
            _subscriptions = new string[] { _ticketTopic, _configTopic };
            _offlinePayload = ProtocolCodec.EncodeOffline();

            _connection.MessageReceived += OnMessageReceived;
            _connection.ConnectionLost += OnConnectionLost;

            lock (_lock)
            {
                UpdateSnapshot();
            }
        }

        /// <summary>This device's id.</summary>
        public string DeviceId
        {
            get { return _settings.DeviceId; }
        }

        /// <summary>This device's branch.</summary>
        public string Branch
        {
            get { return _settings.Branch; }
        }

        /// <summary>The latest picture of the device; safe to read from any thread.</summary>
        public HelpPointSnapshot Snapshot
        {
            get
            {
                lock (_lock)
                {
                    return _snapshot;
                }
            }
        }

        /// <summary>
        /// The display's language while the visitor has picked none (provisioned as <c>language</c>;
        /// the simulator's page changes it). Changing it never changes a language the visitor picked
        /// with the language button or the language of a request under way.
        /// </summary>
        public string DefaultLanguage
        {
            get
            {
                lock (_lock)
                {
                    return _defaultLanguage;
                }
            }

            set
            {
                if (value == null || !Languages.IsValidCode(value))
                {
                    throw new ArgumentException("the default language must be a two-letter ISO 639-1 code");
                }

                lock (_lock)
                {
                    _defaultLanguage = value;
                    UpdateSnapshot();
                }
            }
        }

        /// <summary>
        /// A visitor pressed a category button: <see cref="Press(Category, string)"/> with the language
        /// picked with the language button (none when nobody picked one).
        /// </summary>
        public bool Press(Category category)
        {
            string lang;
            lock (_lock)
            {
                lang = _selectedLanguage;
            }

            return Press(category, lang);
        }

        /// <summary>
        /// The language button: picks the next of the branch's languages (from its config message),
        /// starting with the first. Only between requests; returns the picked code, or null when
        /// nothing changed (a request is alive, or the branch lists no language).
        /// </summary>
        public string CycleLanguage()
        {
            lock (_lock)
            {
                if (_stopped || HelpPointStates.IsActive(_state) || _languages == null || _languages.Length == 0)
                {
                    return null;
                }

                int next = 0;
                for (int i = 0; i < _languages.Length; i++)
                {
                    if (_languages[i] == _selectedLanguage)
                    {
                        next = (i + 1) % _languages.Length;
                        break;
                    }
                }

                _selectedLanguage = _languages[next];
                _languageChosenAtMs = _clock.NowMs;
                _pendingSignal = SignalKind.Tick;
                UpdateSnapshot();
                return _selectedLanguage;
            }
        }

        /// <summary>
        /// The visitor rates the help after <c>done</c>: 3 happy, 2 neutral, 1 unhappy. Accepted once
        /// per request while the done screen asks for it; sent on the <c>feedback</c> topic (kept in the
        /// outbox like any message, so it survives a lost connection). False otherwise.
        /// </summary>
        public bool Feedback(int score)
        {
            if (score < 1 || score > 3)
            {
                throw new ArgumentOutOfRangeException("score");
            }

            lock (_lock)
            {
                if (_stopped || _state != HelpPointState.Done || _feedback != FeedbackPrompt.Open || _requestId == null)
                {
                    return false;
                }

                if (!_outbox.Add(new OutboxItem(OutboxItemKind.Feedback, _requestId, _category, null, _clock.NowMs, score)))
                {
                    return false;
                }

                _feedback = FeedbackPrompt.Given;
                _pendingSignal = SignalKind.Tick;
                UpdateSnapshot();
                return true;
            }
        }

        /// <summary>
        /// A visitor pressed a category button. Starts a new request and returns true, unless a request
        /// is still alive (then the display keeps showing it: one request per help point at a time),
        /// the branch does not offer the category, or the device was shut down. The request goes out
        /// on the next <see cref="Tick"/>, or when the connection returns.
        /// </summary>
        /// <param name="category">The button's category.</param>
        /// <param name="lang">The visitor's ISO 639-1 language, or null/empty for none.</param>
        public bool Press(Category category, string lang)
        {
            if (lang != null && lang.Length == 0)
            {
                lang = null;
            }

            if (lang != null && !Languages.IsValidCode(lang))
            {
                throw new ArgumentException("lang must be a two-letter ISO 639-1 code");
            }

            if (Categories.ToProtocol(category) == null)
            {
                throw new ArgumentException("unknown category");
            }

            lock (_lock)
            {
                if (_stopped || HelpPointStates.IsActive(_state) || !IsOffered(category))
                {
                    return false;
                }

                long now = _clock.NowMs;
                ClearRequest();
                _mayRestore = false;
                _lang = lang;

                string id;
                try
                {
                    // Persisted before use, so a reboot can never hand the same id out again.
                    id = _sequence.Next();
                }
                catch (Exception)
                {
                    EnterEndState(HelpPointState.Rejected, now);
                    _reason = "storage error";
                    UpdateSnapshot();
                    return false;
                }

                _requestId = id;
                _category = category;
                _pressedAtMs = now;
                bool stored;
                try
                {
                    stored = _outbox.Add(new OutboxItem(OutboxItemKind.Request, id, category, lang, now));
                }
                catch (Exception)
                {
                    stored = false;
                }

                if (stored)
                {
                    _state = HelpPointState.Sending;
                    _pendingSignal = SignalKind.Received;
                }
                else
                {
                    EnterEndState(HelpPointState.Rejected, now);
                    _reason = "not stored (queue full or flash error)";
                }

                UpdateSnapshot();
                return _state == HelpPointState.Sending;
            }
        }

        /// <summary>
        /// The visitor withdraws the current request. The display shows "cancelled" at once; the gateway
        /// is told only if the request may have reached it. False when no request is alive.
        /// </summary>
        public bool Cancel()
        {
            lock (_lock)
            {
                if (_stopped || !HelpPointStates.IsActive(_state))
                {
                    return false;
                }

                // Any copy still waiting to go out is moot now.
                _outbox.Remove(_requestId, OutboxItemKind.Request);
                if (_requestMaybeSent)
                {
                    _outbox.Add(new OutboxItem(OutboxItemKind.Cancel, _requestId, _category, null, _pressedAtMs));
                }

                // From here on the visitor's choice stands: later tickets for this id are not shown.
                _cancelledLocally = true;
                _position = TicketMessage.None;
                _waitS = TicketMessage.None;
                _host = null;
                EnterEndState(HelpPointState.Cancelled, _clock.NowMs);
                UpdateSnapshot();
                return true;
            }
        }

        /// <summary>
        /// Runs the device: end-state timeout, (re)connect with backoff, subscriptions, sending what
        /// waits, heartbeat, display. Call it from the app loop about every 100 ms.
        /// </summary>
        public void Tick()
        {
            bool connectDue;
            bool sessionUp;
            lock (_lock)
            {
                if (_stopped)
                {
                    return;
                }

                long now = _clock.NowMs;
                if (_pendingSignal != SignalKind.None)
                {
                    _signals.Play(_pendingSignal, now);
                    _pendingSignal = SignalKind.None;
                }
                else
                {
                    _signals.Update(now);
                }

                if (_sessionUp && !_connection.IsConnected)
                {
                    // The library may drop a connection without raising the event.
                    LoseSession(now);
                }

                ExpireEndState(now);
                ScheduleResend(now);
                _outbox.Checkpoint(now);
                sessionUp = _sessionUp;
                connectDue = !_sessionUp && now >= _nextConnectAtMs;
            }

            if (connectDue)
            {
                sessionUp = OpenSession();
            }

            if (sessionUp)
            {
                SendWaiting();
                SendHeartbeatIfDue();
            }

            Render();
        }

        /// <summary>
        /// Stops the device for good: publishes the retained <c>{"online":false}</c> (a clean disconnect
        /// does not fire the last will) and disconnects. Call from the app loop.
        /// </summary>
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
                UpdateSnapshot();
            }

            if (wasUp && _connection.IsConnected)
            {
                _connection.Publish(_statusTopic, _offlinePayload, true);
            }

            _connection.Disconnect();
        }

        private bool OpenSession()
        {
            bool ok = _connection.Connect(
                _settings.DeviceId, _settings.DeviceId, _settings.Secret, _statusTopic, _offlinePayload, true);

            // Subscribing after every connect: the session is clean, so the broker forgot the old ones.
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

                return false;
            }

            lock (_lock)
            {
                _sessionUp = true;
                _nextSendAtMs = now;
                _backoff.Reset();
                if (_state == HelpPointState.Sending && _requestSent)
                {
                    // Sent before, no ticket yet: the gateway may have missed it while we were away.
                    // Sending it again is safe (it deduplicates on the id) and beats waiting for the resend timer.
                    QueueResend(now);
                }

                UpdateSnapshot();
            }

            PublishStatus(now);
            return true;
        }

        private void SendWaiting()
        {
            for (int i = 0; i < MaxSendsPerTick; i++)
            {
                OutboxItem item;
                string topic;
                byte[] payload;
                lock (_lock)
                {
                    long now = _clock.NowMs;
                    if (!_sessionUp || now < _nextSendAtMs)
                    {
                        return;
                    }

                    item = _outbox.Peek();
                    if (item == null)
                    {
                        return;
                    }

                    if (item.Kind == OutboxItemKind.Request)
                    {
                        long ageMs = now - item.PressedAtMs;
                        if (ageMs > MaxAgeMs)
                        {
                            // The gateway would refuse it, and the visitor left long ago.
                            _outbox.RemoveFirst();
                            if (item.RequestId == _requestId && HelpPointStates.IsActive(_state))
                            {
                                EnterEndState(HelpPointState.Expired, now);
                            }

                            UpdateSnapshot();
                            continue;
                        }

                        topic = _requestTopic;
                        payload = ProtocolCodec.EncodeRequest(item.RequestId, item.Category, item.Language, ageMs < 0 ? 0 : ageMs);
                        if (item.RequestId == _requestId)
                        {
                            // From now on it may reach the gateway, so a cancel must be sent too.
                            _requestMaybeSent = true;
                        }
                    }
                    else if (item.Kind == OutboxItemKind.Feedback)
                    {
                        topic = _feedbackTopic;
                        payload = ProtocolCodec.EncodeFeedback(item.RequestId, item.Score);
                    }
                    else
                    {
                        topic = _cancelTopic;
                        payload = ProtocolCodec.EncodeCancel(item.RequestId);
                    }
                }

                bool ok = _connection.Publish(topic, payload, false);

                lock (_lock)
                {
                    long now = _clock.NowMs;
                    if (!ok)
                    {
                        // Keep it first in line; wait a moment so a refusing broker is not hammered.
                        _nextSendAtMs = now + SendRetryMs;
                        return;
                    }

                    OutboxItem first = _outbox.Peek();
                    if (first != null && first.Kind == item.Kind && first.RequestId == item.RequestId)
                    {
                        _outbox.RemoveFirst();
                    }

                    if (item.Kind == OutboxItemKind.Request && item.RequestId == _requestId
                        && _state == HelpPointState.Sending)
                    {
                        _requestSent = true;
                        _sentAtMs = now;
                    }

                    UpdateSnapshot();
                }
            }
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
            int queued;
            lock (_lock)
            {
                _lastStatusAtMs = now;
                queued = _outbox.Count;
            }

            byte[] payload = ProtocolCodec.EncodeStatus(
                _settings.FirmwareVersion, now / 1000, _metrics.Rssi, _metrics.FreeHeapBytes, queued);

            // A lost heartbeat is not retried: the next one is due in a minute anyway.
            _connection.Publish(_statusTopic, payload, true);
        }

        private void Render()
        {
            Screen screen;
            lock (_lock)
            {
                screen = _snapshot.Screen;
            }

            if (screen != _shown)
            {
                _shown = screen;
                _display.Show(screen);
            }
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
            if (topic == _ticketTopic)
            {
                HandleTicket(ProtocolCodec.DecodeTicket(payload), retained);
            }
            else if (topic == _configTopic)
            {
                HandleConfig(ProtocolCodec.DecodeConfig(payload));
            }
        }

        private void HandleTicket(TicketMessage message, bool retained)
        {
            if (message == null)
            {
                return;
            }

            lock (_lock)
            {
                long now = _clock.NowMs;
                bool mayRestore = _mayRestore;
                _mayRestore = false;

                if (message.Id == null)
                {
                    // The gateway could not read the id: that can only be about what we just sent.
                    // A retained one is an old answer replayed by the broker, not news.
                    if (message.State == TicketState.Rejected && !retained && !_cancelledLocally
                        && _state == HelpPointState.Sending && _requestMaybeSent)
                    {
                        Apply(message, now);
                    }

                    return;
                }

                if (_requestId != null && message.Id == _requestId)
                {
                    if (!_cancelledLocally)
                    {
                        Apply(message, now);
                    }

                    return;
                }

                // Just booted and the broker replays the ticket of the last request this device made:
                // if that request is still alive, the visitor may be waiting for it, so show it again.
                if (mayRestore && retained && _requestId == null && message.Id == _sequence.LastId
                    && !TicketStates.IsTerminal(message.State))
                {
                    _requestId = message.Id;
                    _category = Category.Other;
                    _pressedAtMs = now;
                    _requestMaybeSent = true;
                    Apply(message, now);
                }
            }
        }

        private void HandleConfig(ConfigMessage message)
        {
            if (message == null)
            {
                return;
            }

            lock (_lock)
            {
                if (message.Languages != null)
                {
                    _languages = message.Languages;
                }

                if (message.Categories != null)
                {
                    _categories = message.Categories;
                }

                UpdateSnapshot();
            }
        }

        // Callers hold _lock.
        private void Apply(TicketMessage message, long now)
        {
            HelpPointState next = HelpPointStates.FromTicket(message.State);
            if (HelpPointStates.IsTerminal(next) && next != _state)
            {
                _endStateAtMs = now;
            }

            if (next != _state)
            {
                switch (next)
                {
                    case HelpPointState.Queued:
                        _pendingSignal = SignalKind.Accepted;
                        break;
                    case HelpPointState.Assigned:
                        _pendingSignal = SignalKind.OnTheWay;
                        break;
                    case HelpPointState.Done:
                        _feedback = FeedbackPrompt.Open;
                        break;
                    case HelpPointState.Unstaffed:
                    case HelpPointState.Expired:
                    case HelpPointState.Rejected:
                        _pendingSignal = SignalKind.Problem;
                        break;
                }
            }

            _state = next;
            _ticket = message.Ticket;
            _position = message.Position;
            _waitS = message.WaitS;
            _host = message.Host;
            _reason = message.Reason;
            _requestSent = true;
            _requestMaybeSent = true;

            // The gateway has the request; copies still waiting to go out are moot.
            _outbox.Remove(_requestId, OutboxItemKind.Request);
            UpdateSnapshot();
        }

        // Callers hold _lock.
        private void LoseSession(long now)
        {
            _sessionUp = false;
            _nextConnectAtMs = now + _backoff.NextDelayMs();
            UpdateSnapshot();
        }

        // Callers hold _lock.
        private void ExpireEndState(long now)
        {
            if (HelpPointStates.IsTerminal(_state) && now - _endStateAtMs >= _settings.TerminalScreenMs)
            {
                // The visitor has gone: the next one starts without their language.
                ClearRequest();
                _selectedLanguage = null;
                UpdateSnapshot();
            }
            else if (_selectedLanguage != null && !HelpPointStates.IsActive(_state)
                && now - _languageChosenAtMs >= _settings.LanguageResetMs)
            {
                _selectedLanguage = null;
                UpdateSnapshot();
            }
        }

        // Callers hold _lock.
        private void ScheduleResend(long now)
        {
            if (_state == HelpPointState.Sending && _requestSent && now - _sentAtMs >= _settings.ResendAfterMs)
            {
                QueueResend(now);
                UpdateSnapshot();
            }
        }

        // Callers hold _lock.
        private void QueueResend(long now)
        {
            _outbox.Remove(_requestId, OutboxItemKind.Request);
            _outbox.Add(new OutboxItem(OutboxItemKind.Request, _requestId, _category, _lang, _pressedAtMs));
            _requestSent = false;
            _sentAtMs = now;
        }

        // Callers hold _lock.
        private void EnterEndState(HelpPointState state, long now)
        {
            _state = state;
            _endStateAtMs = now;
            if (state == HelpPointState.Rejected || state == HelpPointState.Expired)
            {
                _pendingSignal = SignalKind.Problem;
            }
        }

        // Callers hold _lock.
        private void ClearRequest()
        {
            _requestId = null;
            _lang = null;
            _state = HelpPointState.Idle;
            _requestMaybeSent = false;
            _requestSent = false;
            _cancelledLocally = false;
            _ticket = null;
            _position = TicketMessage.None;
            _waitS = TicketMessage.None;
            _host = null;
            _reason = null;
            _feedback = FeedbackPrompt.None;
        }

        // Callers hold _lock.
        private bool IsOffered(Category category)
        {
            for (int i = 0; i < _categories.Length; i++)
            {
                if (_categories[i] == category)
                {
                    return true;
                }
            }

            return false;
        }

        // Callers hold _lock. Allocates only when something changed, which is rare per tick.
        private void UpdateSnapshot()
        {
            // A request that waits for its ticket while the network is down is "saved", not "sending".
            HelpPointState shown = _state == HelpPointState.Sending && !_sessionUp ? HelpPointState.Offline : _state;
            string selected = shown == HelpPointState.Idle ? _selectedLanguage : null;
            // The visitor's language (any code: a bitmap display may speak it; the text lines fall back to sv/en).
            string language = _requestId != null ? _lang : _selectedLanguage;
            if (_screen == null || shown != _screenState || language != _screenLanguage
                || _defaultLanguage != _screenDefault || _ticket != _screenTicket
                || _position != _screenPosition || _waitS != _screenWaitS || _host != _screenHost
                || _sessionUp != _screenOnline || selected != _screenSelected || _feedback != _screenFeedback)
            {
                _screenState = shown;
                _screenLanguage = language;
                _screenDefault = _defaultLanguage;
                _screenTicket = _ticket;
                _screenPosition = _position;
                _screenWaitS = _waitS;
                _screenHost = _host;
                _screenOnline = _sessionUp;
                _screenSelected = selected;
                _screenFeedback = _feedback;
                _screen = Screens.Build(shown, language, _defaultLanguage, _ticket, _position, _waitS, _host, _sessionUp, selected, _feedback);
            }

            _snapshot = new HelpPointSnapshot(
                shown, _sessionUp, _requestId, _ticket, _position, _waitS, _host, _reason,
                _outbox.Count, _languages, _categories, _screen, _selectedLanguage, _feedback);
        }
    }
}
