namespace HelpPoint.Core
{
    /// <summary>What a line of the ticket board is, so the adapter can style it (size, colour).</summary>
    public enum BoardLineKind
    {
        /// <summary>The board's title.</summary>
        Title = 0,

        /// <summary>A section heading ("Now serving", "Waiting").</summary>
        Heading = 1,

        /// <summary>A ticket being helped and its host.</summary>
        Serving = 2,

        /// <summary>Waiting ticket numbers, possibly ending in a "+12" summary.</summary>
        Waiting = 3,

        /// <summary>Plain information (wait estimate, nobody on duty, nothing yet).</summary>
        Info = 4,

        /// <summary>The offline indicator: the board lost its broker.</summary>
        Offline = 5
    }
}
