using System.ComponentModel.DataAnnotations;

namespace Widget.Web.Realtime;

public sealed class RealtimeOptions
{
    public const string Section = "Realtime";

    /// <summary>The most posts replayed to a reconnecting viewer; past that the viewer reloads the list.</summary>
    [Range(1, 10_000)]
    public int CatchUpLimit { get; set; } = 200;

    /// <summary>How many tags one connection may follow at once.</summary>
    [Range(1, 100)]
    public int MaxTagsPerConnection { get; set; } = 4;

    /// <summary>The largest message a client may send over the hub.</summary>
    [Range(1024, 1_048_576)]
    public int MaxMessageBytes { get; set; } = 32 * 1024;
}
