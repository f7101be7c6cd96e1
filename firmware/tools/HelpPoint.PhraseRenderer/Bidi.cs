namespace HelpPoint.PhraseRenderer;

/// <summary>A piece of a line in one direction, in logical (typing) order; HarfBuzz shapes it.</summary>
public sealed record BidiRun(string Text, bool RightToLeft);

/// <summary>
/// The part of the Unicode bidirectional algorithm (UAX #9) that one line of a phrase needs: strong
/// left-to-right and right-to-left letters, European digits, neutrals resolved between them
/// (rules W7, N1, N2, I1, I2), trailing spaces at paragraph level (L1) and run reordering (L2).
/// No explicit embeddings or bracket pairs: phrases do not use them (the renderer refuses brackets in
/// right-to-left phrases, which would need mirroring).
/// </summary>
public static class Bidi
{
    private enum Kind
    {
        L,
        R,
        EN,
        N,
    }

    /// <summary>The runs of <paramref name="text"/> in visual order, left to right.</summary>
    public static IReadOnlyList<BidiRun> VisualRuns(string text, bool rightToLeft)
    {
        if (text.Length == 0)
        {
            return [];
        }

        int paragraph = rightToLeft ? 1 : 0;
        var kinds = text.Select(Classify).ToArray();
        var levels = new int[text.Length];

        // Weak types: a European number after a left-to-right letter (or at the start of an LTR
        // paragraph) counts as L (W7); otherwise it stays a number, which neutrals see as R (N1).
        Kind previousStrong = rightToLeft ? Kind.R : Kind.L;
        for (int i = 0; i < text.Length; i++)
        {
            if (kinds[i] == Kind.L || kinds[i] == Kind.R)
            {
                previousStrong = kinds[i];
            }
            else if (kinds[i] == Kind.EN && previousStrong == Kind.L)
            {
                kinds[i] = Kind.L;
            }
        }

        // Neutrals take the direction of the strong types around them when both agree, else the paragraph's (N1, N2).
        for (int i = 0; i < text.Length; i++)
        {
            if (kinds[i] != Kind.N)
            {
                continue;
            }

            int end = i;
            while (end < text.Length && kinds[end] == Kind.N)
            {
                end++;
            }

            Kind before = i == 0 ? (rightToLeft ? Kind.R : Kind.L) : Strong(kinds[i - 1]);
            Kind after = end == text.Length ? (rightToLeft ? Kind.R : Kind.L) : Strong(kinds[end]);
            Kind resolved = before == after ? before : (rightToLeft ? Kind.R : Kind.L);
            for (int j = i; j < end; j++)
            {
                kinds[j] = resolved;
            }

            i = end - 1;
        }

        // Implicit levels (I1, I2).
        for (int i = 0; i < text.Length; i++)
        {
            levels[i] = (paragraph, kinds[i]) switch
            {
                (0, Kind.L) => 0,
                (0, Kind.R) => 1,
                (0, Kind.EN) => 2,
                (1, Kind.R) => 1,
                _ => 2,
            };
        }

        // Trailing whitespace goes back to the paragraph level (L1).
        for (int i = text.Length - 1; i >= 0 && char.IsWhiteSpace(text[i]); i--)
        {
            levels[i] = paragraph;
        }

        // Level runs in logical order.
        var runs = new List<(int Start, int Length, int Level)>();
        for (int i = 0; i < text.Length;)
        {
            int start = i;
            while (i < text.Length && levels[i] == levels[start])
            {
                i++;
            }

            runs.Add((start, i - start, levels[start]));
        }

        // L2: from the highest level down to the lowest odd one, reverse every sequence of runs at that level or above.
        int highest = runs.Max(r => r.Level);
        int lowestOdd = runs.Where(r => r.Level % 2 == 1).Select(r => r.Level).DefaultIfEmpty(highest + 1).Min();
        for (int level = highest; level >= lowestOdd; level--)
        {
            for (int i = 0; i < runs.Count;)
            {
                if (runs[i].Level < level)
                {
                    i++;
                    continue;
                }

                int start = i;
                while (i < runs.Count && runs[i].Level >= level)
                {
                    i++;
                }

                runs.Reverse(start, i - start);
            }
        }

        return runs.Select(r => new BidiRun(text.Substring(r.Start, r.Length), r.Level % 2 == 1)).ToList();
    }

    /// <summary>True for letters of right-to-left scripts (Hebrew, Arabic and its presentation forms).</summary>
    public static bool IsRightToLeftLetter(char c)
    {
        return (c >= '\u0590' && c <= '\u08FF' && !IsArabicDigit(c)) || (c >= '\uFB1D' && c <= '\uFDFF') || (c >= '\uFE70' && c <= '\uFEFF');
    }

    private static bool IsArabicDigit(char c)
    {
        return (c >= '\u0660' && c <= '\u0669') || (c >= '\u06F0' && c <= '\u06F9');
    }

    private static Kind Strong(Kind kind)
    {
        return kind == Kind.EN ? Kind.R : kind;
    }

    private static Kind Classify(char c)
    {
        if (IsRightToLeftLetter(c))
        {
            return Kind.R;
        }

        if (char.IsDigit(c))
        {
            return Kind.EN;
        }

        if (char.IsLetter(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark)
        {
            return Kind.L;
        }

        return Kind.N;
    }
}
