using System.Net;

namespace Widget.Bench.BareHub;

/// <summary>The service's <c>GET /_stats</c> (Widget.Web/Hosting), same fields, loopback callers only.</summary>
public static class StatsEndpoint
{
    public static IResult Get(HttpContext http, bool collect = false)
    {
        if (http.Connection.RemoteIpAddress is not { } address || !IPAddress.IsLoopback(address))
        {
            return Results.NotFound();
        }

        if (collect)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }

        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return Results.Ok(new
        {
            ManagedHeapBytes = GC.GetTotalMemory(forceFullCollection: false),
            TotalAllocatedBytes = GC.GetTotalAllocatedBytes(),
            Gen0Collections = GC.CollectionCount(0),
            Gen1Collections = GC.CollectionCount(1),
            Gen2Collections = GC.CollectionCount(2),
            GcPauseSeconds = GC.GetTotalPauseDuration().TotalSeconds,
            JitSeconds = System.Runtime.JitInfo.GetCompilationTime().TotalSeconds,
            CpuSeconds = process.TotalProcessorTime.TotalSeconds,
            WorkingSetBytes = process.WorkingSet64,
            ServerGc = System.Runtime.GCSettings.IsServerGC,
            GcCommittedBytes = GC.GetGCMemoryInfo().TotalCommittedBytes,
        });
    }
}
