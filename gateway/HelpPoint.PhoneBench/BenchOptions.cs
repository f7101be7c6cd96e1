using System.Globalization;

namespace HelpPoint.PhoneBench;

/// <summary>Command-line options of the press-to-phone benchmark.</summary>
public sealed record BenchOptions(double Rate, int Seconds, int WarmupRequests, int Branches, int DevicesPerBranch, double TargetP99Ms, string Synchronous, bool Withdraw)
{
    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions(Rate: 50, Seconds: 20, WarmupRequests: 100, Branches: 10, DevicesPerBranch: 2, TargetP99Ms: 50, Synchronous: "FULL", Withdraw: true);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            o = args[i] switch
            {
                "--rate" => o with { Rate = double.Parse(value, CultureInfo.InvariantCulture) },
                "--seconds" => o with { Seconds = int.Parse(value, CultureInfo.InvariantCulture) },
                "--warmup" => o with { WarmupRequests = int.Parse(value, CultureInfo.InvariantCulture) },
                "--branches" => o with { Branches = int.Parse(value, CultureInfo.InvariantCulture) },
                "--devices-per-branch" => o with { DevicesPerBranch = int.Parse(value, CultureInfo.InvariantCulture) },
                "--target-p99-ms" => o with { TargetP99Ms = double.Parse(value, CultureInfo.InvariantCulture) },
                "--sqlite-synchronous" => o with { Synchronous = value },
                "--withdraw" => o with { Withdraw = bool.Parse(value) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return o;
    }
}
