namespace HelpPoint.Core
{
    /// <summary>Why a device cannot start from its provisioning file.</summary>
    public enum ConfigProblem
    {
        /// <summary>The file is fine.</summary>
        None = 0,

        /// <summary>There is no config file on internal flash.</summary>
        Missing = 1,

        /// <summary>The file is not a JSON object (or is larger than allowed).</summary>
        NotJson = 2,

        /// <summary>A required field is absent; <see cref="DeviceConfig.ProblemField"/> names it.</summary>
        MissingField = 3,

        /// <summary>A field has a value the device cannot use; <see cref="DeviceConfig.ProblemField"/> names it.</summary>
        InvalidField = 4
    }
}
