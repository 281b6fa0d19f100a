namespace Widget.Core.Presence;

/// <summary>The store for a single node: everything it counts is in this process.</summary>
public sealed class InMemoryPresenceStore : IPresenceStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Channel> channels = new(StringComparer.Ordinal);

    public Task<PresenceChange> AddAsync(PresenceConnection connection, CancellationToken ct)
    {
        lock (gate)
        {
            if (!channels.TryGetValue(connection.Tag, out var channel))
            {
                channel = new Channel();
                channels.Add(connection.Tag, channel);
            }

            if (!channel.Connections.TryAdd(connection.ConnectionId, connection))
            {
                return Task.FromResult(channel.Change(connection, joined: null, left: null));
            }

            var joined = connection.User is { } user ? (channel.AddUser(user) ? user : null) : channel.AddAnonymous();
            channel.AddPage(connection.Page);
            return Task.FromResult(channel.Change(connection, joined, left: null));
        }
    }

    public Task<PresenceChange> RemoveAsync(PresenceConnection connection, CancellationToken ct)
    {
        lock (gate)
        {
            if (!channels.TryGetValue(connection.Tag, out var channel) || !channel.Connections.Remove(connection.ConnectionId))
            {
                return Task.FromResult(new PresenceChange(connection.Tag, null, null, channel?.Count ?? 0, connection.Page, 0));
            }

            var left = connection.User is { } user ? (channel.RemoveUser(user.Id) ? user.Id : null) : channel.RemoveAnonymous();
            channel.RemovePage(connection.Page);
            var change = channel.Change(connection, joined: null, left);
            if (channel.Connections.Count == 0)
            {
                channels.Remove(connection.Tag);
            }

            return Task.FromResult(change);
        }
    }

    public Task<ChannelPresence> GetAsync(string tag, CancellationToken ct)
    {
        lock (gate)
        {
            return Task.FromResult(channels.TryGetValue(tag, out var channel)
                ? new ChannelPresence([.. channel.Users.Values.Select(u => u.User).OrderBy(u => u.Name, StringComparer.Ordinal)], channel.Count)
                : new ChannelPresence([], 0));
        }
    }

    public Task<int> CountOnPageAsync(string tag, string page, CancellationToken ct)
    {
        lock (gate)
        {
            return Task.FromResult(channels.TryGetValue(tag, out var channel) ? channel.PageCount(page) : 0);
        }
    }

    private sealed class Channel
    {
        private readonly Dictionary<string, int> pages = new(StringComparer.Ordinal);
        private int anonymous;

        public Dictionary<string, PresenceConnection> Connections { get; } = new(StringComparer.Ordinal);

        public Dictionary<long, (PresentUser User, int Tabs)> Users { get; } = [];

        /// <summary>Named people once each, anonymous viewers once per connection: they cannot be told apart.</summary>
        public int Count => Users.Count + anonymous;

        public PresentUser? AddAnonymous()
        {
            anonymous++;
            return null;
        }

        public long? RemoveAnonymous()
        {
            anonymous--;
            return null;
        }

        public bool AddUser(PresentUser user)
        {
            var tabs = Users.TryGetValue(user.Id, out var present) ? present.Tabs : 0;
            Users[user.Id] = (user, tabs + 1);
            return tabs == 0;
        }

        public bool RemoveUser(long userId)
        {
            if (!Users.TryGetValue(userId, out var present))
            {
                return false;
            }

            if (present.Tabs > 1)
            {
                Users[userId] = (present.User, present.Tabs - 1);
                return false;
            }

            Users.Remove(userId);
            return true;
        }

        public void AddPage(string? page)
        {
            if (page is not null)
            {
                pages[page] = PageCount(page) + 1;
            }
        }

        public void RemovePage(string? page)
        {
            if (page is not null && pages.TryGetValue(page, out var count))
            {
                if (count > 1)
                {
                    pages[page] = count - 1;
                }
                else
                {
                    pages.Remove(page);
                }
            }
        }

        public int PageCount(string page) => pages.TryGetValue(page, out var count) ? count : 0;

        public PresenceChange Change(PresenceConnection connection, PresentUser? joined, long? left) =>
            new(connection.Tag, joined, left, Count, connection.Page, connection.Page is null ? 0 : PageCount(connection.Page));
    }
}
