using HelpPoint.PhoneBench;

// Press to phone: how long from a help point publishing a request (MQTT, QoS 1) until the IT-host's phone has it in its
// live stream (server-sent events), at a steady rate, against a real gateway (embedded broker, SQLite) on loopback.
// Usage: dotnet run -c Release --project gateway/HelpPoint.PhoneBench [-- --rate 50 --seconds 20 --target-p99-ms 50]
var options = BenchOptions.Parse(args);
var result = await PressToPhoneBench.RunAsync(options);
Console.WriteLine(result.Report(options));
return result.P99Ms < options.TargetP99Ms && result.Lost == 0 ? 0 : 1;
