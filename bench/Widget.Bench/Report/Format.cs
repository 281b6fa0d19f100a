using System.Globalization;

namespace Widget.Bench.Report;

/// <summary>Numbers as the report prints them.</summary>
public static class Format
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Count(double value) => value.ToString("N0", Invariant);

    public static string Ms(long micros) => (micros / 1000.0).ToString(micros < 10_000 ? "F2" : "F1", Invariant);

    public static string Fixed(double value, int decimals = 1) => value.ToString("F" + decimals, Invariant);

    public static string Kb(double bytes) => (bytes / 1024.0).ToString("F1", Invariant);

    public static string Mb(double bytes) => (bytes / 1048576.0).ToString("F1", Invariant);

    public static string Percent(double share) => (share * 100).ToString("F0", Invariant) + "%";

    /// <summary>service / bare, or a dash when either is missing.</summary>
    public static string Ratio(double? service, double? bare) =>
        service is { } s && bare is { } b && b != 0 ? (s / b).ToString("F2", Invariant) : "–";
}
