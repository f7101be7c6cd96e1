using System;
using System.Collections;

namespace HelpPoint.Core
{
    /// <summary>
    /// The durable offline queue: an <see cref="IOutbox"/> kept in one small file on flash, so that
    /// presses made while Wi-Fi or the broker is down survive a reboot or a power cut.
    /// </summary>
    /// <remarks>
    /// Every change writes the whole queue to <see cref="TempFileName"/> and renames it over
    /// <see cref="FileName"/>. The file carries a generation number and ends with a CRC-32, so a torn
    /// write (a power cut at any byte) is recognised and ignored; at boot the newest complete file
    /// wins. An item the caller was told is stored (<see cref="Add"/> returned true) is therefore in a
    /// complete file before <see cref="Add"/> returns, and stays until <see cref="RemoveFirst"/> or
    /// <see cref="Remove"/> committed a file without it. Bounded: <see cref="Add"/> refuses when full.
    /// Ages are stored, not boot-relative times, so <c>ageMs</c> keeps growing after a reboot (minus
    /// the time the device was off, which it cannot measure).
    /// Format (ASCII lines): <c>HPQ1 {generation} {count}</c>, one line per item
    /// <c>{R|C|F} {id} {category|-} {lang|-} {ageMs|score}</c>, then <c>END {crc32 hex}</c>.
    /// Not thread-safe: the device calls it under its own lock.
    /// </remarks>
    public sealed class FileOutbox : IOutbox
    {
        /// <summary>The committed queue file.</summary>
        public const string FileName = "outbox.dat";

        /// <summary>The file a new version is written to before it replaces <see cref="FileName"/>.</summary>
        public const string TempFileName = "outbox.tmp";

        /// <summary>Default number of items kept.</summary>
        public const int DefaultCapacity = 16;

        /// <summary>While items wait, their ages are written down at most this often.</summary>
        public const int CheckpointIntervalMs = 60000;

        // "R " + id (device 32 + "-" + up to 19 digits) + " " + category + " xx " + 10 digits + "\n", rounded up.
        private const int MaxLineBytes = 96;
        private const int HeaderBytes = 48;

        private readonly IStorage _storage;
        private readonly IClock _clock;
        private readonly int _capacity;
        private readonly ArrayList _items = new ArrayList();
        private readonly byte[] _buffer;
        private int _length;
        private long _generation;
        private long _savedAtMs;

        /// <summary>Loads the queue from <paramref name="storage"/> (empty when there is none or it is unreadable).</summary>
        public FileOutbox(IStorage storage, IClock clock, int capacity)
        {
            if (storage == null || clock == null)
            {
                throw new ArgumentNullException();
            }

            _storage = storage;
            _clock = clock;
            _capacity = capacity < 1 ? 1 : capacity;
            _buffer = new byte[HeaderBytes + (_capacity * MaxLineBytes) + 16];
            Load();
        }

        /// <inheritdoc/>
        public int Count
        {
            get { return _items.Count; }
        }

        /// <summary>How many items fit.</summary>
        public int Capacity
        {
            get { return _capacity; }
        }

        /// <summary>The generation of the file last written or loaded (grows with every change).</summary>
        public long Generation
        {
            get { return _generation; }
        }

        /// <summary>
        /// Appends an item and commits the queue to flash. False when the queue is full, the item
        /// cannot be stored, or writing failed (then nothing changed).
        /// </summary>
        public bool Add(OutboxItem item)
        {
            if (item == null || _items.Count >= _capacity || !Storable(item))
            {
                return false;
            }

            _items.Add(item);
            if (!Save())
            {
                _items.RemoveAt(_items.Count - 1);
                return false;
            }

            return true;
        }

        /// <inheritdoc/>
        public OutboxItem Peek()
        {
            return _items.Count == 0 ? null : (OutboxItem)_items[0];
        }

        /// <summary>The item at <paramref name="index"/> (0 = oldest), for inspection.</summary>
        public OutboxItem ItemAt(int index)
        {
            return (OutboxItem)_items[index];
        }

        /// <inheritdoc/>
        public void RemoveFirst()
        {
            if (_items.Count == 0)
            {
                return;
            }

            _items.RemoveAt(0);

            // If the write fails the item is gone from RAM but not from flash: after a reboot it is sent
            // once more, which the gateway deduplicates. Better than sending it twice now.
            Save();
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

            if (removed > 0)
            {
                Save();
            }

            return removed;
        }

