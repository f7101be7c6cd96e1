namespace HelpPoint.Core
{
    /// <summary>Visitor language codes (ISO 639-1) and the choice of the language the display speaks.</summary>
    public static class Languages
    {
        /// <summary>Swedish.</summary>
        public const string Swedish = "sv";

        /// <summary>English.</summary>
        public const string English = "en";

        /// <summary>True for a two-letter lower-case code, the shape the gateway accepts for <c>lang</c>.</summary>
        public static bool IsValidCode(string code)
        {
            if (code == null || code.Length != 2)
            {
                return false;
            }

            return IsLowerAscii(code[0]) && IsLowerAscii(code[1]);
        }

        /// <summary>True for the languages the display has texts (and a font) for.</summary>
        public static bool HasScreenTexts(string code)
        {
            return code == Swedish || code == English;
        }

        /// <summary>
        /// The display language: the visitor's choice when the display speaks it, otherwise the
        /// device's default (and Swedish when even that is unusable).
        /// </summary>
        public static string ForDisplay(string visitorLanguage, string deviceDefault)
        {
            if (HasScreenTexts(visitorLanguage))
            {
                return visitorLanguage;
            }

            return HasScreenTexts(deviceDefault) ? deviceDefault : Swedish;
        }

        private static bool IsLowerAscii(char c)
        {
            return c >= 'a' && c <= 'z';
        }
    }
}
