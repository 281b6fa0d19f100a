using System.ComponentModel.DataAnnotations;

namespace Widget.Web.Cluster;

/// <summary>
/// Redis, shared by the nodes of a cluster: the SignalR backplane and cluster-wide presence. Without a
/// configuration a node runs alone on Postgres. <c>ConnectionStrings:Redis</c>, when set, wins over
/// <see cref="Configuration"/>, so a password can live with the other connection strings in the environment.
/// </summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>redis:6379</c>; empty for a single node.</summary>
    public string? Configuration { get; set; }

    /// <summary>Prefixes every backplane channel and presence key, so several deployments can share one Redis.</summary>
    [Required, RegularExpression("^[A-Za-z0-9_.:-]{1,64}$")]
    public string ChannelPrefix { get; set; } = "widget";

    /// <summary>How often a node renews its presence and call heartbeats.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan NodeHeartbeat { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a silent node's viewers still count as present, and its members stay in their calls; a dead
    /// node's users drop out within this.</summary>
    [Range(typeof(TimeSpan), "00:00:02", "00:30:00")]
    public TimeSpan NodeTimeout { get; set; } = TimeSpan.FromSeconds(15);

    public bool Enabled => !string.IsNullOrWhiteSpace(Configuration);
}
