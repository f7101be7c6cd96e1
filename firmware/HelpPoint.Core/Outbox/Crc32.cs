namespace HelpPoint.Core
{
    /// <summary>CRC-32 (IEEE 802.3), bit by bit: no 1 KiB table on a 100 KiB heap, and fast enough for a few hundred bytes.</summary>
    public static class Crc32
    {
        /// <summary>The CRC of the first <paramref name="count"/> bytes of <paramref name="data"/>.</summary>
        public static uint Compute(byte[] data, int count)
        {
            uint crc = 0xFFFFFFFF;
            for (int i = 0; i < count; i++)
            {
                crc ^= data[i];
                for (int bit = 0; bit < 8; bit++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
                }
            }

            return ~crc;
        }
    }
}
