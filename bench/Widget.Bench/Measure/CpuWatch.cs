using System.Globalization;

namespace Widget.Bench.Measure;

/// <summary>
/// CPU seconds of named process groups between two moments: <c>server=PID</c>, <c>generator=self+PID+PID</c>,
/// or <c>postgres=tree:PID</c> (the postmaster, its live backends, and those it has reaped).
/// </summary>
public sealed class CpuWatch
{
    private readonly List<(string Label, int[] Pids, bool Tree)> groups = [];

    public CpuWatch(IEnumerable<string> specs)
    {
        foreach (var spec in specs)
        {
            var eq = spec.IndexOf('=', StringComparison.Ordinal);
            if (eq < 1)
            {
                throw new ArgumentException($"--watch '{spec}': expected label=PID[+PID...] or label=tree:PID");
            }

            var value = spec[(eq + 1)..];
            var tree = value.StartsWith("tree:", StringComparison.Ordinal);
            var pids = (tree ? value[5..] : value).Split('+', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p == "self" ? Environment.ProcessId : int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            groups.Add((spec[..eq], pids, tree));
        }
    }

    public Snapshot Take()
    {
        var seconds = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (label, pids, tree) in groups)
        {
            double sum = 0;
            foreach (var pid in pids)
            {
                sum += ProcFs.CpuSeconds(pid, withReapedChildren: tree);
                if (tree)
                {
                    sum += ProcFs.ChildrenOf(pid).Sum(child => ProcFs.CpuSeconds(child));
                }
            }

            seconds[label] = sum;
        }

        var (busy, total) = ProcFs.MachineCpu();
        return new Snapshot(MonotonicClock.Now(), seconds, busy, total);
    }

    public sealed record Snapshot(long At, Dictionary<string, double> Seconds, double MachineBusy, double MachineTotal)
    {
        /// <summary>CPU seconds used per group, and the machine's busy share, from <paramref name="earlier"/> to this.</summary>
        public CpuUse Since(Snapshot earlier)
        {
            var wall = MonotonicClock.ToMicros(At - earlier.At) / 1e6;
            var used = Seconds.ToDictionary(p => p.Key, p => Math.Round(p.Value - earlier.Seconds.GetValueOrDefault(p.Key), 2));
            var total = MachineTotal - earlier.MachineTotal;
            return new CpuUse(Math.Round(wall, 3), used, total > 0 ? Math.Round((MachineBusy - earlier.MachineBusy) / total, 3) : 0);
        }
    }
}

/// <summary>Over <paramref name="WallSeconds"/>: CPU seconds per group, and how busy the whole machine was (0..1).</summary>
public sealed record CpuUse(double WallSeconds, Dictionary<string, double> CpuSeconds, double MachineBusy);
