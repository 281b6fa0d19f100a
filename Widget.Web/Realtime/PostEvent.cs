using Widget.Core.Posts;

namespace Widget.Web.Realtime;

/// <summary>A post as pushed to one tag's viewers: its place in that tag, its data, and its HTML rendered once for all.</summary>
public sealed record PostEvent(string Tag, long Seq, Post Post, string Html);
