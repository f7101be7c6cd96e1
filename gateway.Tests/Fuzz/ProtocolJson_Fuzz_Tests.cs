using System.Text;
using CsCheck;
using HelpPoint.Domain.Common;
using HelpPoint.Domain.Requests;
using HelpPoint.Gateway.Mqtt;

namespace HelpPoint.Gateway.Tests.Fuzz;

/// <summary>
/// Property-based fuzzing (CsCheck) of the gateway's device-message parsing: whatever arrives, parsing never throws, and
/// whatever it accepts is valid. Bounded by iteration count; CsCheck prints the seed of any failure so it can be replayed,
/// and every input that ever broke the parser is kept in <see cref="Regressions"/>.
/// </summary>
[TestClass]
public sealed class ProtocolJson_Fuzz_Tests
{
    private const string Device = "kista-hp-1";
    private static readonly string[] Kinds = ["request", "cancel", "feedback", "status"];

    /// <summary>Inputs that once crashed the parser.</summary>
    public static IEnumerable<object[]> Regressions() =>
    [
        // Invalid UTF-8 inside a JSON string: JsonDocument accepts it and only GetString() throws (found by the first fuzz run).
        [new byte[] { 0x7B, 0x22, 0x69, 0x64, 0x22, 0x3A, 0x22, 0xDE, 0x22, 0x7D }],
        [new byte[] { 0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D }],
        [Encoding.UTF8.GetBytes("{\"id\":\"kista-hp-1-1\",\"category\":\"bankid\",\"ageMs\":1e400}")],
        [Encoding.UTF8.GetBytes(new string('[', 5000))],
    ];

    [TestMethod]
    [DynamicData(nameof(Regressions))]
    public void Inputs_that_once_broke_the_parser_are_rejected_cleanly(byte[] payload)
    {
        foreach (var kind in Kinds)
        {
            AssertSound(kind, payload);
        }
    }

    [TestMethod]
    public void Arbitrary_bytes_never_throw()
    {
        Gen.Byte.Array[0, 1500].Sample(bytes =>
        {
            foreach (var kind in Kinds)
            {
                AssertSound(kind, bytes);
            }
        }, iter: 20_000);
    }

    [TestMethod]
    public void Json_objects_of_any_shape_never_throw_and_accepted_ones_are_valid()
    {
        var value = Gen.OneOf(
            Gen.Const("null"),
            Gen.Bool.Select(b => b ? "true" : "false"),
            Gen.Long.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "0"),
            Gen.OneOf("\"bankid\"", "\"swish\"", "\"coffee\"", "\"sv\"", "\"kista-hp-1-000042\"", "\"other-1-1\"", "\"\"", "\"\\u0000\"", "[]", "{}"),
            Gen.String[0, 40].Select(s => System.Text.Json.JsonSerializer.Serialize(s)));
        var key = Gen.OneOf("id", "category", "lang", "ageMs", "score", "online", "fw", "rssi", "queued", "uptimeS", "freeHeap", "x");
        var obj = Gen.Select(key, value).Array[0, 8].Select(pairs => "{" + string.Join(",", pairs.Select(p => $"\"{p.Item1}\":{p.Item2}")) + "}");

        Gen.Select(Gen.OneOf(Kinds), obj).Sample((kind, json) => AssertSound(kind, Encoding.UTF8.GetBytes(json)), iter: 20_000);
    }

    [TestMethod]
    public void Mutations_of_valid_requests_never_throw()
    {
        var seeds = new[]
        {
            """{"id":"kista-hp-1-000042","category":"bankid","lang":"sv","ageMs":850}""",
            """{"id":"kista-hp-1-000043","category":"print","ageMs":0}""",
            """{"online":true,"fw":"1.0.0","uptimeS":3600,"rssi":-61,"freeHeap":81234,"queued":0}""",
        };
        var mutation = Gen.Select(Gen.Int[0, 400], Gen.Byte, Gen.Int[0, 3]);
        Gen.Select(Gen.OneOf(seeds), mutation.Array[1, 6], Gen.OneOf(Kinds)).Sample((seed, edits, kind) =>
        {
            var bytes = Encoding.UTF8.GetBytes(seed).ToList();
            foreach (var (at, b, op) in edits)
            {
                var i = bytes.Count == 0 ? 0 : at % bytes.Count;
                switch (op)
                {
                    case 0 when bytes.Count > 0:
                        bytes[i] = b;
                        break;
                    case 1:
                        bytes.Insert(i, b);
                        break;
                    case 2 when bytes.Count > 0:
                        bytes.RemoveAt(i);
                        break;
                    default:
                        bytes.AddRange(bytes.Take(i).ToList());
                        break;
                }
            }

            AssertSound(kind, [.. bytes]);
        }, iter: 20_000);
    }

    /// <summary>Parsing returns a result (never throws), and anything accepted satisfies the contract.</summary>
    private static void AssertSound(string kind, byte[] payload)
    {
        var parsed = ProtocolJson.Parse(kind, payload, Device);
        switch (parsed)
        {
            case RequestMessage r:
                Assert.IsTrue(Identifiers.IsRequestIdOf(r.Id, Device), r.Id);
                Assert.IsTrue(Categories.IsKnown(r.Category), r.Category);
                Assert.IsTrue(r.Lang is null || Identifiers.IsValidLanguage(r.Lang), r.Lang);
                Assert.IsTrue(r.AgeMs is >= 0 and <= HelpPoint.Domain.Queue.BranchQueue.MaxAgeMs);
                break;
            case CancelMessage c:
                Assert.IsTrue(Identifiers.IsRequestIdOf(c.Id, Device), c.Id);
                break;
            case FeedbackMessage f:
                Assert.IsTrue(f.Score is >= 1 and <= 3);
                break;
            case StatusMessage s:
                Assert.IsTrue(s.Firmware is null || s.Firmware.Length <= 32);
                break;
            case RejectedMessage rejected:
                Assert.IsFalse(string.IsNullOrEmpty(rejected.Reason));
                Assert.IsTrue(rejected.Id is null || rejected.Id.Length <= 64);
                break;
            default:
                Assert.Fail($"unexpected parse result {parsed}");
                break;
        }
    }
}
