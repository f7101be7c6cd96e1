using System;
using System.Collections;
using HelpPoint.Core;

namespace HelpPoint.Firmware.Tests
{
    /// <summary>
    /// Flash that loses power at a chosen write step. Every byte of a write is a step (a cut leaves
    /// the bytes before it: a torn file), and a replacing rename is two steps, "delete the old file"
    /// and "move the new one", as on the device's FAT file system. After the cut every call throws
    /// until <see cref="Restore"/> powers it up again with whatever was on it.
    /// </summary>
    public sealed class PowerCutStorage : IStorage
    {
        private readonly Hashtable _files = new Hashtable();

        /// <summary>The step at which the power goes; -1 for never.</summary>
        public int CutAtStep { get; set; } = -1;

        /// <summary>Write steps taken so far.</summary>
        public int Steps { get; private set; }

        /// <summary>True once the power went.</summary>
        public bool IsCut { get; private set; }

        /// <summary>Powers the flash up again for the next boot: files stay as the cut left them.</summary>
        public void Restore()
        {
            IsCut = false;
            CutAtStep = -1;
        }

        /// <inheritdoc/>
        public bool Exists(string name)
        {
            ThrowIfCut();
            return _files.Contains(name);
        }

        /// <inheritdoc/>
        public byte[] ReadAll(string name)
        {
            ThrowIfCut();
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
            ThrowIfCut();
            for (int written = 0; written < count; written++)
            {
                Step(name, data, written);
            }

            var copy = new byte[count];
            Array.Copy(data, copy, count);
            _files[name] = copy;
        }

        /// <inheritdoc/>
        public void Rename(string from, string to)
        {
            ThrowIfCut();
            Step(null, null, 0);
            object data = _files[from];
            if (data == null)
            {
                throw new InvalidOperationException("no such file: " + from);
            }

            if (_files.Contains(to))
            {
                _files.Remove(to);
                Step(null, null, 0);
            }

            _files.Remove(from);
            _files[to] = data;
        }

        /// <inheritdoc/>
        public void Delete(string name)
        {
            ThrowIfCut();
            Step(null, null, 0);
            _files.Remove(name);
        }

        /// <summary>The file's bytes as stored, or null.</summary>
        public byte[] Peek(string name)
        {
            return (byte[])_files[name];
        }

        private void Step(string tornName, byte[] data, int written)
        {
            if (Steps == CutAtStep)
            {
                if (tornName != null)
                {
                    // The power went while this file was being written: only a prefix made it.
                    var torn = new byte[written];
                    Array.Copy(data, torn, written);
                    _files[tornName] = torn;
                }

                IsCut = true;
                throw new PowerCutException();
            }

            Steps++;
        }

        private void ThrowIfCut()
        {
            if (IsCut)
            {
                throw new PowerCutException();
            }
        }
    }
}
