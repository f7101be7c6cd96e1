namespace HelpPoint.Core
{
    /// <summary>What an <see cref="OutboxItem"/> will be sent as.</summary>
    public enum OutboxItemKind
    {
        Request = 0,
        Cancel = 1,
        Feedback = 2
    }
}