        private static bool Storable(OutboxItem item)
        {
            // Ids come from RequestSequence and are [a-z0-9-]; anything else would break the line format.
            string id = item.RequestId;
            if (id == null || id.Length == 0 || id.Length > 52)
            {
                return false;
            }

            for (int i = 0; i < id.Length; i++)
            {
                char c = id[i];
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
                {
                    return false;
                }
            }

            return item.Language == null || Languages.IsValidCode(item.Language);
        }

        /// <inheritdoc/>
        public void Checkpoint(long nowMs)
        {
            if (_items.Count > 0 && nowMs - _savedAtMs >= CheckpointIntervalMs)
            {
                Save();
            }
        }

        private bool Save()
        {
            long now = _clock.NowMs;
            _savedAtMs = now;
            _length = 0;
            AppendText("HPQ1 ");
            AppendNumber(_generation + 1);
            AppendByte((byte)' ');
            AppendNumber(_items.Count);
            AppendByte((byte)'\n');
            for (int i = 0; i < _items.Count; i++)
            {
                var item = (OutboxItem)_items[i];
                switch (item.Kind)
                {
                    case OutboxItemKind.Request:
                        AppendText("R ");
                        break;
                    case OutboxItemKind.Cancel:
                        AppendText("C ");
                        break;
                    default:
                        AppendText("F ");
                        break;
                }

                AppendText(item.RequestId);
                AppendByte((byte)' ');
                AppendText(item.Kind == OutboxItemKind.Request ? Categories.ToProtocol(item.Category) : "-");
                AppendByte((byte)' ');
                AppendText(item.Kind == OutboxItemKind.Request && item.Language != null ? item.Language : "-");
                AppendByte((byte)' ');
                long value;
                if (item.Kind == OutboxItemKind.Feedback)
                {
                    value = item.Score;
                }
                else
                {
                    value = now - item.PressedAtMs;
                    if (value < 0)
                    {
                        value = 0;
                    }
                }

                AppendNumber(value);
                AppendByte((byte)'\n');
            }

            uint crc = Crc32.Compute(_buffer, _length);
            AppendText("END ");
            AppendHex(crc);
            AppendByte((byte)'\n');

            try
            {
                _storage.Write(TempFileName, _buffer, _length);
                _storage.Rename(TempFileName, FileName);
            }
            catch (Exception)
            {
                // Flash full or failing. The previous committed file is still intact.
                return false;
            }

            _generation++;
            return true;
        }

        private void Load()
        {
            long now = _clock.NowMs;
            _savedAtMs = now;
            ArrayList committed = new ArrayList();
            ArrayList pending = new ArrayList();
            long committedGeneration = Parse(_storage.ReadAll(FileName), now, committed);
            long pendingGeneration = Parse(_storage.ReadAll(TempFileName), now, pending);

            // A complete temp file is either newer (the rename did not happen, or the old file was
            // already deleted) or a leftover; the newest complete version is the truth.
            ArrayList chosen = committedGeneration >= pendingGeneration ? committed : pending;
            _generation = committedGeneration >= pendingGeneration ? committedGeneration : pendingGeneration;
            if (_generation < 0)
            {
                _generation = 0;
            }

            for (int i = 0; i < chosen.Count && i < _capacity; i++)
            {
                _items.Add(chosen[i]);
            }
        }

