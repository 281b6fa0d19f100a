using Microsoft.AspNetCore.SignalR;

namespace Widget.Web.Realtime;

/// <summary>
/// The tags one hub connection follows, kept among the connection's features. A widget follows one tag, so
/// this is a small array: a set in the connection's <c>Items</c> dictionary cost ~600 bytes per open widget.
/// A connection's hub calls run one at a time, so it needs no lock.
/// </summary>
internal sealed class JoinedTags
{
    private string[] tags = [];

    public int Count => tags.Length;

    public IReadOnlyList<string> All => tags;

    public static JoinedTags Of(HubCallerContext context)
    {
        if (context.Features.Get<JoinedTags>() is { } joined)
        {
            return joined;
        }

        joined = new JoinedTags();
        context.Features.Set(joined);
        return joined;
    }

    public bool Contains(string tag) => Array.IndexOf(tags, tag) >= 0;

    /// <summary>False when the connection already follows the tag.</summary>
    public bool Add(string tag)
    {
        if (Contains(tag))
        {
            return false;
        }

        tags = [.. tags, tag];
        return true;
    }

    public bool Remove(string tag)
    {
        if (!Contains(tag))
        {
            return false;
        }

        tags = Array.FindAll(tags, t => t != tag);
        return true;
    }
}
