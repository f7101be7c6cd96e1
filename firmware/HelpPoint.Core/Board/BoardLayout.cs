using System;
using System.Collections;

namespace HelpPoint.Core
{
    /// <summary>
    /// Lays a branch's queue out on a ticket board of <c>columns</c> x <c>rows</c> characters: who is
    /// being helped, who waits, the wait estimate, and an offline indicator. What does not fit is
    /// summarised ("+12") rather than cut off silently.
    /// </summary>
    public static class BoardLayout
    {
        /// <summary>At most this many "now serving" lines; more are summarised.</summary>
        public const int MaxServingLines = 3;

        /// <summary>
        /// Builds the board. <paramref name="message"/> may be null (nothing received yet);
        /// <paramref name="offline"/> adds the offline indicator on the last line.
        /// </summary>
        public static BoardScreen Build(BoardMessage message, bool offline, string language, int columns, int rows)
        {
            if (columns < 12 || rows < 6)
            {
                throw new ArgumentOutOfRangeException("columns");
            }

            bool sv = language != Languages.English;
            var lines = new ArrayList();
            var kinds = new ArrayList();
            int budget = offline ? rows - 1 : rows;

            Add(lines, kinds, Fit(sv ? "IT-hjälp" : "IT help", columns), BoardLineKind.Title);

            if (message == null)
            {
                Wrap(lines, kinds, sv ? "Väntar på kön ..." : "Waiting for the queue ...", columns, BoardLineKind.Info, budget);
            }
            else if (!message.Staffed)
            {
                Wrap(lines, kinds, sv ? "Ingen IT-värd just nu" : "No IT-host right now", columns, BoardLineKind.Info, budget);
                Wrap(lines, kinds, sv ? "Fråga i informationen" : "Please ask at the information desk", columns, BoardLineKind.Info, budget);
            }
            else
            {
                // Reserve: serving heading + 1, waiting heading + 1, footer.
                string footer = Footer(message, sv);
                int footerLines = footer == null ? 0 : 1;
                int servingCount = message.ServingTickets.Length;
                int waitingRoom = budget - lines.Count - footerLines;

                if (servingCount > 0)
                {
                    Add(lines, kinds, Fit(sv ? "Nu hjälps" : "Now serving", columns), BoardLineKind.Heading);

                    // Keep at least the waiting heading and one waiting line below.
                    int room = budget - lines.Count - footerLines - 2;
                    int shown = servingCount;
                    if (shown > MaxServingLines)
                    {
                        shown = MaxServingLines;
                    }

                    if (shown > room)
                    {
                        shown = room < 1 ? 1 : room;
                    }

                    if (shown < servingCount)
                    {
                        // The last line becomes the summary of the rest.
                        shown = shown - 1;
                    }

                    for (int i = 0; i < shown; i++)
                    {
                        Add(lines, kinds, ServingLine(message.ServingTickets[i], message.ServingHosts[i], columns), BoardLineKind.Serving);
                    }

                    if (shown < servingCount)
                    {
                        Add(lines, kinds, Fit("+" + (servingCount - shown).ToString(), columns), BoardLineKind.Serving);
                    }
                }

                Add(lines, kinds, Fit(sv ? "Väntar" : "Waiting", columns), BoardLineKind.Heading);
                waitingRoom = budget - lines.Count - footerLines;
                if (message.Waiting.Length == 0)
                {
                    Add(lines, kinds, Fit(sv ? "Ingen väntar" : "Nobody waiting", columns), BoardLineKind.Info);
                }
                else
                {
                    AddWaiting(lines, kinds, message.Waiting, columns, waitingRoom < 1 ? 1 : waitingRoom);
                }

                if (footer != null)
                {
                    Add(lines, kinds, Fit(footer, columns), BoardLineKind.Info);
                }
            }

            if (offline)
            {
                Add(lines, kinds, Fit(sv ? "OFFLINE - senast kända kö" : "OFFLINE - last known queue", columns), BoardLineKind.Offline);
            }

            int count = lines.Count < rows ? lines.Count : rows;
            var text = new string[count];
            var kindArray = new BoardLineKind[count];
            for (int i = 0; i < count; i++)
            {
                text[i] = (string)lines[i];
                kindArray[i] = (BoardLineKind)kinds[i];
            }

            if (offline && count == rows)
            {
                // The indicator always wins the last line.
                text[count - 1] = (string)lines[lines.Count - 1];
                kindArray[count - 1] = BoardLineKind.Offline;
            }

            return new BoardScreen(text, kindArray, offline, sv ? Languages.Swedish : Languages.English, columns, rows, message, language);
        }

