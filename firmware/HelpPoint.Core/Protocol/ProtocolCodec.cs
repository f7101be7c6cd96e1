using System;
using System.Collections;
using System.Text;

namespace HelpPoint.Core
{
    /// <summary>
    /// Encodes the device's messages exactly as the golden vectors pin them (field order, compact
    /// JSON) and decodes the gateway's, tolerant of order, unknown fields and whitespace.
    /// Decoders never throw: they return null for anything they cannot use.
    /// </summary>
    public static class ProtocolCodec
    {
        /// <summary>The protocol's payload limit; larger payloads are not even parsed.</summary>
        public const int MaxPayloadBytes = 1024;

        /// <summary><c>{"id":…,"category":…,"lang":…,"ageMs":…}</c>; <c>lang</c> is left out when null or empty.</summary>
        public static byte[] EncodeRequest(string id, Category category, string lang, long ageMs)
        {
            string categoryName = Categories.ToProtocol(category);
            if (categoryName == null)
            {
                throw new ArgumentException("unknown category");
            }

            var sb = new StringBuilder(96);
            sb.Append("{\"id\":");
            AppendString(sb, id);
            sb.Append(",\"category\":");
            AppendString(sb, categoryName);
            if (lang != null && lang.Length > 0)
            {
                sb.Append(",\"lang\":");
                AppendString(sb, lang);
            }

            sb.Append(",\"ageMs\":");
            AppendInteger(sb, ageMs);
            sb.Append('}');
            return ToBytes(sb);
        }

        /// <summary><c>{"id":…}</c>.</summary>
        public static byte[] EncodeCancel(string id)
        {
            var sb = new StringBuilder(48);
            sb.Append("{\"id\":");
            AppendString(sb, id);
            sb.Append('}');
            return ToBytes(sb);
        }

        /// <summary><c>{"id":…,"score":…}</c>, score 1 unhappy, 2 neutral, 3 happy.</summary>
        public static byte[] EncodeFeedback(string id, int score)
        {
            var sb = new StringBuilder(56);
            sb.Append("{\"id\":");
            AppendString(sb, id);
            sb.Append(",\"score\":");
            AppendInteger(sb, score);
            sb.Append('}');
            return ToBytes(sb);
        }

        /// <summary>The retained heartbeat: <c>{"online":true,"fw":…,"uptimeS":…,"rssi":…,"freeHeap":…,"queued":…}</c>.</summary>
        public static byte[] EncodeStatus(string firmwareVersion, long uptimeS, int rssi, long freeHeap, int queued)
        {
            var sb = new StringBuilder(112);
            sb.Append("{\"online\":true,\"fw\":");
            AppendString(sb, firmwareVersion);
            sb.Append(",\"uptimeS\":");
            AppendInteger(sb, uptimeS);
            sb.Append(",\"rssi\":");
            AppendInteger(sb, rssi);
            sb.Append(",\"freeHeap\":");
            AppendInteger(sb, freeHeap);
            sb.Append(",\"queued\":");
            AppendInteger(sb, queued);
            sb.Append('}');
            return ToBytes(sb);
        }

        /// <summary>The last will and the goodbye status: <c>{"online":false}</c>.</summary>
        public static byte[] EncodeOffline()
        {
            return Encoding.UTF8.GetBytes("{\"online\":false}");
        }

        /// <summary>Reads a ticket message, or returns null when it is not one.</summary>
        public static TicketMessage DecodeTicket(byte[] payload)
        {
            try
            {
                JsonObject obj = ParseObject(payload);
                if (obj == null)
                {
                    return null;
                }

                TicketState state;
                if (!TicketStates.TryParse(obj.Get("state") as string, out state))
                {
                    return null;
                }

                // An id of the wrong type could never match a request; better to drop the message.
                object idValue = obj.Get("id");
                string id = idValue as string;
                if (id == null && idValue != null && idValue != JsonParser.Null)
                {
                    return null;
                }

                return new TicketMessage(
                    id,
                    ReadTicketNumber(obj.Get("ticket")),
                    state,
                    ReadCount(obj.Get("position")),
                    ReadCount(obj.Get("waitS")),
                    obj.Get("host") as string,
                    obj.Get("reason") as string);
            }
            catch (Exception)
            {
                // The parser reports failure without throwing; this only guards against the unforeseen
                // (an out-of-memory on a small heap, a platform quirk in UTF-8 decoding).
                return null;
            }
        }

        /// <summary>Reads a config message, or returns null when it is not one.</summary>
        public static ConfigMessage DecodeConfig(byte[] payload)
        {
            try
            {
                JsonObject obj = ParseObject(payload);
                if (obj == null)
                {
                    return null;
                }

                return new ConfigMessage(
                    ReadLanguages(obj.Get("languages") as ArrayList),
                    ReadCategories(obj.Get("categories") as ArrayList));
            }
            catch (Exception)
            {
                return null;
            }
        }

