namespace Widget.Cluster.Tests.Infrastructure;

internal static class ClusterTags
{
    /// <summary>A tag no other test uses.</summary>
    public static string New() => "c" + Guid.NewGuid().ToString("N")[..12];
}
