namespace HelpPoint.Core
{
    /// <summary>MQTT topic names and the identifier rules of protocol v1.</summary>
    public static class Topics
    {
        /// <summary>The root every v1 topic starts with.</summary>
        public const string Root = "helppoint/v1/";

        /// <summary>Longest branch or device name the protocol allows.</summary>
        public const int MaxNameLength = 32;

        /// <summary><c>helppoint/v1/{branch}/{device}/{leaf}</c>, e.g. leaf "request".</summary>
        public static string ForDevice(string branch, string device, string leaf)
        {
            return Root + branch + "/" + device + "/" + leaf;
        }

        /// <summary><c>helppoint/v1/{branch}/board</c>.</summary>
        public static string ForBoard(string branch)
        {
            return Root + branch + "/board";
        }

        /// <summary>True for a branch or device name of the form <c>[a-z0-9-]{1,32}</c>.</summary>
        public static bool IsValidName(string name)
        {
            if (name == null || name.Length == 0 || name.Length > MaxNameLength)
            {
                return false;
            }

            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
