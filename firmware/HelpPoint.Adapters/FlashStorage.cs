using System.IO;
using HelpPoint.Core;

namespace HelpPoint.Device
{
    /// <summary>Core's <see cref="IStorage"/> as files in the root of the ESP32's internal flash drive <c>I:\</c>.</summary>
    public sealed class FlashStorage : IStorage
    {
        private readonly string _root;

        /// <summary>Uses the folder <paramref name="root"/>, e.g. <c>I:\</c>.</summary>
        public FlashStorage(string root)
        {
            _root = root;
        }

        /// <inheritdoc/>
        public bool Exists(string name)
        {
            return File.Exists(_root + name);
        }

        /// <inheritdoc/>
        public byte[] ReadAll(string name)
        {
            string path = _root + name;
            return File.Exists(path) ? File.ReadAllBytes(path) : null;
        }

        /// <inheritdoc/>
        public void Write(string name, byte[] data, int count)
        {
            using (var stream = new FileStream(_root + name, FileMode.Create, FileAccess.Write))
            {
                stream.Write(data, 0, count);
                stream.Flush();
            }
        }

        /// <inheritdoc/>
        public void Rename(string from, string to)
        {
            // File.Move refuses to replace a file, so this is "delete, then move": Core's readers
            // expect exactly that and find the complete new file if the power goes in between.
            string target = _root + to;
            if (File.Exists(target))
            {
                File.Delete(target);
            }

            File.Move(_root + from, target);
        }

        /// <inheritdoc/>
        public void Delete(string name)
        {
            string path = _root + name;
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
    }
}
