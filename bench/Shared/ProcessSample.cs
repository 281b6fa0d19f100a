using System.Globalization;

namespace Widget.Bench.Shared;

/// <summary>A process's CPU time so far and resident memory, from /proc, at one moment.</summary>
internal sealed record ProcessSample(TimeSpan Cpu, long RssBytes, DateTime At)
{
    public static ProcessSample Of(int pid)
    {
        // utime and stime are fields 14 and 15, counted after the command name's closing parenthesis.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        var rssKb = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        // The kernel's USER_HZ is 100 on Linux.
        return new ProcessSample(TimeSpan.FromSeconds(ticks / 100.0), long.Parse(rssKb, CultureInfo.InvariantCulture) * 1024, DateTime.UtcNow);
    }

    /// <summary>Share of one core used between the two samples, in percent.</summary>
    public static double CpuPercent(ProcessSample before, ProcessSample after) =>
        100 * (after.Cpu - before.Cpu).TotalSeconds / Math.Max(0.001, (after.At - before.At).TotalSeconds);
}
