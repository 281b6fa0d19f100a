namespace Widget.Web.Hosting;

/// <summary>The runtime's own view of this process, for the benchmark to read beside /proc.</summary>
/// <param name="GcCommittedBytes">What the collector holds from the OS as of its last collection, live or not: with
/// the managed heap beside it, tells memory kept for reuse from memory in use.</param>
public sealed record ProcessStats(long ManagedHeapBytes, long TotalAllocatedBytes, int Gen0Collections,
    int Gen1Collections, int Gen2Collections, double GcPauseSeconds, double JitSeconds, double CpuSeconds, long WorkingSetBytes,
    bool ServerGc, long GcCommittedBytes)
{
    public static ProcessStats Now()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return new ProcessStats(GC.GetTotalMemory(forceFullCollection: false), GC.GetTotalAllocatedBytes(),
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration().TotalSeconds,
            System.Runtime.JitInfo.GetCompilationTime().TotalSeconds, process.TotalProcessorTime.TotalSeconds,
            process.WorkingSet64, System.Runtime.GCSettings.IsServerGC, GC.GetGCMemoryInfo().TotalCommittedBytes);
    }
}
