using HelpPoint.Core;

namespace HelpPoint.Simulator.Adapters;

/// <summary>Core's <see cref="IStorage"/> as files in one folder per device (the device's flash).</summary>
public sealed class FileStorage : IStorage
{
    private readonly string _directory;

    /// <summary>Uses (and creates) <paramref name="directory"/>.</summary>
    public FileStorage(string directory)
    {
        _directory = Path.GetFullPath(directory);
        Directory.CreateDirectory(_directory);
    }

    /// <summary>The folder the files live in.</summary>
    public string DirectoryPath => _directory;

    /// <inheritdoc/>
    public bool Exists(string name) => File.Exists(PathOf(name));

    /// <inheritdoc/>
    public byte[]? ReadAll(string name)
    {
        string path = PathOf(name);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    /// <inheritdoc/>
    public void Write(string name, byte[] data, int count)
    {
        // Flushed to disk, so that the rename that follows commits bytes that are really there.
        using var stream = new FileStream(PathOf(name), FileMode.Create, FileAccess.Write, FileShare.None);
        stream.Write(data, 0, count);
        stream.Flush(flushToDisk: true);
    }

    /// <inheritdoc/>
    public void Rename(string from, string to) => File.Move(PathOf(from), PathOf(to), overwrite: true);

    /// <inheritdoc/>
    public void Delete(string name) => File.Delete(PathOf(name));

    private string PathOf(string name)
    {
        // Core uses plain names; anything else is a bug, not a path to follow.
        if (name.Length == 0 || name.IndexOfAny(['/', '\\']) >= 0 || name.Contains(".."))
        {
            throw new ArgumentException($"not a plain file name: '{name}'", nameof(name));
        }

        return Path.Combine(_directory, name);
    }
}
