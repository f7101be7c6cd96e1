namespace HelpPoint.Core
{
    /// <summary>Maps <see cref="Category"/> to and from the protocol's category strings.</summary>
    public static class Categories
    {
        /// <summary>Every category, in the order the buttons are laid out.</summary>
        public static Category[] All
        {
            get
            {
                // A fresh array each call, so no caller can reorder the shared list.
                return new Category[]
                {
                    Category.BankId, Category.Swish, Category.Print, Category.Email,
                    Category.Phone, Category.Forms, Category.Other
                };
            }
        }

        /// <summary>The protocol string ("bankid", …), or null for a value outside the enum.</summary>
        public static string ToProtocol(Category category)
        {
            switch (category)
            {
                case Category.BankId: return "bankid";
                case Category.Swish: return "swish";
                case Category.Print: return "print";
                case Category.Email: return "email";
                case Category.Phone: return "phone";
                case Category.Forms: return "forms";
                case Category.Other: return "other";
                default: return null;
            }
        }

        /// <summary>Reads a protocol string; exact, lower-case match only, as the gateway does.</summary>
        public static bool TryParse(string text, out Category category)
        {
            category = Category.Other;
            if (text == null)
            {
                return false;
            }

            switch (text)
            {
                case "bankid": category = Category.BankId; return true;
                case "swish": category = Category.Swish; return true;
                case "print": category = Category.Print; return true;
                case "email": category = Category.Email; return true;
                case "phone": category = Category.Phone; return true;
                case "forms": category = Category.Forms; return true;
                case "other": category = Category.Other; return true;
                default: return false;
            }
        }
    }
}
