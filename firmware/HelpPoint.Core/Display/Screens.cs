using System.Collections;

namespace HelpPoint.Core
{
    /// <summary>
    /// The texts a help point shows in each state, in Swedish and English, wrapped to the display.
    /// Other visitor languages get the device's default language (the display has no fonts for them).
    /// </summary>
    public static class Screens
    {
        /// <summary>Builds the screen for a state. Numbers are <see cref="TicketMessage.None"/> when unknown.</summary>
        public static Screen Build(HelpPointState state, string language, string ticket, int position, int waitS, string host, bool online)
        {
            bool sv = language != Languages.English;
            var lines = new ArrayList();
            switch (state)
            {
                case HelpPointState.Idle:
                    lines.Add(sv ? "IT-hjälp" : "IT help");
                    lines.Add(string.Empty);
                    Add(lines, sv ? "Tryck på en knapp för hjälp" : "Press a button for help");
                    break;

                case HelpPointState.Sending:
                    Add(lines, sv ? "Skickar din fråga ..." : "Sending your request ...");
                    break;

                case HelpPointState.Offline:
                    Add(lines, sv ? "Sparad — skickas när nätet är tillbaka" : "Saved — we will send it as soon as the network is back");
                    break;

                case HelpPointState.Queued:
                    AddTicket(lines, ticket, sv);
                    if (position == 1)
                    {
                        Add(lines, sv ? "Du är näst på tur" : "You are next");
                    }
                    else if (position > 1)
                    {
                        Add(lines, sv ? "Plats " + position.ToString() + " i kön" : "Place " + position.ToString() + " in the queue");
                    }

                    if (waitS >= 0)
                    {
                        string minutes = WaitMinutes(waitS).ToString();
                        Add(lines, sv ? "ca " + minutes + " min" : "about " + minutes + " min");
                    }

                    break;

                case HelpPointState.Assigned:
                    AddTicket(lines, ticket, sv);
                    if (host != null && host.Length > 0)
                    {
                        Add(lines, sv ? host + " är på väg" : host + " is on the way");
                    }
                    else
                    {
                        Add(lines, sv ? "En IT-värd är på väg" : "An IT-host is on the way");
                    }

                    break;

                case HelpPointState.Done:
                    AddTicket(lines, ticket, sv);
                    Add(lines, sv ? "Klart — tack för besöket!" : "Done — thank you for coming!");
                    break;

                case HelpPointState.Cancelled:
                    AddTicket(lines, ticket, sv);
                    Add(lines, sv ? "Din fråga är avbruten" : "Your request is cancelled");
                    break;

                case HelpPointState.Expired:
                    AddTicket(lines, ticket, sv);
                    Add(lines, sv ? "Ingen hann hjälpa dig — fråga i informationsdisken" : "Nobody could help in time — please ask at the information desk");
                    break;

                case HelpPointState.Unstaffed:
                    AddTicket(lines, ticket, sv);
                    Add(lines, sv ? "Ingen IT-värd just nu — fråga i informationsdisken" : "No IT-host right now — please ask at the information desk");
                    break;

                default:
                    Add(lines, sv ? "Något gick fel — fråga i informationsdisken" : "Something went wrong — please ask at the information desk");
                    break;
            }

            int count = lines.Count < Screen.MaxLines ? lines.Count : Screen.MaxLines;
            var result = new string[count];
            for (int i = 0; i < count; i++)
            {
                result[i] = (string)lines[i];
            }

            return new Screen(state, sv ? Languages.Swedish : Languages.English, ticket, result, online);
        }

        /// <summary>Whole minutes for a wait estimate, rounded up and at least 1.</summary>
        public static int WaitMinutes(int waitS)
        {
            int minutes = (waitS / 60) + (waitS % 60 > 0 ? 1 : 0);
            return minutes < 1 ? 1 : minutes;
        }

        private static void AddTicket(ArrayList lines, string ticket, bool sv)
        {
            if (ticket == null || ticket.Length == 0)
            {
                return;
            }

            Add(lines, (sv ? "Nummer " : "Number ") + ticket);
            lines.Add(string.Empty);
        }

        private static void Add(ArrayList lines, string text)
        {
            TextWrap.Wrap(text, Screen.MaxColumns, lines);
        }
    }
}
