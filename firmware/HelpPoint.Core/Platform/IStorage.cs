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

        /// <summary>Creates or replaces the file with exactly these bytes.</summary>
        void Write(string name, byte[] data);

        /// <summary>
        /// Renames <paramref name="from"/> to <paramref name="to"/>, replacing <paramref name="to"/>
        /// if it exists. Callers rely on this to commit a fully written file in one step, so an
        /// adapter must make it as atomic as its file system allows.
        /// </summary>
        void Rename(string from, string to);

        /// <summary>Deletes the file; does nothing when it does not exist.</summary>
        void Delete(string name);
    }
}
