using System.Collections;

namespace HelpPoint.Core
{
    /// <summary>A bounded in-RAM <see cref="IOutbox"/>; its contents are lost on reboot.</summary>
    public sealed class MemoryOutbox : IOutbox
    {
        private readonly ArrayList _items = new ArrayList();
        private readonly int _capacity;

        /// <summary>Creates an outbox that holds at most <paramref name="capacity"/> items.</summary>
        public MemoryOutbox(int capacity)
        {
            _capacity = capacity < 1 ? 1 : capacity;
        }

        /// <inheritdoc/>
        public int Count
        {
            get { return _items.Count; }
        }

        /// <inheritdoc/>
        public bool Add(OutboxItem item)
        {
            if (item == null || _items.Count >= _capacity)
            {
                return false;
            }

            _items.Add(item);
            return true;
        }

        /// <inheritdoc/>
        public OutboxItem Peek()
        {
            return _items.Count == 0 ? null : (OutboxItem)_items[0];
        }

        /// <inheritdoc/>
        public void RemoveFirst()
        {
            if (_items.Count > 0)
            {
                _items.RemoveAt(0);
            }
        }

        /// <inheritdoc/>
        public void Checkpoint(long nowMs)
        {
        }

        /// <inheritdoc/>
        public int Remove(string requestId, OutboxItemKind kind)
        {
            int removed = 0;
            for (int i = _items.Count - 1; i >= 0; i--)
            {
                var item = (OutboxItem)_items[i];
                if (item.Kind == kind && item.RequestId == requestId)
                {
                    _items.RemoveAt(i);
                    removed++;
                }
            }

            return removed;
        }
    }
}
