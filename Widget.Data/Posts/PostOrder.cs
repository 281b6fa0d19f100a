using System.Diagnostics;
using System.Threading.Channels;
using Widget.Data.Batching;

namespace Widget.Data.Posts;

/// <summary>
/// Releases the posts this node stores in each tag's seq order, for live delivery. Postgres gives a tag's seqs
/// in commit order, but the commit lanes see their commits return in any order, and a batch's callers wake in
/// any order. So each lane reports its batch here, before its statement is sent and after it returns, and a
/// tag's post is released only once no batch of this node that could hold an earlier seq of the tag is running.
/// </summary>
/// <remarks>
/// A seq never seen here (written by another node, under a moderator's approval, or by a batch that failed)
/// is waited for only while a batch that began before the later post's commit returned is still running:
/// whatever commits before a batch on a tag began before that batch returned. Nothing is held across a round trip:
/// the lock guards a few list operations per batch.
/// </remarks>
public sealed class PostOrder
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, TagLine> lines = new(StringComparer.Ordinal);
    private readonly Stack<TagLine> idle = new();
    private readonly Channel<PlacedPost> released = Channel.CreateUnbounded<PlacedPost>(new UnboundedChannelOptions { SingleReader = true });
    private long begun;

    /// <summary>Each tag's posts in seq order; a post with several tags appears once per tag.</summary>
    public ChannelReader<PlacedPost> Released => released.Reader;

    /// <summary>Called before the batch's statement is sent.</summary>
    internal long Begin(IReadOnlyList<BatchItem<PendingPost, StoredPost?>> batch)
    {
        lock (gate)
        {
            var ticket = ++begun;
            foreach (var item in batch)
            {
                foreach (var tag in item.Request.Post.Tags)
                {
                    var line = Line(tag.Value);
                    if (line.Running.Count == 0 || line.Running[^1] != ticket)
                    {
                        line.Running.Add(ticket);
                    }
                }
            }

            return ticket;
        }
    }

    /// <summary>Called once the batch's statement has returned or failed; its stored posts are those its items completed with.</summary>
    internal void End(long ticket, IReadOnlyList<BatchItem<PendingPost, StoredPost?>> batch)
    {
        var committedAt = Stopwatch.GetTimestamp();
        lock (gate)
        {
            var mark = begun;
            foreach (var item in batch)
            {
                if (item.Outcome.IsCompletedSuccessfully && item.Outcome.Result is { } stored)
                {
                    foreach (var placement in stored.Placements)
                    {
                        lines[placement.Tag].Waiting.Add(placement.Seq, new Entry(new PlacedPost(stored, placement, item.Request.Shadow, committedAt), mark));
                    }
                }
            }

            foreach (var item in batch)
            {
                foreach (var tag in item.Request.Post.Tags)
                {
                    if (lines.TryGetValue(tag.Value, out var line))
                    {
                        line.Running.Remove(ticket);
                        Release(tag.Value, line);
                    }
                }
            }
        }
    }

    private void Release(string tag, TagLine line)
    {
        while (line.Waiting.Count > 0)
        {
            var seq = line.Waiting.Keys[0];
            var entry = line.Waiting.Values[0];
            if (seq != line.Next && !line.Running.TrueForAll(running => running > entry.Mark))
            {
                return;
            }

            line.Waiting.RemoveAt(0);
            line.Next = seq + 1;
            released.Writer.TryWrite(entry.Post);
        }

        if (line.Running.Count == 0)
        {
            // An idle tag forgets its next seq, which bounds memory by the tags being written; the first post
            // after is released once the batches running when it returned are done.
            lines.Remove(tag);
            line.Next = 0;
            idle.Push(line);
        }
    }

    private TagLine Line(string tag)
    {
        if (!lines.TryGetValue(tag, out var line))
        {
            line = idle.TryPop(out var reused) ? reused : new TagLine();
            lines.Add(tag, line);
        }

        return line;
    }

    /// <param name="Mark">The last batch begun when this post's batch returned: batches after it cannot hold an earlier seq.</param>
    private readonly record struct Entry(PlacedPost Post, long Mark);

    private sealed class TagLine
    {
        /// <summary>The seq expected next, or 0 when not known.</summary>
        public long Next;

        /// <summary>The batches writing to the tag, in the order they began.</summary>
        public readonly List<long> Running = [];

        public readonly SortedList<long, Entry> Waiting = [];
    }
}