        // Returns the generation, or -1 when the data is not a complete, intact queue file.
        private static long Parse(byte[] data, long now, ArrayList items)
        {
            if (data == null || data.Length < 12)
            {
                return -1;
            }

            // The trailer: "END xxxxxxxx\n" at the very end, covering everything before it.
            int trailer = data.Length - 13;
            if (trailer < 0 || data[data.Length - 1] != (byte)'\n' || data[trailer] != (byte)'E'
                || data[trailer + 1] != (byte)'N' || data[trailer + 2] != (byte)'D' || data[trailer + 3] != (byte)' ')
            {
                return -1;
            }

            long crc = ReadHex(data, trailer + 4, 8);
            if (crc < 0 || (uint)crc != Crc32.Compute(data, trailer))
            {
                return -1;
            }

            var reader = new LineReader(data, trailer);
            if (reader.Word() != "HPQ1")
            {
                return -1;
            }

            long generation = reader.Number();
            long count = reader.Number();
            if (generation < 0 || count < 0 || !reader.EndOfLine())
            {
                return -1;
            }

            for (long i = 0; i < count; i++)
            {
                string kind = reader.Word();
                string id = reader.Word();
                string category = reader.Word();
                string lang = reader.Word();
                long value = reader.Number();
                if (kind == null || id == null || category == null || lang == null || value < 0 || !reader.EndOfLine())
                {
                    return -1;
                }

                if (lang == "-")
                {
                    lang = null;
                }

                OutboxItem item;
                if (kind == "R")
                {
                    Category parsed;
                    if (!Categories.TryParse(category, out parsed))
                    {
                        return -1;
                    }

                    item = new OutboxItem(OutboxItemKind.Request, id, parsed, lang, now - value);
                }
                else if (kind == "C")
                {
                    item = new OutboxItem(OutboxItemKind.Cancel, id, Category.Other, null, now - value);
                }
                else if (kind == "F")
                {
                    item = new OutboxItem(OutboxItemKind.Feedback, id, Category.Other, null, now, (int)value);
                }
                else
                {
                    return -1;
                }

                items.Add(item);
            }

            return reader.AtEnd() ? generation : -1;
        }

        private static long ReadHex(byte[] data, int start, int digits)
        {
            long value = 0;
            for (int i = 0; i < digits; i++)
            {
                int c = data[start + i];
                int d;
                if (c >= '0' && c <= '9')
                {
                    d = c - '0';
                }
                else if (c >= 'a' && c <= 'f')
                {
                    d = c - 'a' + 10;
                }
                else
                {
                    return -1;
                }

                value = (value * 16) + d;
            }

            return value;
        }

        private void AppendByte(byte b)
        {
            _buffer[_length++] = b;
        }

        private void AppendText(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                _buffer[_length++] = (byte)text[i];
            }
        }

        private void AppendNumber(long value)
        {
            if (value < 0)
            {
                value = 0;
            }

            long divisor = 1;
            while (value / divisor >= 10)
            {
                divisor *= 10;
            }

            while (divisor > 0)
            {
                _buffer[_length++] = (byte)('0' + (int)(value / divisor % 10));
                divisor /= 10;
            }
        }

        private void AppendHex(uint value)
        {
            for (int shift = 28; shift >= 0; shift -= 4)
            {
                int d = (int)((value >> shift) & 0xF);
                _buffer[_length++] = (byte)(d < 10 ? '0' + d : 'a' + d - 10);
            }
        }

        /// <summary>Reads space-separated ASCII words and numbers, line by line.</summary>
        private sealed class LineReader
        {
            private readonly byte[] _data;
            private readonly int _end;
            private int _pos;

            internal LineReader(byte[] data, int end)
            {
                _data = data;
                _end = end;
            }

            internal string Word()
            {
                int start = _pos;
                while (_pos < _end && _data[_pos] != (byte)' ' && _data[_pos] != (byte)'\n')
                {
                    byte b = _data[_pos];
                    if (b < 0x21 || b > 0x7E)
                    {
                        return null;
                    }

                    _pos++;
                }

                if (_pos == start)
                {
                    return null;
                }

                var chars = new char[_pos - start];
                for (int i = 0; i < chars.Length; i++)
                {
                    chars[i] = (char)_data[start + i];
                }

                if (_pos < _end && _data[_pos] == (byte)' ')
                {
                    _pos++;
                }

                return new string(chars);
            }

            internal long Number()
            {
                int start = _pos;
                long value = 0;
                while (_pos < _end && _data[_pos] >= (byte)'0' && _data[_pos] <= (byte)'9')
                {
                    if (_pos - start >= 18)
                    {
                        return -1;
                    }

                    value = (value * 10) + (_data[_pos] - (byte)'0');
                    _pos++;
                }

                if (_pos == start)
                {
                    return -1;
                }

                if (_pos < _end && _data[_pos] == (byte)' ')
                {
                    _pos++;
                }

                return value;
            }

            internal bool EndOfLine()
            {
                if (_pos < _end && _data[_pos] == (byte)'\n')
                {
                    _pos++;
                    return true;
                }

                return false;
            }

            internal bool AtEnd()
            {
                return _pos == _end;
            }
        }
    }
}
