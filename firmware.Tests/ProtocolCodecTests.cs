#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Text;
using HelpPoint.Core;

namespace HelpPoint.Firmware.Tests
{
    [TestClass]
    public class ProtocolCodecTests
    {
        [TestMethod]
        public void Longest_request_payload_the_protocol_allows_is_at_most_160_bytes()
        {
            // 32-character device id, 6-digit sequence, longest category name, a language, 7 days of age.
            string device = "abcdefghijklmnopqrstuvwxyz-01234";
            Assert.AreEqual(Topics.MaxNameLength, device.Length);
            string id = RequestSequence.FormatId(device, 999999);
            int longest = 0;
            for (int c = 0; c < 7; c++)
            {
                int size = ProtocolCodec.EncodeRequest(id, (Category)c, "sv", HelpPointDevice.MaxAgeMs).Length;
                longest = size > longest ? size : longest;
            }

            Assert.IsTrue(longest <= 160, "longest request payload: " + longest.ToString() + " bytes");
            Assert.IsTrue(ProtocolCodec.EncodeCancel(id).Length <= 160);
            Assert.IsTrue(ProtocolCodec.EncodeFeedback(id, 3).Length <= 160);
        }

        [TestMethod]
        public void Request_is_compact_json_in_protocol_field_order()
        {
            byte[] payload = ProtocolCodec.EncodeRequest("kista-hp-1-000042", Category.BankId, "sv", 850);

            Assert.AreEqual("{\"id\":\"kista-hp-1-000042\",\"category\":\"bankid\",\"lang\":\"sv\",\"ageMs\":850}", Text(payload));
        }

        [TestMethod]
        [DataRow(null)]
        [DataRow("")]
        public void Request_without_language_leaves_lang_out(string lang)
        {
            byte[] payload = ProtocolCodec.EncodeRequest("kista-hp-1-000043", Category.Print, lang, 0);

            Assert.AreEqual("{\"id\":\"kista-hp-1-000043\",\"category\":\"print\",\"ageMs\":0}", Text(payload));
        }

        [TestMethod]
        public void Cancel_and_feedback_carry_the_request_id()
        {
            Assert.AreEqual("{\"id\":\"kista-hp-1-000042\"}", Text(ProtocolCodec.EncodeCancel("kista-hp-1-000042")));
            Assert.AreEqual("{\"id\":\"kista-hp-1-000042\",\"score\":3}", Text(ProtocolCodec.EncodeFeedback("kista-hp-1-000042", 3)));
        }

        [TestMethod]
        public void Status_has_every_health_field_and_negative_rssi()
        {
            byte[] payload = ProtocolCodec.EncodeStatus("1.0.0", 3600, -61, 81234, 0);

            Assert.AreEqual(
                "{\"online\":true,\"fw\":\"1.0.0\",\"uptimeS\":3600,\"rssi\":-61,\"freeHeap\":81234,\"queued\":0}",
                Text(payload));
        }

        [TestMethod]
        public void Last_will_says_offline()
        {
            Assert.AreEqual("{\"online\":false}", Text(ProtocolCodec.EncodeOffline()));
        }

        [TestMethod]
        public void Strings_are_escaped()
        {
            Assert.AreEqual("{\"id\":\"a\\\"b\\\\c\\n\\u0001\"}", Text(ProtocolCodec.EncodeCancel("a\"b\\c\n\u0001")));
        }

        [TestMethod]
        [DataRow(9223372036854775807L, "9223372036854775807")]
        [DataRow(-9223372036854775808L, "-9223372036854775808")]
        [DataRow(-1L, "-1")]
        [DataRow(10L, "10")]
        public void Integers_are_written_in_full(long value, string expected)
        {
            Assert.AreEqual("{\"online\":true,\"fw\":\"x\",\"uptimeS\":" + expected + ",\"rssi\":0,\"freeHeap\":0,\"queued\":0}",
                Text(ProtocolCodec.EncodeStatus("x", value, 0, 0, 0)));
        }

        [TestMethod]
        public void Queued_ticket_is_read_with_position_and_wait()
        {
            TicketMessage ticket = Decode("{'id':'kista-hp-1-000042','ticket':'17','state':'queued','position':2,'waitS':240,'host':null}");

            Assert.IsNotNull(ticket);
            Assert.AreEqual("kista-hp-1-000042", ticket.Id);
            Assert.AreEqual("17", ticket.Ticket);
            Assert.AreEqual((int)TicketState.Queued, (int)ticket.State);
            Assert.AreEqual(2, ticket.Position);
            Assert.AreEqual(240, ticket.WaitS);
            Assert.IsNull(ticket.Host);
            Assert.IsNull(ticket.Reason);
        }

