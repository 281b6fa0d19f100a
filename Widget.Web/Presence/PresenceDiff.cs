using Widget.Core.Presence;

namespace Widget.Web.Presence;

/// <summary>What changed on a channel since the last push: who arrived, who left, and the head count now.</summary>
public sealed record PresenceDiff(string Tag, IReadOnlyList<PresentUser> Joined, IReadOnlyList<long> Left, int Count);
