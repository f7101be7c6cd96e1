namespace HelpPoint.Core
{
    /// <summary>A decoded <c>config</c> message: what the branch offers on its help points.</summary>
    public sealed class ConfigMessage
    {
        /// <summary>Creates a message; either list may be null when the payload did not carry it.</summary>
        public ConfigMessage(string[] languages, Category[] categories)
        {
            Languages = languages;
            Categories = categories;
        }

        /// <summary>Offered visitor languages (valid ISO 639-1 codes only), or null when absent.</summary>
        public string[] Languages { get; private set; }

        /// <summary>Offered categories (unknown names skipped), or null when absent.</summary>
        public Category[] Categories { get; private set; }
    }
}