        [TestMethod]
        [DataRow("queued", 0)]
        [DataRow("assigned", 1)]
        [DataRow("done", 2)]
        [DataRow("cancelled", 3)]
        [DataRow("expired", 4)]
        [DataRow("unstaffed", 5)]
        [DataRow("rejected", 6)]
        public void Every_ticket_state_is_read(string state, int expected)
        {
            TicketMessage ticket = Decode("{'id':'kista-hp-1-000042','ticket':'17','state':'" + state + "','position':null,'waitS':null,'host':null}");

            Assert.IsNotNull(ticket);
            Assert.AreEqual(expected, (int)ticket.State);
            Assert.AreEqual(TicketMessage.None, ticket.Position);
            Assert.AreEqual(TicketMessage.None, ticket.WaitS);
        }

        [TestMethod]
        public void Rejected_ticket_without_id_keeps_its_reason()
        {
            TicketMessage ticket = Decode("{'id':null,'ticket':null,'state':'rejected','position':null,'waitS':null,'host':null,'reason':'malformed JSON'}");

            Assert.IsNotNull(ticket);
            Assert.IsNull(ticket.Id);
            Assert.IsNull(ticket.Ticket);
            Assert.AreEqual("malformed JSON", ticket.Reason);
        }

        [TestMethod]
        public void Ticket_fields_may_come_in_any_order_with_whitespace_and_unknown_fields()
        {
            TicketMessage ticket = Decode(
                " {\r\n\t'host' : 'Sara' , 'future' : {'a':[1,2.5e3,true,false,null,{}]}, 'state':'assigned',\n"
                + " 'waitS':null, 'position':null, 'ticket':'17', 'id':'kista-hp-1-000042' } ");

            Assert.IsNotNull(ticket);
            Assert.AreEqual((int)TicketState.Assigned, (int)ticket.State);
            Assert.AreEqual("Sara", ticket.Host);
            Assert.AreEqual("17", ticket.Ticket);
            Assert.AreEqual("kista-hp-1-000042", ticket.Id);
        }

        [TestMethod]
        public void Escapes_in_strings_are_decoded()
        {
            TicketMessage ticket = Decode("{'id':'kista-hp-1-000042','ticket':'17','state':'assigned','host':'\\u00c5sa \\\"Bo\\\" \\\\ \\/ \\ud83d\\ude00'}");

            Assert.IsNotNull(ticket);
            Assert.AreEqual("\u00c5sa \"Bo\" \\ / \ud83d\ude00", ticket.Host);
        }

        [TestMethod]
        public void Raw_utf8_in_strings_is_decoded()
        {
            TicketMessage ticket = ProtocolCodec.DecodeTicket(Encoding.UTF8.GetBytes(
                DeviceFixture.Json("{'id':'kista-hp-1-000042','ticket':'17','state':'assigned','host':'Åsa Ölund'}")));

            Assert.IsNotNull(ticket);
            Assert.AreEqual("Åsa Ölund", ticket.Host);
        }

        [TestMethod]
        public void Ticket_number_sent_as_a_number_is_read_as_text()
        {
            TicketMessage ticket = Decode("{'id':'kista-hp-1-000042','ticket':17,'state':'queued','position':1,'waitS':0}");

            Assert.IsNotNull(ticket);
            Assert.AreEqual("17", ticket.Ticket);
            Assert.AreEqual(0, ticket.WaitS);
        }

        [TestMethod]
        public void Absent_optional_fields_read_as_null()
        {
            TicketMessage ticket = Decode("{'id':'kista-hp-1-000042','state':'cancelled'}");

            Assert.IsNotNull(ticket);
            Assert.IsNull(ticket.Ticket);
            Assert.AreEqual(TicketMessage.None, ticket.Position);
        }

