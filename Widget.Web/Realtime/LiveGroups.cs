using Widget.Core.Tags;

namespace Widget.Web.Realtime;

/// <summary>SignalR group names, in one place so the hub and the publishers cannot disagree.</summary>
public static class LiveGroups
{
    public static string ForTag(Tag tag) => "t:" + tag.Value;

    public static string ForTag(string normalisedTag) => "t:" + normalisedTag;
}
