using System.IO;
using HelpPoint.Core;

namespace HelpPoint.Device
{
    /// <summary>
    /// Core's <see cref="IPhraseSource"/> on the phrase resource file in internal flash
    /// (<c>I:\phrases.phr</c>): the file stays open and each read seeks to its bytes, so the resource
    /// never has to fit in RAM.
    /// </summary>
    public sealed class FlashPhraseSource : IPhraseSource
    {
        private readonly FileStream _file;

        private FlashPhraseSource(FileStream file)
        {
            _file = file;
            Length = (int)file.Length;
        }

        /// <inheritdoc/>
        public int Length { get; private set; }

        /// <summary>Opens the file; null when it does not exist (the device then shows its built-in text screens).</summary>
        public static FlashPhraseSource Open(string path)
        {
            if (!File.Exists(path))
            {
                return null;
            }

            return new FlashPhraseSource(new FileStream(path, FileMode.Open, FileAccess.Read));
        }

        /// <inheritdoc/>
        public int Read(int offset, byte[] buffer, int count)
        {
            _file.Seek(offset, SeekOrigin.Begin);
            int total = 0;
            while (total < count)
            {
                int n = _file.Read(buffer, total, count - total);
                if (n <= 0)
                {
                    break;
                }

                total += n;
            }

            return total;
        }
    }
}
