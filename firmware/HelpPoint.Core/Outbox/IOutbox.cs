namespace HelpPoint.Core
{
    /// <summary>
    /// Messages waiting for the broker, oldest first: <see cref="FileOutbox"/> keeps them on flash
    /// (the device and the simulator), <see cref="MemoryOutbox"/> in RAM (tests that need no flash).
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

        /// <summary>
        /// Called on every tick: a durable outbox may record the items' current ages now and then, so
        /// that after a power cut <c>ageMs</c> continues from a recent value. Must not allocate.
        /// </summary>
        void Checkpoint(long nowMs);
    }
}
