using System.Text;
using HelpPoint.Core;

namespace HelpPoint.Benchmarks;

/// <summary>
/// Measures the firmware allocation budget of issue 8 on .NET with GC.GetAllocatedBytesForCurrentThread:
/// a button press from GPIO edge to published payload at most 2 KiB, idle ticks nothing, request
/// payloads at most 160 bytes. Prints a Markdown table and exits 1 when a budget is exceeded.
/// </summary>
internal static class Program
{
    private const long PressBudgetBytes = 2048;
    private const int PayloadBudgetBytes = 160;
    private const int Presses = 200;
    private const int IdleTicks = 5000;

    public static int Main()
    {
        var clock = new BenchClock();
        var storage = new BenchStorage();
        var connection = new BenchConnection();
        var display = new BenchDisplay();
        var platform = new BenchPlatform();
        var settings = new HelpPointSettings { Branch = "kista", DeviceId = "kista-hp-1", Secret = "s3cret" };
        var device = new HelpPointDevice(
            settings, clock, storage, display, connection, platform, platform, new FileOutbox(storage, clock, FileOutbox.DefaultCapacity), platform);
        var input = new ButtonInput(8);
        var panel = new HelpPointPanel(device, input, Categories.All);
        string ticketTopic = Topics.ForDevice("kista", "kista-hp-1", "ticket");

        void Loop(long ms)
        {
            clock.NowMs += ms;
            panel.Poll(clock.NowMs);
            device.Tick();
        }

        // One visitor: press (edges with bounce), release, until the request is published; then the
        // gateway's answers and the end state expire, outside the measurement.
        long PressToPublish(int seq, int button)
        {
            int before = connection.Published;
            long start = GC.GetAllocatedBytesForCurrentThread();
            input.Edge(button, true, clock.NowMs);
            input.Edge(button, false, clock.NowMs + 2);
            input.Edge(button, true, clock.NowMs + 4);
            Loop(80);
            input.Edge(button, false, clock.NowMs);
            for (int i = 0; i < 5 && connection.Published == before; i++)
            {
                Loop(20);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - start;
            if (connection.Published != before + 1)
            {
                throw new InvalidOperationException("the press was not published");
            }

            string id = RequestSequence.FormatId("kista-hp-1", seq);
            connection.Deliver(ticketTopic, Encoding.UTF8.GetBytes("{\"id\":\"" + id + "\",\"ticket\":\"17\",\"state\":\"done\",\"position\":null,\"waitS\":null,\"host\":\"Sara\"}"));
            Loop(21000);
            return allocated;
        }

        device.Tick();

        // Warm-up: JIT, static tables, first-use paths.
        int seq = 1;
        for (; seq <= 20; seq++)
        {
            PressToPublish(seq, seq % 7);
        }

        long total = 0;
        long worst = 0;
        for (int n = 0; n < Presses; n++, seq++)
        {
            long bytes = PressToPublish(seq, seq % 7);
            total += bytes;
            worst = Math.Max(worst, bytes);
        }

        // Idle: no visitor, connected, between two heartbeats (ticks every 10 ms for 50 s).
        Loop(60000);
        long idleStart = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < IdleTicks; i++)
        {
            Loop(10);
        }

        long idleBytes = GC.GetAllocatedBytesForCurrentThread() - idleStart;

        // The heartbeat itself, for the record (once a minute).
        long beatStart = GC.GetAllocatedBytesForCurrentThread();
        Loop(60000);
        long heartbeatBytes = GC.GetAllocatedBytesForCurrentThread() - beatStart;

        // Request payload size: the longest the protocol allows (32-character device id, the largest
        // 6-digit sequence, the longest category name, a language, the largest ageMs).
        string worstId = RequestSequence.FormatId(new string('d', Topics.MaxNameLength), 999999);
        int payloadBytes = ProtocolCodec.EncodeRequest(worstId, Category.BankId, "sv", HelpPointDevice.MaxAgeMs).Length;

        bool ok = worst <= PressBudgetBytes && idleBytes == 0 && payloadBytes <= PayloadBudgetBytes;
        Console.WriteLine("| measurement | result | budget |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| press, GPIO edge to published request (mean of {Presses}) | {total / Presses} B | ≤ {PressBudgetBytes} B |");
        Console.WriteLine($"| press, GPIO edge to published request (worst of {Presses}) | {worst} B | ≤ {PressBudgetBytes} B |");
        Console.WriteLine($"| idle ticks ({IdleTicks}, 10 ms apart, connected, no visitor) | {idleBytes} B | 0 B |");
        Console.WriteLine($"| status heartbeat (once a minute, not a budget) | {heartbeatBytes} B | — |");
        Console.WriteLine($"| largest request payload | {payloadBytes} B | ≤ {PayloadBudgetBytes} B |");
        Console.WriteLine(ok ? "All budgets met." : "BUDGET EXCEEDED.");
        return ok ? 0 : 1;
    }
}
