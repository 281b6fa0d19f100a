namespace Widget.Data.Entities;

/// <summary>A tag that has posts; holds the last sequence number given in it.</summary>
public sealed class Channel
{
    public required string Tag { get; set; }

    public long LastSeq { get; set; }
}
