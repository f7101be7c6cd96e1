using System;

namespace HelpPoint.Core
{
    /// <summary>A phrase resource held in memory (tests, the simulator, the renderer's own pictures).</summary>
    public sealed class ByteArrayPhraseSource : IPhraseSource
    {
        private readonly byte[] _data;

        /// <summary>Serves <paramref name="data"/> (not copied).</summary>
        public ByteArrayPhraseSource(byte[] data)
        {
            if (data == null)
            {
                throw new ArgumentNullException("data");
            }

            _data = data;
        }

        /// <inheritdoc/>
        public int Length
        {
            get { return _data.Length; }
        }

        /// <inheritdoc/>
        public int Read(int offset, byte[] buffer, int count)
        {
            if (offset < 0 || offset >= _data.Length || count <= 0)
            {
                return 0;
            }

            int n = _data.Length - offset < count ? _data.Length - offset : count;
            Array.Copy(_data, offset, buffer, 0, n);
            return n;
        }
    }
}