        /// <summary>Reads a board message, or returns null when it is not one.</summary>
        public static BoardMessage DecodeBoard(byte[] payload)
        {
            try
            {
                JsonObject obj = ParseObject(payload);
                if (obj == null || !(obj.Get("staffed") is bool))
                {
                    return null;
                }

                ArrayList serving = obj.Get("serving") as ArrayList;
                ArrayList waiting = obj.Get("waiting") as ArrayList;
                int servingCount = serving == null ? 0 : serving.Count;
                var tickets = new string[servingCount];
                var hosts = new string[servingCount];
                int used = 0;
                for (int i = 0; i < servingCount; i++)
                {
                    JsonObject entry = serving[i] as JsonObject;
                    string ticket = entry == null ? null : ReadTicketNumber(entry.Get("ticket"));
                    if (ticket != null)
                    {
                        tickets[used] = ticket;
                        hosts[used] = entry.Get("host") as string;
                        used++;
                    }
                }

                if (used < servingCount)
                {
                    tickets = Shrink(tickets, used);
                    hosts = Shrink(hosts, used);
                }

                int waitingCount = 0;
                for (int i = 0; waiting != null && i < waiting.Count; i++)
                {
                    if (ReadTicketNumber(waiting[i]) != null)
                    {
                        waitingCount++;
                    }
                }

                var queue = new string[waitingCount];
                int next = 0;
                for (int i = 0; waiting != null && i < waiting.Count; i++)
                {
                    string ticket = ReadTicketNumber(waiting[i]);
                    if (ticket != null)
                    {
                        queue[next++] = ticket;
                    }
                }

                return new BoardMessage((bool)obj.Get("staffed"), tickets, hosts, queue, ReadCount(obj.Get("waitS")));
            }
            catch (Exception)
            {
                return null;
            }
        }

        private static string[] Shrink(string[] items, int count)
        {
            var result = new string[count];
            for (int i = 0; i < count; i++)
            {
                result[i] = items[i];
            }

            return result;
        }

        private static JsonObject ParseObject(byte[] payload)
        {
            if (payload == null || payload.Length == 0 || payload.Length > MaxPayloadBytes)
            {
                return null;
            }

            string text = Encoding.UTF8.GetString(payload, 0, payload.Length);
            object value;
            if (!JsonParser.TryParse(text, out value))
            {
                return null;
            }

            return value as JsonObject;
        }

        private static string ReadTicketNumber(object value)
        {
            string text = value as string;
            if (text != null)
            {
                return text;
            }

            // Tolerate a gateway that sends the ticket as a number.
            if (value is long)
            {
                var sb = new StringBuilder(8);
                AppendInteger(sb, (long)value);
                return sb.ToString();
            }

            return null;
        }

        private static int ReadCount(object value)
        {
            if (value is long)
            {
                long n = (long)value;
                return n >= 0 && n <= int.MaxValue ? (int)n : TicketMessage.None;
            }

            if (value is double)
            {
                double d = (double)value;
                return d >= 0 && d <= int.MaxValue ? (int)d : TicketMessage.None;
            }

            return TicketMessage.None;
        }

        private static string[] ReadLanguages(ArrayList list)
        {
            if (list == null)
            {
                return null;
            }

            int count = 0;
            for (int i = 0; i < list.Count; i++)
            {
                if (Languages.IsValidCode(list[i] as string))
                {
                    count++;
                }
            }

            var result = new string[count];
            int next = 0;
            for (int i = 0; i < list.Count; i++)
            {
                string code = list[i] as string;
                if (Languages.IsValidCode(code))
                {
                    result[next++] = code;
                }
            }

            return result;
        }

        private static Category[] ReadCategories(ArrayList list)
        {
            if (list == null)
            {
                return null;
            }

            // Names this firmware does not know are skipped: a newer gateway may offer more.
            int count = 0;
            Category category;
            for (int i = 0; i < list.Count; i++)
            {
                if (Categories.TryParse(list[i] as string, out category))
                {
                    count++;
                }
            }

            var result = new Category[count];
            int next = 0;
            for (int i = 0; i < list.Count; i++)
            {
                if (Categories.TryParse(list[i] as string, out category))
                {
                    result[next++] = category;
                }
            }

            return result;
        }

        private static void AppendString(StringBuilder sb, string value)
        {
            if (value == null)
            {
                sb.Append("null");
                return;
            }

            sb.Append('"');
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    default:
                        if (c < ' ')
                        {
                            sb.Append("\\u00");
                            sb.Append(HexDigit(c >> 4));
                            sb.Append(HexDigit(c & 0xF));
                        }
                        else
                        {
                            sb.Append(c);
                        }

                        break;
                }
            }

            sb.Append('"');
        }

        // Hand-written so the output never depends on the culture (sv-SE writes "−61" with U+2212).
        private static void AppendInteger(StringBuilder sb, long value)
        {
            if (value < 0)
            {
                sb.Append('-');
            }

            // Work on the negative side, which also covers long.MinValue.
            long rest = value < 0 ? value : -value;
            long divisor = 1;
            while (rest / divisor <= -10)
            {
                divisor *= 10;
            }

            while (divisor > 0)
            {
                long digit = -(rest / divisor);
                sb.Append((char)('0' + (int)digit));
                rest %= divisor;
                divisor /= 10;
            }
        }

        private static char HexDigit(int value)
        {
            return (char)(value < 10 ? '0' + value : 'a' + value - 10);
        }

        private static byte[] ToBytes(StringBuilder sb)
        {
            return Encoding.UTF8.GetBytes(sb.ToString());
        }
    }
}
