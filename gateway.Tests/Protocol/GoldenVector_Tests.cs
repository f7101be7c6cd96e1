using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HelpPoint.Domain.Requests;
using HelpPoint.Gateway.Mqtt;
using HelpPoint.Gateway.Tests.Support;

namespace HelpPoint.Gateway.Tests.Protocol;

/// <summary>The gateway side of the golden vectors in docs/protocol/vectors: what it parses and what it emits, byte for byte.</summary>
[TestClass]
public sealed class GoldenVector_Tests
{
    private const string Device = "kista-hp-1";

    private static JsonNode Vectors(string kind) => JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.VectorsDir, kind + ".json")))!;

    public static IEnumerable<object[]> InvalidCases() =>
        new[] { "request", "cancel", "feedback", "status" }
            .SelectMany(kind => Vectors(kind)["invalid"]!.AsArray().Select(c => new object[] { kind, c!["name"]!.GetValue<string>() }));

    public static IEnumerable<object[]> ValidInputCases() =>
        new[] { "request", "cancel", "feedback", "status" }
            .SelectMany(kind => Vectors(kind)["valid"]!.AsArray().Select(c => new object[] { kind, c!["name"]!.GetValue<string>() }));

    [TestMethod]
    [DynamicData(nameof(InvalidCases))]
    public void Every_invalid_vector_is_rejected_with_its_reason_and_readable_id(string kind, string name)
    {
        var vector = Vectors(kind)["invalid"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == name)!;

        var parsed = ProtocolJson.Parse(kind, Encoding.UTF8.GetBytes(vector["payloadText"]!.GetValue<string>()), Device);

        var rejected = parsed as RejectedMessage;
        Assert.IsNotNull(rejected, $"{kind}/{name} was accepted as {parsed}");
        Assert.AreEqual(vector["reason"]!.GetValue<string>(), rejected.Reason);
        Assert.AreEqual(vector["id"]?.GetValue<string>(), rejected.Id);
    }

    [TestMethod]
    [DynamicData(nameof(ValidInputCases))]
    public void Every_valid_device_vector_is_parsed_into_its_fields(string kind, string name)
    {
        var vector = Vectors(kind)["valid"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == name)!;
        var payload = vector["payload"]!;

        // A sequence number written with fewer (or more) zeros than the firmware's six digits is taken in its one spelling.
        var id = vector["canonicalId"]?.GetValue<string>() ?? payload["id"]?.GetValue<string>();
        var parsed = ProtocolJson.Parse(kind, Encoding.UTF8.GetBytes(payload.ToJsonString()), Device);

        switch (parsed)
        {
            case RequestMessage r:
                Assert.AreEqual(id, r.Id);
                Assert.AreEqual(payload["category"]!.GetValue<string>(), r.Category);
                Assert.AreEqual(payload["lang"]?.GetValue<string>(), r.Lang);
                Assert.AreEqual(payload["ageMs"]!.GetValue<long>(), r.AgeMs);
                break;
            case CancelMessage c:
                Assert.AreEqual(id, c.Id);
                break;
            case FeedbackMessage f:
                Assert.AreEqual(payload["score"]!.GetValue<int>(), f.Score);
                break;
            case StatusMessage s:
                Assert.AreEqual(payload["online"]!.GetValue<bool>(), s.Online);
                Assert.AreEqual(payload["fw"]?.GetValue<string>(), s.Firmware);
                Assert.AreEqual(payload["rssi"]?.GetValue<int>(), s.Rssi);
                Assert.AreEqual(payload["queued"]?.GetValue<int>(), s.Queued);
                break;
            default:
                Assert.Fail($"{kind}/{name} was refused: {parsed}");
                break;
        }
    }

    [TestMethod]
    public void Every_ticket_vector_is_encoded_byte_for_byte()
    {
        foreach (var vector in Vectors("ticket")["valid"]!.AsArray())
        {
            var p = vector!["payload"]!;
            var ticket = new DeviceTicket("kista", Device, p["id"]?.GetValue<string>(), p["ticket"]?.GetValue<string>(), p["state"]!.GetValue<string>(),
                p["position"]?.GetValue<int>(), p["waitS"]?.GetValue<int>(), p["host"]?.GetValue<string>(), p["reason"]?.GetValue<string>());

            Assert.AreEqual(p.ToJsonString(), Encoding.UTF8.GetString(ProtocolJson.Encode(ticket)), vector["name"]!.GetValue<string>());
        }
    }

    [TestMethod]
    public void Every_board_vector_is_encoded_byte_for_byte()
    {
        foreach (var vector in Vectors("board")["valid"]!.AsArray())
        {
            var p = vector!["payload"]!;
            var board = new BoardView(
                p["staffed"]!.GetValue<bool>(),
                p["serving"]!.AsArray().Select(s => new BoardServing(s!["ticket"]!.GetValue<string>(), s["host"]!.GetValue<string>())).ToList(),
                p["waiting"]!.AsArray().Select(w => w!.GetValue<string>()).ToList(),
                p["waitS"]?.GetValue<int>());

            Assert.AreEqual(p.ToJsonString(), Encoding.UTF8.GetString(ProtocolJson.Encode(board)), vector["name"]!.GetValue<string>());
        }
    }

    [TestMethod]
    public void The_config_vector_is_encoded_byte_for_byte()
    {
        var p = Vectors("config")["valid"]![0]!["payload"]!;

        var encoded = ProtocolJson.EncodeConfig(p["languages"]!.AsArray().Select(l => l!.GetValue<string>()), Categories.All);

        Assert.AreEqual(p.ToJsonString(), Encoding.UTF8.GetString(encoded));
    }

    [TestMethod]
    public void Every_category_of_the_contract_is_known_to_the_gateway()
    {
        var contract = Vectors("config")["valid"]![0]!["payload"]!["categories"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        CollectionAssert.AreEqual(contract, Categories.All.ToList());
    }

    [TestMethod]
    public void Garbage_never_throws()
    {
        var random = new Random(20261123);
        var seeds = Vectors("request")["valid"]!.AsArray().Select(v => v!["payload"]!.ToJsonString()).ToList();
        for (var i = 0; i < 5000; i++)
        {
            var bytes = Encoding.UTF8.GetBytes(seeds[i % seeds.Count]);
            var mutations = 1 + random.Next(4);
            for (var m = 0; m < mutations; m++)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            foreach (var kind in new[] { "request", "cancel", "feedback", "status" })
            {
                Assert.IsNotNull(ProtocolJson.Parse(kind, bytes, Device));
            }
        }
    }
}
