namespace HelpPoint.Core
{
    /// <summary>
    /// A message waiting to be sent. It keeps the facts, not the encoded bytes, because a request's
    /// <c>ageMs</c> is only known at the moment it is sent.
    /// </summary>
    public sealed class OutboxItem
    {
        /// <summary>Creates a request or cancel item; <paramref name="lang"/> may be null.</summary>
        public OutboxItem(OutboxItemKind kind, string requestId, Category category, string lang, long pressedAtMs)
            : this(kind, requestId, category, lang, pressedAtMs, 0)
        {
        }

        /// <summary>Creates an item of any kind; <paramref name="score"/> is for feedback (1 unhappy … 3 happy).</summary>
        public OutboxItem(OutboxItemKind kind, string requestId, Category category, string lang, long pressedAtMs, int score)
        {
            Kind = kind;
            RequestId = requestId;
            Category = category;
            Language = lang;
            PressedAtMs = pressedAtMs;
            Score = score;
        }

        /// <summary>Request, cancel or feedback.</summary>
        public OutboxItemKind Kind { get; private set; }

        /// <summary>The request this item belongs to.</summary>
        public string RequestId { get; private set; }

        /// <summary>The category (requests only).</summary>
        public Category Category { get; private set; }

        /// <summary>The visitor's language, or null (requests only).</summary>
        public string Language { get; private set; }

        /// <summary>
        /// When the button was pressed, on the device's <see cref="IClock"/>. After a reboot the clock
        /// starts again near 0, so a stored item comes back "pressed" its last known age ago: the
        /// time the device was off is not counted (it has no clock that runs while off).
        /// </summary>
        public long PressedAtMs { get; private set; }

        /// <summary>The feedback score, 1 unhappy, 2 neutral, 3 happy (feedback only, else 0).</summary>
        public int Score { get; private set; }
    }
}
