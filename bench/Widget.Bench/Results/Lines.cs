using Widget.Bench.Measure;

namespace Widget.Bench.Results;

// The JSON lines the children write and `report` reads: one record per kind of line.

public sealed record ViewersReady(string Target, string Scenario, int Process, int Requested, int Connected, int Failed,
    double ConnectSeconds, int[] JoinedPerChannel, long[][] ConnectHistogram, string[] Errors, string Kind = "viewers-ready");

/// <summary>What one viewer process received of one phase; <paramref name="PerPost"/> is [key, latest arrival µs, arrivals].</summary>
public sealed record Deliveries(string Target, string Scenario, int Process, int Phase, long Received, long Unique,
    long Duplicates, long Foreign, long Negative, long[] UniquePerChannel, long[][] Histogram, long[][] PerPost, string Kind = "deliveries");

public sealed record ViewersEnd(string Target, string Scenario, int Process, int Dropped, string[] DropReasons,
    double CpuSeconds, long PeakRssBytes, string Kind = "viewers-end");

public sealed record PostPhase(string Target, string Scenario, int Phase, string Name, double Rate, double Seconds,
    long Sent, long Accepted, long Rejected, long Unacknowledged, long Skipped, long[] AcceptedPerChannel,
    long[][] AckHistogram, CpuUse Cpu, ServerStats? ServerBefore, ServerStats? ServerAfter, string[] Errors, string Kind = "posts")
{
    /// <summary>What the server spent compiling in the phase: a start-up cost, so a phase that still pays
    /// much of it is not yet steady.</summary>
    public double ServerJitMs() => ServerBefore is { } a && ServerAfter is { } b ? (b.JitSeconds - a.JitSeconds) * 1000 : 0;
}

public sealed record IngestResult(string Target, string Name, string Mode, int Workers, int Channels, double Seconds,
    long Accepted, long Rejected, long Failed, long[][] AckHistogram, CpuUse Cpu, string[] Errors, string Kind = "ingest");

public sealed record PageResult(string Target, string Url, int Concurrency, double Seconds, long Requests, long Errors,
    long Bytes, long[][] Histogram, CpuUse Cpu, string Kind = "page");

public sealed record TransferResult(string Target, Asset[] Assets, long Transferred, long Uncompressed, string Kind = "transfer");

public sealed record Asset(string Url, string Type, string? Encoding, long Transferred, long Uncompressed);

public sealed record StatsLine(string Target, string Scenario, string Label, bool Collected, long RssBytes, long HwmBytes,
    double CpuSeconds, int OpenFiles, ServerStats? Server, string Kind = "stats");

/// <summary>The shape of <c>GET /_stats</c>, the same on the service and the bare hub.</summary>
public sealed record ServerStats(long ManagedHeapBytes, long TotalAllocatedBytes, int Gen0Collections, int Gen1Collections,
    int Gen2Collections, double GcPauseSeconds, double JitSeconds, double CpuSeconds, long WorkingSetBytes, bool ServerGc,
    long GcCommittedBytes);
