using System.ComponentModel.DataAnnotations;
using Widget.Core.Posts;

namespace Widget.Web.Posting;

public sealed class PostingOptions
{
    public const string Section = "Posting";

    [Range(1, 100_000)]
    public int MaxLength { get; set; } = PostText.DefaultMaxLength;

    /// <summary>How many posts a user may send in a burst.</summary>
    [Range(1, 10_000)]
    public int RateLimitBurst { get; set; } = 5;

    /// <summary>How often one more post is allowed once the burst is spent.</summary>
    public TimeSpan RateLimitPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long after posting its author may still change a post's text.</summary>
    public TimeSpan EditWindow { get; set; } = EditRules.DefaultWindow;

    /// <summary>The largest HTTP request body the posting API reads.</summary>
    [Range(1024, 1_048_576)]
    public int MaxRequestBytes { get; set; } = 16 * 1024;
}
