namespace HelpPoint.Core
{
    /// <summary>The kind of errand a visitor asks for help with; one button per category on a help point.</summary>
    /// <remarks>Never call ToString on it (the device returns the number): use <see cref="Categories"/>.</remarks>
    public enum Category
    {
        BankId = 0,
        Swish = 1,
        Print = 2,
        Email = 3,
        Phone = 4,
        Forms = 5,
        Other = 6
    }
}
