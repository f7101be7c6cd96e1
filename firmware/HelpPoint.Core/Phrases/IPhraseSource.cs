namespace HelpPoint.Core
{
    /// <summary>Random access to the bytes of a phrase resource: a file in flash on the device, an array in tests.</summary>
    public interface IPhraseSource
    {
        /// <summary>Total number of bytes.</summary>
        int Length { get; }

        /// <summary>Copies <paramref name="count"/> bytes from <paramref name="offset"/> into <paramref name="buffer"/>; returns how many it read.</summary>
        int Read(int offset, byte[] buffer, int count);
    }
}
