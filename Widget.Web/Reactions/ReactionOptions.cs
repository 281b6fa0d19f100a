using System.ComponentModel.DataAnnotations;

namespace Widget.Web.Reactions;

public sealed class ReactionOptions
{
    public const string Section = "Reactions";

    /// <summary>How many reactions a user may add or remove in a burst; a bucket of its own, so reacting never costs a post.</summary>
    [Range(1, 10_000)]
    public int RateLimitBurst { get; set; } = 20;

    /// <summary>How often one more is allowed once the burst is spent.</summary>
    public TimeSpan RateLimitPeriod { get; set; } = TimeSpan.FromSeconds(1);
}
