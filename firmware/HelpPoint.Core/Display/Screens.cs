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
            return Build(state, language, ticket, position, waitS, host, online, null, FeedbackPrompt.None);
        }

        /// <summary>
        /// Builds the screen for a state from the visitor's language (null for none) and the device's
        /// default: text lines in sv or en, and the facts a bitmap display composes from in any language.
        /// </summary>
        public static Screen Build(
            HelpPointState state,
            string visitorLanguage,
            string defaultLanguage,
            string ticket,
            int position,
            int waitS,
            string host,
            bool online,
            string selectedLanguage,
            FeedbackPrompt feedback)
        {
            Screen text = Build(state, Languages.ForDisplay(visitorLanguage, defaultLanguage), ticket, position, waitS, host, online, selectedLanguage, feedback);
            return new Screen(
                state,
                text.Language,
                ticket,
                text.Lines,
                online,
                text.Truncated,
                visitorLanguage,
                defaultLanguage,
                position,
                waitS,
                host,
                selectedLanguage,
                feedback);
        }

        /// <summary>
        /// Builds the screen for a state, with the language the visitor picked (shown while idle; null
        /// for none) and the feedback prompt after <c>done</c>.
        /// </summary>
        public static Screen Build(
            HelpPointState state,
            string language,
            string ticket,
            int position,
            int waitS,
            string host,
            bool online,
            string selectedLanguage,
            FeedbackPrompt feedback)
        {
            bool sv = language != Languages.English;
            var lines = new ArrayList();
            switch (state)
            {
                case HelpPointState.Idle:
                    lines.Add(sv ? "IT-hjälp" : "IT help");
                    lines.Add(string.Empty);
                    Add(lines, sv ? "Tryck på en knapp för hjälp" : "Press a button for help");
                    if (selectedLanguage != null)
                    {
                        lines.Add(string.Empty);
                        Add(lines, (sv ? "Språk: " : "Language: ") + Languages.DisplayName(selectedLanguage, sv ? Languages.Swedish : Languages.English));
                    }

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
                    if (feedback == FeedbackPrompt.Open)
                    {
                        Add(lines, sv ? "Hur gick det? Tryck" : "How did it go? Press");
                        Add(lines, sv ? "1=bra 2=okej 3=dåligt" : "1=good 2=okay 3=bad");
                    }
                    else if (feedback == FeedbackPrompt.Given)
                    {
                        Add(lines, sv ? "Tack för ditt svar!" : "Thanks for your answer!");
                    }

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

            return Finish(state, sv, ticket, lines, online);
        }

        /// <summary>
        /// The setup screen a device shows when it cannot start from its config file: what to do, and
        /// the first thing that is wrong.
        /// </summary>
        public static Screen Setup(ConfigProblem problem, string field, string language)
        {
            bool sv = language != Languages.English;
            var lines = new ArrayList();
            Add(lines, sv ? "Inställning behövs" : "Setup needed");
            lines.Add(string.Empty);
            switch (problem)
            {
                case ConfigProblem.Missing:
                    Add(lines, sv ? "config.json saknas på I:" : "config.json is missing on I:");
                    break;
                case ConfigProblem.NotJson:
                    Add(lines, sv ? "config.json är inte giltig JSON" : "config.json is not valid JSON");
                    break;
                case ConfigProblem.MissingField:
                    Add(lines, (sv ? "Saknas: " : "Missing: ") + field);
                    break;
                default:
                    Add(lines, (sv ? "Ogiltigt: " : "Invalid: ") + field);
                    break;
            }

            lines.Add(string.Empty);
            Add(lines, sv ? "Se docs/firmware.md" : "See docs/firmware.md");
            return Finish(HelpPointState.Setup, sv, null, lines, false);
        }

        /// <summary>
        /// While the device has no network yet: the network it joins, how many attempts failed and when
        /// it tries again (in sv or en; text only, like the setup screen).
        /// </summary>
        public static Screen Network(string ssid, int failures, int retryInS, string language)
        {
            bool sv = language != Languages.English;
            var lines = new ArrayList();
            Add(lines, failures == 0 ? (sv ? "Ansluter till Wi-Fi" : "Joining Wi-Fi") : (sv ? "Inget Wi-Fi" : "No Wi-Fi"));
            Add(lines, ssid == null ? string.Empty : ssid);
            if (failures > 0)
            {
                lines.Add(string.Empty);
                Add(lines, (sv ? "Misslyckat försök: " : "Failed attempts: ") + failures.ToString());
                Add(lines, retryInS > 0
                    ? (sv ? "Nytt försök om " : "Trying again in ") + retryInS.ToString() + " s"
                    : (sv ? "Försöker igen ..." : "Trying again ..."));
            }

            return Finish(HelpPointState.Setup, sv, null, lines, false);
        }

        /// <summary>Whole minutes for a wait estimate, rounded up and at least 1.</summary>
        public static int WaitMinutes(int waitS)
        {
            int minutes = (waitS / 60) + (waitS % 60 > 0 ? 1 : 0);
            return minutes < 1 ? 1 : minutes;
        }

        private static Screen Finish(HelpPointState state, bool sv, string ticket, ArrayList lines, bool online)
        {
            int count = lines.Count < Screen.MaxLines ? lines.Count : Screen.MaxLines;
            var result = new string[count];
            for (int i = 0; i < count; i++)
            {
                result[i] = (string)lines[i];
            }

            return new Screen(state, sv ? Languages.Swedish : Languages.English, ticket, result, online, lines.Count > Screen.MaxLines);
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
