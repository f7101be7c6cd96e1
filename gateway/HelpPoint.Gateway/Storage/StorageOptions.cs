namespace HelpPoint.Gateway.Storage;

/// <summary>Where and how the gateway stores its data (configuration section <c>Data</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Data";

    /// <summary>Data directory; the SQLite file lives here. Default <c>./data</c>.</summary>
    public string Path { get; set; } = "./data";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>Connection string for PostgreSQL (ignored for SQLite).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// SQLite's <c>synchronous</c> setting. <c>FULL</c> (default) makes every acknowledged request survive a power cut;
    /// <c>NORMAL</c> survives a crash of the process but may lose the last transactions on power loss.
    /// </summary>
    public string SqliteSynchronous { get; set; } = "FULL";

    /// <summary>Below this much free space in the data directory the gateway reports itself unhealthy (SQLite). Default 16 MiB.</summary>
    public long MinFreeBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>
    /// Start on a SQLite file of zero bytes as a new, empty database. Default false: such a file is refused at start, since it
    /// usually means a failed copy or restore rather than a wish to start again.
    /// </summary>
    public bool InitializeEmpty { get; set; }

    public string SqliteFile => System.IO.Path.Combine(System.IO.Path.GetFullPath(Path), "helppoint.db");
}