        /// <summary>How many of <paramref name="waiting"/> a layout shows before its "+N" (for tests and diagnostics).</summary>
        public static int ShownTickets(BoardScreen screen)
        {
            int shown = 0;
            for (int i = 0; i < screen.Lines.Length; i++)
            {
                if (screen.Kinds[i] != BoardLineKind.Waiting)
                {
                    continue;
                }

                string line = screen.Lines[i];
                int pos = 0;
                while (pos < line.Length)
                {
                    while (pos < line.Length && line[pos] == ' ')
                    {
                        pos++;
                    }

                    if (pos >= line.Length)
                    {
                        break;
                    }

                    if (line[pos] != '+')
                    {
                        shown++;
                    }

                    while (pos < line.Length && line[pos] != ' ')
                    {
                        pos++;
                    }
                }
            }

            return shown;
        }

        private static string Footer(BoardMessage message, bool sv)
        {
            if (message.WaitS < 0)
            {
                return null;
            }

            string minutes = Screens.WaitMinutes(message.WaitS).ToString();
            return sv ? "Väntetid ca " + minutes + " min" : "Wait about " + minutes + " min";
        }

        private static string ServingLine(string ticket, string host, int columns)
        {
            string text = host == null || host.Length == 0 ? ticket : ticket + "  " + host;
            return Fit(text, columns);
        }

        // Packs ticket numbers two spaces apart into at most maxLines lines; when they do not all fit,
        // the last line ends with "+N" for the rest.
        private static void AddWaiting(ArrayList lines, ArrayList kinds, string[] waiting, int columns, int maxLines)
        {
            int index = 0;
            for (int line = 0; line < maxLines && index < waiting.Length; line++)
            {
                bool lastLine = line == maxLines - 1;
                string text = string.Empty;
                while (index < waiting.Length)
                {
                    string ticket = waiting[index];
                    string candidate = text.Length == 0 ? ticket : text + "  " + ticket;
                    if (candidate.Length > columns)
                    {
                        break;
                    }

                    if (lastLine && index < waiting.Length - 1)
                    {
                        // On the last line, keep room for the summary of whatever follows.
                        string summary = "  +" + (waiting.Length - index - 1).ToString();
                        if (candidate.Length + summary.Length > columns)
                        {
                            break;
                        }
                    }

                    text = candidate;
                    index++;
                }

                if (text.Length == 0)
                {
                    // A ticket number wider than the board: show it cut (never happens with real numbers).
                    text = Fit(waiting[index], columns);
                    index++;
                }

                if (lastLine && index < waiting.Length)
                {
                    string summary = "+" + (waiting.Length - index).ToString();
                    text = text.Length + 2 + summary.Length <= columns ? text + "  " + summary : Fit(summary, columns);
                }

                Add(lines, kinds, text, BoardLineKind.Waiting);
            }
        }

        private static void Wrap(ArrayList lines, ArrayList kinds, string text, int columns, BoardLineKind kind, int budget)
        {
            var wrapped = new ArrayList();
            TextWrap.Wrap(text, columns, wrapped);
            for (int i = 0; i < wrapped.Count && lines.Count < budget; i++)
            {
                Add(lines, kinds, (string)wrapped[i], kind);
            }
        }

        private static void Add(ArrayList lines, ArrayList kinds, string text, BoardLineKind kind)
        {
            lines.Add(text);
            kinds.Add(kind);
        }

        private static string Fit(string text, int columns)
        {
            return text.Length <= columns ? text : text.Substring(0, columns);
        }
    }
}
