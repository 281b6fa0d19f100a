using System.Collections.Concurrent;

namespace Widget.Web.Together;

/// <summary>
/// The page rooms this node holds, in memory, by site and page path; a connection is in one room at most, the page
/// its widget is on now. A room goes when its last widget leaves.
/// </summary>
public sealed class PageRooms(TimeProvider time)
{
    private readonly ConcurrentDictionary<(string Tag, string Path), PageRoom> rooms = new();
    private readonly ConcurrentDictionary<string, PageRoom> byConnection = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>
    /// Puts the connection in the page's room; returns that room, and the room it left with the visitor it no longer
    /// shows there.
    /// </summary>
    public (PageRoom Entered, (PageRoom Room, long? Hidden)? Left) Enter(string connectionId, string tag, string path)
    {
        lock (gate)
        {
            var left = Leave(connectionId);
            var room = rooms.GetOrAdd((tag, path), key => new PageRoom(key.Tag, key.Path, time.GetUtcNow()));
            room.Watch(connectionId);
            byConnection[connectionId] = room;
            return (room, left);
        }
    }

    /// <summary>The rooms held here on a site.</summary>
    public IEnumerable<PageRoom> In(string tag) => rooms.Values.Where(r => r.Tag == tag);

    public PageRoom? Of(string connectionId) => byConnection.TryGetValue(connectionId, out var room) ? room : null;

    /// <summary>Takes the connection out of its room, if any: the room, and the visitor it no longer shows there.</summary>
    public (PageRoom Room, long? Hidden)? Leave(string connectionId)
    {
        lock (gate)
        {
            if (!byConnection.TryRemove(connectionId, out var room))
            {
                return null;
            }

            var hidden = room.Leave(connectionId);
            if (room.IsEmpty)
            {
                rooms.TryRemove(new KeyValuePair<(string, string), PageRoom>((room.Tag, room.Path), room));
            }

            return (room, hidden);
        }
    }
}
