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

        /// <summary>
        /// The name of a visitor language as the display can write it (Latin letters, in the display's
        /// own language sv or en), e.g. ("ar", "sv") gives "arabiska". Unknown codes come back in capitals.
        /// </summary>
        public static string DisplayName(string code, string displayLanguage)
        {
            bool sv = displayLanguage != English;
            switch (code)
            {
                case "sv": return sv ? "svenska" : "Swedish";
                case "en": return sv ? "engelska" : "English";
                case "ar": return sv ? "arabiska" : "Arabic";
                case "so": return sv ? "somaliska" : "Somali";
                case "fa": return sv ? "persiska/dari" : "Persian/Dari";
                case "ti": return sv ? "tigrinska" : "Tigrinya";
                case "uk": return sv ? "ukrainska" : "Ukrainian";
                case "ru": return sv ? "ryska" : "Russian";
                case "pl": return sv ? "polska" : "Polish";
                case "fi": return sv ? "finska" : "Finnish";
                case "tr": return sv ? "turkiska" : "Turkish";
                case "ku": return sv ? "kurdiska" : "Kurdish";
                case "es": return sv ? "spanska" : "Spanish";
                case "fr": return sv ? "franska" : "French";
                case "de": return sv ? "tyska" : "German";
                case "bs": return sv ? "bosniska" : "Bosnian";
                case "am": return sv ? "amhariska" : "Amharic";
                default: return code == null ? string.Empty : code.ToUpper();
            }
        }

        private static bool IsLowerAscii(char c)
        {
            return c >= 'a' && c <= 'z';
        }
    }
}
