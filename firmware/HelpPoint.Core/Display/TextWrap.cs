using System.Collections;

namespace HelpPoint.Core
{
    /// <summary>Greedy word wrapping for the small display; words longer than a line are cut.</summary>
    public static class TextWrap
    {
        /// <summary>Appends the lines of <paramref name="text"/>, each at most <paramref name="width"/> characters, to <paramref name="lines"/>.</summary>
        public static void Wrap(string text, int width, ArrayList lines)
        {
            if (text == null || width < 1)
            {
                return;
            }

            string current = string.Empty;
            int pos = 0;
            while (pos < text.Length)
            {
                while (pos < text.Length && text[pos] == ' ')
                {
                    pos++;
                }

                if (pos >= text.Length)
                {
                    break;
                }

                int end = text.IndexOf(' ', pos);
                if (end < 0)
                {
                    end = text.Length;
                }

                string word = text.Substring(pos, end - pos);
                pos = end;

                if (current.Length > 0 && current.Length + 1 + word.Length <= width)
                {
                    current = current + " " + word;
                    continue;
                }

                if (current.Length > 0)
                {
                    lines.Add(current);
                }

                while (word.Length > width)
                {
                    lines.Add(word.Substring(0, width));
                    word = word.Substring(width);
                }

                current = word;
            }

            if (current.Length > 0)
            {
                lines.Add(current);
            }
        }
    }
}
