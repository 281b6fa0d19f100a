using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Widget.Bench.Measure;

/// <summary>
/// The clock every process stamps sends and receipts with. On Linux <see cref="Stopwatch"/> reads
/// clock_gettime(CLOCK_MONOTONIC), which all processes on one machine share; <see cref="Verify"/>
/// checks that against libc rather than trusting it.
/// </summary>
public static partial class MonotonicClock
{
    private const int ClockMonotonic = 1;

    public static long Now() => Stopwatch.GetTimestamp();

    public static long ToMicros(long ticks) => ticks * 1_000_000 / Stopwatch.Frequency;

    /// <summary>The largest gap, in microseconds, between Stopwatch and CLOCK_MONOTONIC read back to back.</summary>
    public static double Verify()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("the bench measures cross-process latency on Linux only");
        }

        var worst = 0.0;
        for (var i = -100; i < 1000; i++)
        {
            var before = Stopwatch.GetTimestamp();
            _ = ClockGetTime(ClockMonotonic, out var spec);
            var after = Stopwatch.GetTimestamp();
            var libc = (spec.Seconds * 1_000_000_000.0) + spec.Nanoseconds;
            var mid = (before + after) / 2.0 * (1_000_000_000.0 / Stopwatch.Frequency);
            // The first hundred reads warm up the call path (JIT, symbol binding) and do not count.
            worst = i < 0 ? 0 : Math.Max(worst, Math.Abs(libc - mid) / 1000.0);
        }

        return worst;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec spec);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
