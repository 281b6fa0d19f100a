using System.Diagnostics;
using Widget.Bench.Measure;

namespace Widget.Bench.Commands;

/// <summary><c>clock</c>: fails unless Stopwatch timestamps are CLOCK_MONOTONIC, the clock all bench processes share.</summary>
public static class ClockCommand
{
    public static int Run()
    {
        var gap = MonotonicClock.Verify();
        var ok = Stopwatch.IsHighResolution && gap < 1000;
        Console.WriteLine($"clock: Stopwatch frequency {Stopwatch.Frequency} Hz, largest gap to CLOCK_MONOTONIC {gap:F1} µs: "
            + (ok ? "same clock" : "NOT the same clock"));
        return ok ? 0 : 1;
    }
}
