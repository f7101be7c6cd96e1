using System;
using System.Collections;
using HelpPoint.Core;

namespace HelpPoint.Firmware.Tests
{
    /// <summary>Files in a table; outlives the device instances that use it, as flash outlives a reboot.</summary>
    public sealed class MemoryStorage : IStorage
    {
        private readonly Hashtable _files = new Hashtable();

        /// <summary>When set, every write throws (a worn-out or full flash).</summary>
        public bool FailWrites { get; set; }

        /// <summary>How many renames happened (commits of the atomic write).</summary>
        public int Renames { get; private set; }

        /// <inheritdoc/>
        public bool Exists(string name)
        {
            return _files.Contains(name);
        }

        /// <inheritdoc/>
        public byte[] ReadAll(string name)
        {
            var data = (byte[])_files[name];
            if (data == null)
            {
                return null;
            }

            var copy = new byte[data.Length];
            Array.Copy(data, copy, data.Length);
            return copy;
        }

        /// <inheritdoc/>
        public void Write(string name, byte[] data, int count)
        {
            if (FailWrites)
            {
                throw new InvalidOperationException("flash write failed");
            }

            var copy = new byte[count];
            Array.Copy(data, copy, count);
            _files[name] = copy;
        }

        /// <inheritdoc/>
        public void Rename(string from, string to)
        {
            object data = _files[from];
            if (data == null)
            {
                throw new InvalidOperationException("no such file: " + from);
            }

            _files.Remove(from);
            _files[to] = data;
            Renames++;
        }

        /// <inheritdoc/>
        public void Delete(string name)
        {
            _files.Remove(name);
        }

        /// <summary>The file as text, or null.</summary>
        public string ReadText(string name)
        {
            byte[] data = ReadAll(name);
            return data == null ? null : System.Text.Encoding.UTF8.GetString(data, 0, data.Length);
        }

        /// <summary>Puts a file in place directly (to simulate what a power cut leaves behind).</summary>
        public void WriteText(string name, string text)
        {
            _files[name] = System.Text.Encoding.UTF8.GetBytes(text);
        }
    }
}
