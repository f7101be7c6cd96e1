namespace HelpPoint.Core
{
    /// <summary>The <c>wifi</c> object of <see cref="ProvisioningFile"/>.</summary>
    public sealed class WifiSection
    {
        /// <summary>Network name.</summary>
        public string Ssid { get; set; }

        /// <summary>Password, or null for an open network.</summary>
        public string Password { get; set; }
    }
}
