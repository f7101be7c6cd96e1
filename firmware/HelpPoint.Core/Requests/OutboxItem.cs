namespace HelpPoint.Core
{
    /// <summary>
    /// A message waiting to be sent. It keeps the facts, not the encoded bytes, because a request's
    /// <c>ageMs</c> is only known at the moment it is sent.
    /// </summary>
    public sealed class OutboxItem
    {
        /// <summary>Creates an item; <paramref name="lang"/> may be null.</summary>
        public OutboxItem(OutboxItemKind kind, string requestId, Category category, string lang, long pressedAtMs)
        {
            Kind = kind;
            RequestId = requestId;
            Category = category;
            Language = lang;
            PressedAtMs = pressedAtMs;
        }

        /// <summary>Request or cancel.</summary>
        public OutboxItemKind Kind { get; private set; }

        /// <summary>The request this item belongs to.</summary>
        public string RequestId { get; private set; }

        /// <summary>The category (requests only).</summary>
        public Category Category { get; private set; }

        /// <summary>The visitor's language, or null (requests only).</summary>
        public string Language { get; private set; }

        /// <summary>When the button was pressed, on the device's <see cref="IClock"/>.</summary>
        public long PressedAtMs { get; private set; }
    }
}
