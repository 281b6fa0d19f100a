using System.Globalization;

namespace Widget.Bench.Commands;

/// <summary>One phase of posting, from <c>--phase ID:NAME:RATE:SECONDS</c>: RATE posts a second, open loop, for SECONDS.</summary>
public sealed record PostPlan(int Id, string Name, double Rate, double Seconds)
{
    public static PostPlan Parse(string spec)
    {
        var parts = spec.Split(':');
        return parts.Length == 4
            ? new PostPlan(int.Parse(parts[0], CultureInfo.InvariantCulture), parts[1],
                double.Parse(parts[2], CultureInfo.InvariantCulture), double.Parse(parts[3], CultureInfo.InvariantCulture))
            : throw new ArgumentException($"--phase '{spec}': expected ID:NAME:RATE:SECONDS");
    }
}
