#if !NANOFRAMEWORK_1_0
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using HelpPoint.Core;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace HelpPoint.Firmware.Tests
{
    /// <summary>
    /// Pins Core to the protocol's golden vectors (docs/protocol/vectors/*.json), the same files the
    /// gateway's tests read. .NET only: it needs the file system and System.Text.Json.
    /// </summary>
    [TestClass]
    public class GoldenVectorTests
    {
        [TestMethod]
        public void Encoder_reproduces_every_request_vector_byte_for_byte()
        {
            int checkedCount = 0;
            foreach (Vector vector in Valid("request"))
            {
                JsonElement p = vector.Payload;
                Category category;
                Assert.IsTrue(Categories.TryParse(p.GetProperty("category").GetString(), out category), vector.Name);
                string lang = p.TryGetProperty("lang", out JsonElement l) ? l.GetString() : null;

                byte[] encoded = ProtocolCodec.EncodeRequest(
                    p.GetProperty("id").GetString(), category, lang, p.GetProperty("ageMs").GetInt64());

                Assert.AreEqual(vector.Compact, Encoding.UTF8.GetString(encoded), vector.Name);
                checkedCount++;
            }

            Assert.IsTrue(checkedCount >= 7, "request vectors found: " + checkedCount);
        }

        [TestMethod]
        public void Encoder_reproduces_every_cancel_vector_byte_for_byte()
        {
            foreach (Vector vector in Valid("cancel"))
            {
                byte[] encoded = ProtocolCodec.EncodeCancel(vector.Payload.GetProperty("id").GetString());

                Assert.AreEqual(vector.Compact, Encoding.UTF8.GetString(encoded), vector.Name);
            }
        }

        [TestMethod]
        public void Encoder_reproduces_every_feedback_vector_byte_for_byte()
        {
            foreach (Vector vector in Valid("feedback"))
            {
                JsonElement p = vector.Payload;
                byte[] encoded = ProtocolCodec.EncodeFeedback(p.GetProperty("id").GetString(), p.GetProperty("score").GetInt32());

                Assert.AreEqual(vector.Compact, Encoding.UTF8.GetString(encoded), vector.Name);
            }
        }

        [TestMethod]
        public void Encoder_reproduces_every_status_vector_byte_for_byte()
        {
            foreach (Vector vector in Valid("status"))
            {
                JsonElement p = vector.Payload;
                byte[] encoded = p.GetProperty("online").GetBoolean()
                    ? ProtocolCodec.EncodeStatus(
                        p.GetProperty("fw").GetString(),
                        p.GetProperty("uptimeS").GetInt64(),
                        p.GetProperty("rssi").GetInt32(),
                        p.GetProperty("freeHeap").GetInt64(),
                        p.GetProperty("queued").GetInt32())
                    : ProtocolCodec.EncodeOffline();

                Assert.AreEqual(vector.Compact, Encoding.UTF8.GetString(encoded), vector.Name);
            }
        }

        [TestMethod]
        public void Decoder_reads_every_ticket_vector_into_the_expected_fields()
        {
            int checkedCount = 0;
            foreach (Vector vector in Valid("ticket"))
            {
                JsonElement p = vector.Payload;
                TicketMessage ticket = ProtocolCodec.DecodeTicket(Encoding.UTF8.GetBytes(vector.Compact));

                Assert.IsNotNull(ticket, vector.Name);
                Assert.AreEqual(StringOrNull(p, "id"), ticket.Id, vector.Name);
                Assert.AreEqual(StringOrNull(p, "ticket"), ticket.Ticket, vector.Name);
                Assert.AreEqual(p.GetProperty("state").GetString(), TicketStates.ToProtocol(ticket.State), vector.Name);
                Assert.AreEqual(IntOrNone(p, "position"), ticket.Position, vector.Name);
                Assert.AreEqual(IntOrNone(p, "waitS"), ticket.WaitS, vector.Name);
                Assert.AreEqual(StringOrNull(p, "host"), ticket.Host, vector.Name);
                Assert.AreEqual(StringOrNull(p, "reason"), ticket.Reason, vector.Name);

                // Decoding must not depend on the encoder's field order or spacing.
                TicketMessage pretty = ProtocolCodec.DecodeTicket(Encoding.UTF8.GetBytes(Reversed(p)));
                Assert.IsNotNull(pretty, vector.Name + " (reordered)");
                Assert.AreEqual(ticket.Id, pretty.Id);
                Assert.AreEqual(ticket.State, pretty.State);
                Assert.AreEqual(ticket.Position, pretty.Position);
                checkedCount++;
            }

            Assert.IsTrue(checkedCount >= 9, "ticket vectors found: " + checkedCount);
        }

        [TestMethod]
        public void Decoder_reads_every_config_vector_into_the_expected_lists()
        {
            foreach (Vector vector in Valid("config"))
            {
                JsonElement p = vector.Payload;
                ConfigMessage config = ProtocolCodec.DecodeConfig(Encoding.UTF8.GetBytes(vector.Compact));

                Assert.IsNotNull(config, vector.Name);
                JsonElement languages = p.GetProperty("languages");
                Assert.AreEqual(languages.GetArrayLength(), config.Languages.Length, vector.Name);
                for (int i = 0; i < config.Languages.Length; i++)
                {
                    Assert.AreEqual(languages[i].GetString(), config.Languages[i], vector.Name);
                }

                JsonElement categories = p.GetProperty("categories");
                Assert.AreEqual(categories.GetArrayLength(), config.Categories.Length, vector.Name);
                for (int i = 0; i < config.Categories.Length; i++)
                {
                    Assert.AreEqual(categories[i].GetString(), Categories.ToProtocol(config.Categories[i]), vector.Name);
                }
            }
        }

        [TestMethod]
        public void Decoder_reads_every_board_vector_into_the_expected_queue()
        {
            int checkedCount = 0;
            foreach (Vector vector in Valid("board"))
            {
                JsonElement p = vector.Payload;
                BoardMessage board = ProtocolCodec.DecodeBoard(Encoding.UTF8.GetBytes(vector.Compact));
                Assert.IsNotNull(board, vector.Name);
                Assert.AreEqual(p.GetProperty("staffed").GetBoolean(), board.Staffed, vector.Name);
                Assert.AreEqual(p.GetProperty("serving").GetArrayLength(), board.ServingTickets.Length, vector.Name);
                int i = 0;
                foreach (JsonElement serving in p.GetProperty("serving").EnumerateArray())
                {
                    Assert.AreEqual(serving.GetProperty("ticket").GetString(), board.ServingTickets[i], vector.Name);
                    Assert.AreEqual(StringOrNull(serving, "host"), board.ServingHosts[i], vector.Name);
                    i++;
                }

                Assert.AreEqual(p.GetProperty("waiting").GetArrayLength(), board.Waiting.Length, vector.Name);
                Assert.AreEqual(IntOrNone(p, "waitS"), board.WaitS, vector.Name);

                // Field order and unknown fields do not matter.
                BoardMessage reordered = ProtocolCodec.DecodeBoard(Encoding.UTF8.GetBytes(Reversed(p)));
                Assert.IsNotNull(reordered, vector.Name);
                Assert.AreEqual(board.Waiting.Length, reordered.Waiting.Length, vector.Name);

                // And every board fits the default ticket display.
                BoardScreen screen = BoardLayout.Build(board, false, "sv", 17, 10);
                Assert.IsTrue(screen.Lines.Length <= 10, vector.Name);
                checkedCount++;
            }

            Assert.IsTrue(checkedCount >= 3, "board vectors found: " + checkedCount);
        }

        [TestMethod]
        public void Every_invalid_vector_payload_is_survived_by_the_decoders()
        {
            int checkedCount = 0;
            foreach (string file in Directory.GetFiles(VectorDirectory(), "*.json"))
            {
                using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(file));
                foreach (JsonElement invalid in doc.RootElement.GetProperty("invalid").EnumerateArray())
                {
                    byte[] payload = Encoding.UTF8.GetBytes(invalid.GetProperty("payloadText").GetString());
                    Expect.NoThrow(delegate { ProtocolCodec.DecodeTicket(payload); });
                    Expect.NoThrow(delegate { ProtocolCodec.DecodeConfig(payload); });
                    checkedCount++;
                }
            }

            Assert.IsTrue(checkedCount > 0);
        }

        [TestMethod]
        public void Encoding_does_not_depend_on_the_current_culture()
        {
            CultureInfo saved = CultureInfo.CurrentCulture;
            try
            {
                // sv-SE writes negative numbers with U+2212, which is not JSON.
                CultureInfo.CurrentCulture = new CultureInfo("sv-SE");

                string status = Encoding.UTF8.GetString(ProtocolCodec.EncodeStatus("1.0.0", 3600, -61, 81234, 0));

                Assert.AreEqual("{\"online\":true,\"fw\":\"1.0.0\",\"uptimeS\":3600,\"rssi\":-61,\"freeHeap\":81234,\"queued\":0}", status);
                Assert.AreEqual("kista-hp-1-000042", RequestSequence.FormatId("kista-hp-1", 42));
            }
            finally
            {
                CultureInfo.CurrentCulture = saved;
            }
        }

        private sealed class Vector
        {
            public string Name { get; init; }

            public JsonElement Payload { get; init; }

            /// <summary>The payload as compact JSON, whatever the file's own formatting.</summary>
            public string Compact { get; init; }
        }

        private static IEnumerable<Vector> Valid(string kind)
        {
            string path = Path.Combine(VectorDirectory(), kind + ".json");
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
            Assert.AreEqual(kind, doc.RootElement.GetProperty("kind").GetString());
            var vectors = new List<Vector>();
            foreach (JsonElement v in doc.RootElement.GetProperty("valid").EnumerateArray())
            {
                JsonElement payload = v.GetProperty("payload").Clone();
                vectors.Add(new Vector
                {
                    Name = kind + ": " + v.GetProperty("name").GetString(),
                    Payload = payload,
                    Compact = JsonSerializer.Serialize(payload)
                });
            }

            Assert.IsTrue(vectors.Count > 0, "no valid vectors in " + path);
            return vectors;
        }

        private static string VectorDirectory()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null)
            {
                string candidate = Path.Combine(dir.FullName, "docs", "protocol", "vectors");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }

                dir = dir.Parent;
            }

            throw new InvalidOperationException("docs/protocol/vectors not found above " + AppContext.BaseDirectory);
        }

        private static string StringOrNull(JsonElement obj, string name)
        {
            return obj.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }

        private static int IntOrNone(JsonElement obj, string name)
        {
            return obj.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number
                ? value.GetInt32()
                : TicketMessage.None;
        }

        /// <summary>The object's members in reverse order, indented, with an extra unknown member.</summary>
        private static string Reversed(JsonElement obj)
        {
            var members = new List<string>();
            foreach (JsonProperty property in obj.EnumerateObject())
            {
                members.Insert(0, "  " + JsonSerializer.Serialize(property.Name) + " : " + property.Value.GetRawText());
            }

            members.Add("  \"addedInALaterVersion\" : {\"x\": [1, \"\\u00e5\"]}");
            return "{\n" + string.Join(",\n", members) + "\n}";
        }
    }
}
#endif
