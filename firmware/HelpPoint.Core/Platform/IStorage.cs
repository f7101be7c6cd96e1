namespace HelpPoint.Core
{
    /// <summary>
    /// A few small named files that survive a reboot (internal flash <c>I:\</c> on the device).
    /// Names are plain file names without folders.
    /// </summary>
    public interface IStorage
    {
        /// <summary>True when a file of that name exists.</summary>
        bool Exists(string name);

        /// <summary>The whole file, or null when it does not exist.</summary>
        byte[] ReadAll(string name);

        /// <summary>
        /// Creates or replaces the file with the first <paramref name="count"/> bytes of
        /// <paramref name="data"/>. A power cut may leave any prefix of them behind, which is why
        /// callers write a new file and then <see cref="Rename"/> it over the old one.
        /// </summary>
        void Write(string name, byte[] data, int count);

        /// <summary>
        /// Renames <paramref name="from"/> to <paramref name="to"/>, replacing <paramref name="to"/>
        /// if it exists. Callers rely on this to commit a fully written file in one step. On a FAT
        /// file system it is "delete the old, then move" and a power cut may fall in between: callers
        /// must then find the complete <paramref name="from"/> file on the next boot.
        /// </summary>
        void Rename(string from, string to);

        /// <summary>Deletes the file; does nothing when it does not exist.</summary>
        void Delete(string name);
    }
}