        [TestMethod]
        [DataRow("")]
        [DataRow(" ")]
        [DataRow("null")]
        [DataRow("17")]
        [DataRow("'queued'")]
        [DataRow("[1,2,3]")]
        [DataRow("{")]
        [DataRow("}")]
        [DataRow("{'id':")]
        [DataRow("{'state':'queued'")]
        [DataRow("{'state':'queued',}")]
        [DataRow("{'state' 'queued'}")]
        [DataRow("{state:'queued'}")]
        [DataRow("{'state':'queued'} {}")]
        [DataRow("{'state':'QUEUED'}")]
        [DataRow("{'state':'waiting'}")]
        [DataRow("{'state':7}")]
        [DataRow("{'id':'x'}")]
        [DataRow("{'id':5,'state':'queued'}")]
        [DataRow("{'state':'queued','host':'\\x'}")]
        [DataRow("{'state':'queued','host':'\\u12'}")]
        [DataRow("{'state':'queued','host':'\\u12zz'}")]
        [DataRow("{'state':'queued','host':'abc")]
        [DataRow("{'state':'queued','position':-}")]
        [DataRow("{'state':'queued','position':1.}")]
        [DataRow("{'state':'queued','position':1e}")]
        [DataRow("{'state':'queued','position':tru}")]
        [DataRow("{'state':'queued','position':nul}")]
        [DataRow("{'state':'queued','x':[1,2}")]
        [DataRow("{'state':'queued','x':[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}")]
        [DataRow("{'state':'queued','x':{'x':{'x':{'x':{'x':{'x':{'x':{'x':{'x':{'x':1}}}}}}}}}}}")]
        public void Garbage_is_refused_without_throwing(string garbage)
        {
            string json = DeviceFixture.Json(garbage);
            TicketMessage ticket = null;
            ConfigMessage config = null;

            Expect.NoThrow(delegate { ticket = ProtocolCodec.DecodeTicket(Encoding.UTF8.GetBytes(json)); });
            Expect.NoThrow(delegate { config = ProtocolCodec.DecodeConfig(Encoding.UTF8.GetBytes(json)); });

            Assert.IsNull(ticket, json);
        }

        [TestMethod]
        public void Numbers_of_the_wrong_kind_read_as_unknown()
        {
            TicketMessage ticket = Decode("{'id':'kista-hp-1-000042','state':'queued','position':'two','waitS':-5}");

            Assert.IsNotNull(ticket);
            Assert.AreEqual(TicketMessage.None, ticket.Position);
            Assert.AreEqual(TicketMessage.None, ticket.WaitS);
        }

        [TestMethod]
        public void Huge_exponents_are_survived()
        {
            TicketMessage ticket = Decode("{'id':'kista-hp-1-000042','state':'queued','position':1e999999999,'waitS':1e-999999999}");

            Assert.IsNotNull(ticket);
            Assert.AreEqual(TicketMessage.None, ticket.Position);
            Assert.AreEqual(0, ticket.WaitS);
        }

        [TestMethod]
        public void Null_empty_and_oversized_payloads_are_refused()
        {
            var big = new byte[ProtocolCodec.MaxPayloadBytes + 1];
            for (int i = 0; i < big.Length; i++)
            {
                big[i] = (byte)' ';
            }

            byte[] valid = Encoding.UTF8.GetBytes(DeviceFixture.Json("{'state':'queued'}"));
            for (int i = 0; i < valid.Length; i++)
            {
                big[i] = valid[i];
            }

            Assert.IsNull(ProtocolCodec.DecodeTicket(null));
            Assert.IsNull(ProtocolCodec.DecodeTicket(new byte[0]));
            Assert.IsNull(ProtocolCodec.DecodeTicket(big));
        }

        [TestMethod]
        public void Every_truncation_of_a_ticket_is_refused_without_throwing()
        {
            byte[] full = Encoding.UTF8.GetBytes(DeviceFixture.Json(
                "{'id':'kista-hp-1-000042','ticket':'17','state':'assigned','position':null,'waitS':null,'host':'\\u00c5sa'}"));

            for (int length = 0; length < full.Length; length++)
            {
                var part = new byte[length];
                for (int i = 0; i < length; i++)
                {
                    part[i] = full[i];
                }

                Assert.IsNull(ProtocolCodec.DecodeTicket(part), "length " + length.ToString());
            }

            Assert.IsNotNull(ProtocolCodec.DecodeTicket(full));
        }

        [TestMethod]
        public void Random_bytes_and_mutations_never_throw()
        {
            byte[] valid = Encoding.UTF8.GetBytes(DeviceFixture.Json(
                "{'id':'kista-hp-1-000042','ticket':'17','state':'queued','position':2,'waitS':240,'host':null}"));

            // A fixed linear congruential generator: the same "random" cases on every run and platform.
            uint seed = 12345;
            for (int round = 0; round < 2000; round++)
            {
                byte[] payload;
                if (round % 2 == 0)
                {
                    seed = (seed * 1103515245) + 12345;
                    payload = new byte[(int)(seed % 64)];
                    for (int i = 0; i < payload.Length; i++)
                    {
                        seed = (seed * 1103515245) + 12345;
                        payload[i] = (byte)(seed >> 16);
                    }
                }
                else
                {
                    payload = new byte[valid.Length];
                    for (int i = 0; i < valid.Length; i++)
                    {
                        payload[i] = valid[i];
                    }

                    for (int flips = 0; flips < 3; flips++)
                    {
                        seed = (seed * 1103515245) + 12345;
                        int at = (int)((seed >> 8) % (uint)payload.Length);
                        seed = (seed * 1103515245) + 12345;
                        payload[at] = (byte)(seed >> 16);
                    }
                }

                byte[] input = payload;
                Expect.NoThrow(delegate { ProtocolCodec.DecodeTicket(input); });
                Expect.NoThrow(delegate { ProtocolCodec.DecodeConfig(input); });
            }
        }

