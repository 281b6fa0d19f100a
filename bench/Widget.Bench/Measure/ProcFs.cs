using System.Globalization;

namespace Widget.Bench.Measure;

/// <summary>Reads what the kernel says about a process and the machine, from /proc.</summary>
public static class ProcFs
{
    /// <summary>USER_HZ, fixed at 100 on Linux for everything /proc reports in clock ticks.</summary>
    private const double TicksPerSecond = 100.0;

    /// <summary>utime + stime, plus the reaped children's when <paramref name="withReapedChildren"/> (Postgres backends that exited).</summary>
    public static double CpuSeconds(int pid, bool withReapedChildren = false)
    {
        var fields = StatFields(pid);
        if (fields is null)
        {
            return 0;
        }

        // Field 14 of /proc/pid/stat is utime; fields[0] here is field 3 (state).
        var ticks = Long(fields[11]) + Long(fields[12]);
        if (withReapedChildren)
        {
            ticks += Long(fields[13]) + Long(fields[14]);
        }

        return ticks / TicksPerSecond;
    }

    public static int ParentOf(int pid) => StatFields(pid) is { } fields ? (int)Long(fields[1]) : -1;

    public static IEnumerable<int> ChildrenOf(int pid)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var child)
                && ParentOf(child) == pid)
            {
                yield return child;
            }
        }
    }

    /// <summary>A line of /proc/pid/status such as VmRSS or VmHWM, in bytes; 0 when the process is gone.</summary>
    public static long StatusBytes(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(field + ":", StringComparison.Ordinal))
                {
                    var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    return Long(parts[1]) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }

    public static int OpenFiles(int pid)
    {
        try
        {
            return Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd").Count();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>Machine-wide busy and total CPU seconds since boot, from the first line of /proc/stat.</summary>
    public static (double Busy, double Total) MachineCpu()
    {
        var parts = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        double total = 0;
        for (var i = 1; i < Math.Min(parts.Length, 9); i++)
        {
            total += Long(parts[i]);
        }

        var idle = Long(parts[4]) + Long(parts[5]);
        return ((total - idle) / TicksPerSecond, total / TicksPerSecond);
    }

    private static string[]? StatFields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name is in parentheses and may itself hold spaces or parentheses.
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static long Long(string s) => long.Parse(s, CultureInfo.InvariantCulture);
}
