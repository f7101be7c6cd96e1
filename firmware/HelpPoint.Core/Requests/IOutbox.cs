namespace HelpPoint.Core
{
    /// <summary>
    /// Messages waiting for the broker, oldest first. The seam for the durable offline queue: today
    /// <see cref="MemoryOutbox"/> keeps them in RAM; a flash-backed one can replace it unchanged.
    /// </summary>
    public interface IOutbox
    {
        /// <summary>How many items wait (reported as <c>queued</c> in the status heartbeat).</summary>
        int Count { get; }

        /// <summary>Appends an item; false when the outbox is full.</summary>
        bool Add(OutboxItem item);

        /// <summary>The oldest item, or null when empty.</summary>
        OutboxItem Peek();

        /// <summary>Removes the oldest item (after the broker acknowledged it).</summary>
        void RemoveFirst();

        /// <summary>Removes every item of that kind for that request; returns how many.</summary>
        int Remove(string requestId, OutboxItemKind kind);
    }
}