        [TestMethod]
        public void Config_lists_languages_and_categories()
        {
            ConfigMessage config = DecodeConfig("{'languages':['sv','en','ar'],'categories':['bankid','swish','print','email','phone','forms','other']}");

            Assert.IsNotNull(config);
            Assert.AreEqual(3, config.Languages.Length);
            Assert.AreEqual("ar", config.Languages[2]);
            Assert.AreEqual(7, config.Categories.Length);
            Assert.AreEqual((int)Category.BankId, (int)config.Categories[0]);
            Assert.AreEqual((int)Category.Other, (int)config.Categories[6]);
        }

        [TestMethod]
        public void Config_skips_names_this_firmware_does_not_know()
        {
            ConfigMessage config = DecodeConfig("{'categories':['coffee','print',7,null],'languages':['swedish','SV','so',1],'extra':1}");

            Assert.IsNotNull(config);
            Assert.AreEqual(1, config.Categories.Length);
            Assert.AreEqual((int)Category.Print, (int)config.Categories[0]);
            Assert.AreEqual(1, config.Languages.Length);
            Assert.AreEqual("so", config.Languages[0]);
        }

        [TestMethod]
        public void Config_without_lists_leaves_them_null()
        {
            ConfigMessage config = DecodeConfig("{}");

            Assert.IsNotNull(config);
            Assert.IsNull(config.Languages);
            Assert.IsNull(config.Categories);
            Assert.IsNull(DecodeConfig("['sv']"));
        }

        [TestMethod]
        [DataRow("bankid", 0)]
        [DataRow("swish", 1)]
        [DataRow("print", 2)]
        [DataRow("email", 3)]
        [DataRow("phone", 4)]
        [DataRow("forms", 5)]
        [DataRow("other", 6)]
        public void Categories_map_both_ways(string name, int value)
        {
            Category category;
            Assert.IsTrue(Categories.TryParse(name, out category));
            Assert.AreEqual(value, (int)category);
            Assert.AreEqual(name, Categories.ToProtocol(category));
        }

        [TestMethod]
        [DataRow("BankID")]
        [DataRow("coffee")]
        [DataRow("")]
        [DataRow(null)]
        public void Unknown_category_names_are_refused(string name)
        {
            Category category;
            Assert.IsFalse(Categories.TryParse(name, out category));
        }

        [TestMethod]
        public void Category_value_outside_the_enum_has_no_name()
        {
            Assert.IsNull(Categories.ToProtocol((Category)99));
        }

        [TestMethod]
        [DataRow("sv", true)]
        [DataRow("uk", true)]
        [DataRow("SV", false)]
        [DataRow("swe", false)]
        [DataRow("s", false)]
        [DataRow("", false)]
        [DataRow(null, false)]
        public void Language_codes_are_two_lower_case_letters(string code, bool valid)
        {
            Assert.AreEqual(valid, Languages.IsValidCode(code));
        }

        [TestMethod]
        [DataRow("kista", true)]
        [DataRow("kista-hp-1", true)]
        [DataRow("abcdefghijklmnopqrstuvwxyz012345", true)]
        [DataRow("abcdefghijklmnopqrstuvwxyz0123456", false)]
        [DataRow("Kista", false)]
        [DataRow("kista/hp", false)]
        [DataRow("kista+", false)]
        [DataRow("", false)]
        public void Names_follow_the_protocol_alphabet(string name, bool valid)
        {
            Assert.AreEqual(valid, Topics.IsValidName(name));
        }

        private static TicketMessage Decode(string singleQuotedJson)
        {
            return ProtocolCodec.DecodeTicket(Encoding.UTF8.GetBytes(DeviceFixture.Json(singleQuotedJson)));
        }

        private static ConfigMessage DecodeConfig(string singleQuotedJson)
        {
            return ProtocolCodec.DecodeConfig(Encoding.UTF8.GetBytes(DeviceFixture.Json(singleQuotedJson)));
        }

        private static string Text(byte[] payload)
        {
            return Encoding.UTF8.GetString(payload, 0, payload.Length);
        }
    }
}
