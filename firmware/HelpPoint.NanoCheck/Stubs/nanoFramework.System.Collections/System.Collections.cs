// Stub of nanoFramework.System.Collections 1.5.75 (assembly nanoFramework.System.Collections): the published signatures the firmware uses, bodies that throw.
// Compared member for member (names, parameter and return types, base types, enum values) with
// github.com/nanoframework/nanoFramework.System.Collections at v1.5.59 (commit 8a20f0f98e246d366452517387b28ac0343d452f).
// (The newest commit when compared; the package version is computed at build time and has no tag.)
namespace System.Collections
{
    public interface IDictionary : ICollection
    {
        object this[object key] { get; set; }
        ICollection Keys { get; }
        ICollection Values { get; }
        bool Contains(object key);
        void Add(object key, object value);
        void Clear();
        bool IsReadOnly { get; }
        bool IsFixedSize { get; }
        void Remove(object key);
    }

    public class Hashtable : ICloneable, IDictionary
    {
        public Hashtable() => throw null;
        public Hashtable(int capacity) => throw null;
        public object this[object key] { get => throw null; set => throw null; }
        public ICollection Keys => throw null;
        public ICollection Values => throw null;
        public int Count => throw null;
        public bool IsSynchronized => throw null;
        public object SyncRoot => throw null;
        public bool IsReadOnly => throw null;
        public bool IsFixedSize => throw null;
        public void Add(object key, object value) => throw null;
        public void Clear() => throw null;
        public bool Contains(object key) => throw null;
        public void Remove(object key) => throw null;
        public object Clone() => throw null;
        public void CopyTo(Array array, int arrayIndex) => throw null;
        public IEnumerator GetEnumerator() => throw null;
    }

    public class Queue : ICollection, ICloneable
    {
        public Queue() => throw null;
        public virtual int Count => throw null;
        public virtual bool IsSynchronized => throw null;
        public virtual object SyncRoot => throw null;
        public virtual void Enqueue(object obj) => throw null;
        public virtual object Dequeue() => throw null;
        public virtual object Peek() => throw null;
        public virtual void Clear() => throw null;
        public virtual object Clone() => throw null;
        public virtual void CopyTo(Array array, int index) => throw null;
        public virtual IEnumerator GetEnumerator() => throw null;
    }
}
